package org.kura.server.portal;

import java.util.ArrayList;
import java.util.List;
import org.kura.catalog.ItemEntry;
import org.kura.catalog.StoredRecord;
import org.kura.model.Agent;
import org.kura.model.DateValue;
import org.kura.model.Identifier;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.Provider;
import org.kura.model.Record;
import org.kura.model.Relation;
import org.kura.model.ReuseCondition;
import org.kura.model.Subject;
import org.kura.model.Title;
import org.kura.model.TitleType;

/**
 * A record as its page shows it: every field with a label in the page's language and in a reading
 * order (titles, names, publication, description, subjects, identifiers, rights), the reading of
 * titles and names beside the original, identifiers and links as safe links.
 */
public final class RecordView {
    /** One shown value: text, its reading (or null), and a link (or null). */
    public record Value(String text, String reading, String href, String note) {
    }

    public record Field(String label, List<Value> values) {
    }

    /** A digitized item; title, pages and links are null when the reader may not open it (only the tier shows). */
    public record ItemLink(String id, String title, int pages, String tier, String manifest, String viewer) {
        public boolean open() {
            return manifest != null;
        }
    }

    private final PortalPage page;
    private final StoredRecord stored;
    private final Record record;
    private final Provider provider;
    private final List<ItemEntry> items;
    private final java.util.function.Predicate<ItemEntry> mayOpen;

    public RecordView(PortalPage page, StoredRecord stored, Provider provider, List<ItemEntry> items,
                      java.util.function.Predicate<ItemEntry> mayOpen) {
        this.mayOpen = mayOpen;
        this.page = page;
        this.stored = stored;
        this.record = stored.normalized();
        this.provider = provider;
        this.items = items;
    }

    public String title() {
        String t = record.mainTitle();
        return t.isBlank() ? page.t("untitled") : t;
    }

    public String titleReading() {
        return record.titles().stream().filter(t -> t.type() == TitleType.MAIN).map(Title::reading)
                .filter(r -> r != null && !r.isBlank()).findFirst().orElse(null);
    }

    public String identifier() {
        return stored.identifier();
    }

    public String providerId() {
        return stored.providerId();
    }

    public String providerName() {
        return provider == null ? stored.providerId() : PortalRoutes.name(provider, page.lang());
    }

    /** The record's locations with coordinates, as a map. */
    public MapView map() {
        return MapView.ofRecord(record.geoLocations());
    }

    public String providerUrl() {
        return "/providers/" + stored.providerId();
    }

    public String permalink() {
        return PortalRoutes.recordUrl(stored.providerId(), stored.identifier());
    }

    public String apiUrl() {
        return "/api/records/" + org.kura.server.RecordRoutes.encode(stored.identifier()) + "?provider="
                + stored.providerId();
    }

    public String reuse() {
        return page.label("reuse", record.rights().condition().name());
    }

    public String reuseClass() {
        return PortalPage.reuseClass(record.rights().condition().name());
    }

    public String reuseMeaning() {
        return page.t("reuse.meaning." + meaningKey(record.rights().condition()));
    }

    public String reuseUri() {
        String uri = record.rights().uri() != null ? record.rights().uri() : record.rights().condition().uri();
        return SafeUrls.external(uri);
    }

    public String rightsStatement() {
        return record.rights().statement();
    }

    private static String meaningKey(ReuseCondition c) {
        return switch (c) {
            case CC0, PDM -> "free";
            case CC_BY, CC_BY_SA, CC_BY_ND -> "attribution";
            case CC_BY_NC, CC_BY_NC_SA, CC_BY_NC_ND, RS_INC_NC, RS_NOC_NC -> "noncommercial";
            case RS_INC, RS_INC_EDU, NO_REUSE_WITHOUT_PERMISSION -> "permission";
            case RS_NOC_OKLR -> "restrictions";
            default -> "unknown";
        };
    }

    public String sourceUrl() {
        return record.links().stream().filter(l -> l.kind() == LinkKind.LANDING_PAGE || l.kind() == LinkKind.SOURCE_RECORD)
                .map(Link::url).map(SafeUrls::external).filter(u -> u != null).findFirst()
                .orElseGet(() -> SafeUrls.external(stored.identifier()));
    }

    public String thumbnail() {
        return record.links().stream().filter(l -> l.kind() == LinkKind.THUMBNAIL).map(Link::url)
                .map(SafeUrls::externalOrSameSite).filter(u -> u != null).findFirst().orElse(null);
    }

