package org.kura.server.portal;

import org.kura.model.AccessTier;
import org.kura.model.MaterialType;
import org.kura.model.ReuseCondition;

/**
 * What every page's layout needs: the language and its texts, the page title, the query the search
 * box shows, and this page's URL in the other language.
 */
public final class PortalPage {
    private final Lang lang;
    private final Messages messages;
    private final String title;
    private final String query;
    private final String otherLanguageUrl;
    private final String reader;
    private final MapSettings map;

    /**
     * @param reader the name of the signed-in reader, for the header, or null
     * @param map    the operator's map tile settings
     */
    public PortalPage(Lang lang, Messages messages, String title, String query, String otherLanguageUrl, String reader,
                      MapSettings map) {
        this.reader = reader;
        this.map = map;
        this.lang = lang;
        this.messages = messages;
        this.title = title;
        this.query = query == null ? "" : query;
        this.otherLanguageUrl = otherLanguageUrl;
    }

    public Lang lang() {
        return lang;
    }

    public String title() {
        return title;
    }

    public String query() {
        return query;
    }

    public String otherLanguageUrl() {
        return otherLanguageUrl;
    }

    /** The signed-in reader's name (the header shows it with a sign-out button), or null. */
    public String reader() {
        return reader;
    }

    /** The operator's map tile settings (their tile URL is null when the map shows only its bundled base map). */
    public MapSettings map() {
        return map;
    }

    public String t(String key, Object... args) {
        return messages.get(lang, key, args);
    }

    public PortalPage titled(String newTitle) {
        return new PortalPage(lang, messages, newTitle, query, otherLanguageUrl, reader, map);
    }

    /** A material type, reuse condition or access tier (as the index stores it) in the page's language. */
    public String label(String facet, String value) {
        if (value == null) {
            return "";
        }
        try {
            switch (facet) {
                case "type": {
                    MaterialType m = MaterialType.valueOf(value);
                    return lang == Lang.JA ? m.labelJa() : m.labelEn();
                }
                case "reuse": {
                    ReuseCondition r = ReuseCondition.valueOf(value);
                    return lang == Lang.JA ? r.labelJa() : r.labelEn();
                }
                case "access":
                    return "NONE".equals(value) ? t("access.NONE") : t("access." + AccessTier.valueOf(value).name());
                case "digital":
                case "fulltext":
                    return t("true".equals(value) ? "yes" : "no");
                case "language":
                    return messages.has(lang, "lang." + value) ? t("lang." + value) : value;
                default:
                    return value;
            }
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** Open (green), restricted (amber) or unknown (grey): the class of a reuse badge. */
    public static String reuseClass(String value) {
        try {
            ReuseCondition r = ReuseCondition.valueOf(value);
            return r.isOpen() ? "open" : r == ReuseCondition.UNKNOWN || r == ReuseCondition.RS_CNE
                    || r == ReuseCondition.RS_UND ? "unknown" : "restricted";
        } catch (IllegalArgumentException | NullPointerException e) {
            return "unknown";
        }
    }
}
