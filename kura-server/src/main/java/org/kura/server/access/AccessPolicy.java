package org.kura.server.access;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.kura.model.AccessTier;
import org.kura.server.access.Principal.Kind;

/**
 * The one place that decides who may have what of an item, for every endpoint (image, tile,
 * info.json, manifest, thumbnail, PDF, full text, snippet). The table, as NDL Digital Collections
 * runs it:
 * <pre>
 * tier      view/manifest/thumbnail                 download (PDF)         full text
 * PUBLIC    everyone                                everyone               everyone
 * LIBRARY   users, institutions, terminals, staff   terminals, staff       print-disabled users, staff
 * ONSITE    terminals, staff                        staff                  staff
 * WITHHELD  staff                                   staff                  staff
 * </pre>
 * Institutions see LIBRARY items in the viewer but cannot take whole items; search snippets of
 * restricted items are a location search, limited elsewhere. Anything not in the table is refused.
 */
public final class AccessPolicy {
    /** The longest side of a thumbnail, in pixels. */
    public static final int THUMBNAIL_MAX = 200;

    private static final Set<Kind> REGISTERED = EnumSet.of(Kind.USER, Kind.INSTITUTION, Kind.TERMINAL, Kind.STAFF);
    private static final Map<AccessTier, Map<Action, Set<Kind>>> TABLE = Map.of(
            AccessTier.PUBLIC, Map.of(),
            AccessTier.LIBRARY, Map.of(
                    Action.VIEW, REGISTERED, Action.MANIFEST, REGISTERED, Action.THUMBNAIL, REGISTERED,
                    Action.DOWNLOAD, EnumSet.of(Kind.TERMINAL, Kind.STAFF),
                    Action.FULLTEXT, EnumSet.of(Kind.STAFF),
                    Action.SNIPPET, EnumSet.allOf(Kind.class)),
            AccessTier.ONSITE, Map.of(
                    Action.VIEW, EnumSet.of(Kind.TERMINAL, Kind.STAFF), Action.MANIFEST, EnumSet.of(Kind.TERMINAL, Kind.STAFF),
                    Action.THUMBNAIL, EnumSet.of(Kind.TERMINAL, Kind.STAFF), Action.DOWNLOAD, EnumSet.of(Kind.STAFF),
                    Action.FULLTEXT, EnumSet.of(Kind.STAFF), Action.SNIPPET, EnumSet.allOf(Kind.class)),
            AccessTier.WITHHELD, Map.of());

    /** The outcome, with a reason fit to show. */
    public record Decision(boolean allowed, String reason) {
    }

    public Decision decide(Principal p, AccessTier tier, Action action) {
        if (tier == AccessTier.PUBLIC) {
            return new Decision(true, "public");
        }
        if (p.kind() == Kind.STAFF) {
            return new Decision(true, "staff");
        }
        if (tier == AccessTier.LIBRARY && action == Action.FULLTEXT && p.kind() == Kind.USER && p.printDisabled()) {
            return new Decision(true, "print-disabled user");
        }
        Set<Kind> allowed = TABLE.getOrDefault(tier, Map.of()).getOrDefault(action, Set.of());
        if (allowed.contains(p.kind())) {
            return new Decision(true, p.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new Decision(false, switch (tier) {
            case LIBRARY -> "available to registered libraries and users only";
            case ONSITE -> "available on the holding library's terminals only";
            case WITHHELD -> "not available";
            default -> "not available";
        });
    }
}
