package org.kura.server.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.kura.model.Agent;
import org.kura.model.DateValue;
import org.kura.model.Identifier;
import org.kura.model.IdentifierType;
import org.kura.model.Record;
import org.kura.model.Role;

/**
 * "Cite this": a record as BibTeX, RIS and CSL-JSON, with the permalink as URL. Authors are the
 * agents that created the work (editors separately); the year is the issued year.
 */
public final class Citations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Citations() {
    }

    public static String bibtex(Record r, String key, String url) {
        String type = switch (r.materialType()) {
            case ARTICLE -> "article";
            case THESIS -> "phdthesis";
            case CONFERENCE_PAPER -> "inproceedings";
            case REPORT -> "techreport";
            case BOOK -> "book";
            default -> "misc";
        };
        StringBuilder sb = new StringBuilder("@").append(type).append('{').append(bibKey(key)).append(",\n");
        field(sb, "title", r.mainTitle());
        List<String> authors = names(r, false);
        if (!authors.isEmpty()) {
            field(sb, "author", String.join(" and ", authors));
        }
        List<String> editors = names(r, true);
        if (!editors.isEmpty()) {
            field(sb, "editor", String.join(" and ", editors));
        }
        if (!r.publishers().isEmpty()) {
            field(sb, "publisher", r.publishers().get(0).name());
        }
        if (!r.places().isEmpty()) {
            field(sb, "address", r.places().get(0));
        }
        Integer year = year(r);
        if (year != null) {
            field(sb, "year", year.toString());
        }
        first(r, IdentifierType.ISBN).ifPresent(v -> field(sb, "isbn", v));
        first(r, IdentifierType.ISSN).ifPresent(v -> field(sb, "issn", v));
        first(r, IdentifierType.DOI).ifPresent(v -> field(sb, "doi", v));
        if (!r.languages().isEmpty()) {
            field(sb, "language", r.languages().get(0));
        }
        field(sb, "url", url);
        sb.setLength(sb.length() - 2);
        return sb.append("\n}\n").toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        sb.append("  ").append(name).append(" = {").append(bibEscape(value)).append("},\n");
    }

    /** Braces balanced and TeX specials escaped, so that a hostile title cannot break the entry. */
    static String bibEscape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '{', '}', '\\', '%', '&', '#', '$', '_' -> sb.append('\\').append(c);
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String bibKey(String key) {
        String k = key.replaceAll("[^A-Za-z0-9_:-]", "_");
        return k.isEmpty() ? "record" : k;
    }

    public static String ris(Record r, String url) {
        String type = switch (r.materialType()) {
            case ARTICLE -> "JOUR";
            case THESIS -> "THES";
            case CONFERENCE_PAPER -> "CONF";
            case REPORT -> "RPRT";
            case BOOK -> "BOOK";
            case SERIAL -> "SER";
            case IMAGE, ART_OBJECT -> "ART";
            case MAP -> "MAP";
            case AUDIO -> "SOUND";
            case VIDEO -> "VIDEO";
            case WEBSITE -> "ELEC";
            case DATASET -> "DATA";
            case ARCHIVAL_DOCUMENT -> "MANSCPT";
            default -> "GEN";
        };
        StringBuilder sb = new StringBuilder();
        ris(sb, "TY", type);
        ris(sb, "TI", r.mainTitle());
        names(r, false).forEach(n -> ris(sb, "AU", n));
        names(r, true).forEach(n -> ris(sb, "ED", n));
        r.publishers().stream().findFirst().ifPresent(p -> ris(sb, "PB", p.name()));
        r.places().stream().findFirst().ifPresent(p -> ris(sb, "CY", p));
        Integer year = year(r);
        if (year != null) {
            ris(sb, "PY", year.toString());
        }
        first(r, IdentifierType.ISBN).ifPresent(v -> ris(sb, "SN", v));
        first(r, IdentifierType.ISSN).ifPresent(v -> ris(sb, "SN", v));
        first(r, IdentifierType.DOI).ifPresent(v -> ris(sb, "DO", v));
        r.languages().stream().findFirst().ifPresent(l -> ris(sb, "LA", l));
        r.subjects().forEach(s -> ris(sb, "KW", s.value()));
        r.descriptions().stream().findFirst().ifPresent(d -> ris(sb, "AB", d));
        ris(sb, "UR", url);
        return sb.append("ER  - \r\n").toString();
    }

    private static void ris(StringBuilder sb, String tag, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        sb.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ")).append("\r\n");
    }

    public static String cslJson(Record r, String id, String url) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("type", switch (r.materialType()) {
            case ARTICLE -> "article-journal";
            case THESIS -> "thesis";
            case CONFERENCE_PAPER -> "paper-conference";
            case REPORT -> "report";
            case BOOK -> "book";
            case MAP -> "map";
            case IMAGE, ART_OBJECT -> "graphic";
            case DATASET -> "dataset";
            case WEBSITE -> "webpage";
            case ARCHIVAL_DOCUMENT -> "manuscript";
            case AUDIO -> "song";
            case VIDEO -> "motion_picture";
            default -> "document";
        });
        o.put("title", r.mainTitle());
        names(o, "author", r, false);
        names(o, "editor", r, true);
        r.publishers().stream().findFirst().ifPresent(p -> o.put("publisher", p.name()));
        r.places().stream().findFirst().ifPresent(p -> o.put("publisher-place", p));
        Integer year = year(r);
        if (year != null) {
            o.putObject("issued").putArray("date-parts").addArray().add(year);
        }
        first(r, IdentifierType.ISBN).ifPresent(v -> o.put("ISBN", v));
        first(r, IdentifierType.ISSN).ifPresent(v -> o.put("ISSN", v));
        first(r, IdentifierType.DOI).ifPresent(v -> o.put("DOI", v));
        r.languages().stream().findFirst().ifPresent(l -> o.put("language", l));
        o.put("URL", url);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(List.of(o));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void names(ObjectNode o, String field, Record r, boolean editors) {
        List<String> names = names(r, editors);
        if (names.isEmpty()) {
            return;
        }
        ArrayNode a = o.putArray(field);
        for (String n : names) {
            int comma = n.indexOf(',');
            ObjectNode name = a.addObject();
            if (comma > 0) {
                name.put("family", n.substring(0, comma).strip());
                name.put("given", n.substring(comma + 1).strip());
            } else {
                name.put("literal", n);
            }
        }
    }

    private static List<String> names(Record r, boolean editors) {
        return r.agents().stream().filter(a -> editors == (a.role() == Role.EDITOR))
                .filter(a -> editors || a.role() != Role.CONTRIBUTOR).map(Agent::name).toList();
    }

    private static Integer year(Record r) {
        DateValue d = r.issued();
        return d == null ? null : d.year();
    }

    private static java.util.Optional<String> first(Record r, IdentifierType type) {
        return r.identifiers(type).stream().map(Identifier::value).findFirst();
    }

    /** The media type and file suffix of a citation format, by its name in {@code ?cite=}. */
    public static String[] format(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "bibtex" -> new String[] {"application/x-bibtex; charset=utf-8", "bib"};
            case "ris" -> new String[] {"application/x-research-info-systems; charset=utf-8", "ris"};
            case "csl" -> new String[] {"application/vnd.citationstyles.csl+json; charset=utf-8", "json"};
            default -> null;
        };
    }
}
