package org.kura.server.portal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A theme portal (like an earthquake archive): a title and description in both languages, the query
 * and filters that define which records belong to it, and featured records.
 *
 * @param query    Kura query syntax; blank for every record the filters allow
 * @param filters  facet filters as on /search (e.g. {@code type=[IMAGE]})
 * @param featured records as {@code provider:identifier}
 */
public record Theme(String id, String titleJa, String titleEn, String descriptionJa, String descriptionEn, String query,
                    Map<String, List<String>> filters, List<String> featured) {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Theme {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a theme id is 1-64 of a-z, 0-9 and '-': " + id);
        }
        if (titleJa == null || titleJa.isBlank()) {
            throw new IllegalArgumentException("a theme needs a Japanese title");
        }
        query = query == null ? "" : query.strip();
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        featured = featured == null ? List.of() : List.copyOf(featured);
    }

    public String title(Lang lang) {
        return lang == Lang.EN && titleEn != null && !titleEn.isBlank() ? titleEn : titleJa;
    }

    public String description(Lang lang) {
        String d = lang == Lang.EN && descriptionEn != null && !descriptionEn.isBlank() ? descriptionEn : descriptionJa;
        return d == null ? "" : d;
    }
}