    public List<ItemLink> items() {
        return items.stream().map(i -> {
            String tier = page.label("access", i.tier().name());
            if (!mayOpen.test(i)) {
                return new ItemLink(i.id(), null, 0, tier, null, null);
            }
            String manifest = "/iiif/3/" + org.kura.server.RecordRoutes.encode(i.id()) + "/manifest";
            return new ItemLink(i.id(), i.title(), i.pages(), tier, manifest, "/viewer?manifest=" + QueryString.enc(manifest));
        }).toList();
    }


    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        List<Value> otherTitles = new ArrayList<>();
        boolean mainSeen = false;
        for (Title t : record.titles()) {
            if (t.type() == TitleType.MAIN && !mainSeen) {
                mainSeen = true;
                continue;
            }
            otherTitles.add(new Value(t.value(), t.reading(), null, page.t("titleType." + t.type().name())));
        }
        add(out, "field.otherTitles", otherTitles);
        List<Value> names = new ArrayList<>();
        for (Agent a : record.agents()) {
            names.add(new Value(a.name(), a.reading(), "/search?q=" + QueryString.enc("creator:\"" + a.name().replace("\"", "") + "\""),
                    page.t("role." + a.role().name())));
        }
        add(out, "field.creators", names);
        add(out, "field.publishers", record.publishers().stream().map(p -> new Value(p.name(), p.reading(), null, null)).toList());
        add(out, "field.places", record.places().stream().map(p -> new Value(p, null, null, null)).toList());
        add(out, "field.geo", record.geoLocations().stream().map(g -> {
            MapView.Place p = g.hasCoordinates() ? MapView.Place.of(g) : null;
            return new Value(g.place() != null ? g.place() : p.coordinates(), null, null,
                    g.place() != null && p != null ? p.coordinates() : null);
        }).toList());
        List<Value> dates = new ArrayList<>();
        for (DateValue d : record.dates()) {
            dates.add(new Value(d.original(), null, null, page.t("dateType." + d.type().name())));
        }
        add(out, "field.dates", dates);
        add(out, "field.type", List.of(new Value(page.label("type", record.materialType().name()), null,
                "/search?type=" + record.materialType().name(), null)));
        if (record.extent() != null) {
            add(out, "field.extent", List.of(new Value(record.extent(), null, null, null)));
        }
        add(out, "field.languages", record.languages().stream()
                .map(l -> new Value(page.label("language", l), null, null, null)).toList());
        add(out, "field.descriptions", record.descriptions().stream().map(d -> new Value(d, null, null, null)).toList());
        List<Value> subjects = new ArrayList<>();
        for (Subject s : record.subjects()) {
            String href = switch (s.scheme()) {
                case NDC, NDC9, NDC10 -> "/search?q=" + QueryString.enc("ndc:" + s.value());
                case NDLC, LCC, DDC -> null;
                default -> "/search?subject=" + QueryString.enc(s.value());
            };
            subjects.add(new Value(s.value(), null, href, s.scheme().name()));
        }
        add(out, "field.subjects", subjects);
        add(out, "field.identifiers", record.identifiers().stream().map(this::identifier).toList());
        List<Value> relations = new ArrayList<>();
        for (Relation r : record.relations()) {
            String text = (r.label() == null ? "" : r.label()) + (r.volume() == null ? "" : " " + r.volume());
            if (text.isBlank() && r.identifier() != null) {
                text = r.identifier().value();
            }
            relations.add(new Value(text.strip(), null, null, page.t("relation." + r.type().name())));
        }
        add(out, "field.relations", relations);
        List<Value> links = new ArrayList<>();
        for (Link l : record.links()) {
            if (l.kind() == LinkKind.THUMBNAIL) {
                continue;
            }
            String href = SafeUrls.external(l.url());
            links.add(new Value(l.label() != null && !l.label().isBlank() ? l.label() : l.url(), null, href,
                    page.t("linkKind." + l.kind().name())));
        }
        add(out, "field.links", links);
        return out;
    }

    private Value identifier(Identifier i) {
        String v = i.value();
        String href = switch (i.type()) {
            case DOI -> "https://doi.org/" + v;
            case HANDLE -> "https://hdl.handle.net/" + v;
            case ISBN -> "/search?q=" + QueryString.enc("isbn:" + v);
            case ISSN -> "/search?q=" + QueryString.enc("issn:" + v);
            case NCID -> "https://ci.nii.ac.jp/ncid/" + v;
            case ORCID -> "https://orcid.org/" + v;
            case VIAF -> "https://viaf.org/viaf/" + v;
            case URI -> SafeUrls.external(v);
            default -> null;
        };
        return new Value(v, null, href, i.type().name().replace('_', ' ') + (i.valid() ? "" : " " + page.t("invalid")));
    }

    private void add(List<Field> out, String key, List<Value> values) {
        if (!values.isEmpty()) {
            out.add(new Field(page.t(key), values));
        }
    }
}
