package org.kura.lod.doi;

import java.util.Locale;
import java.util.Map;
import org.kura.model.DateType;
import org.kura.model.IdentifierType;
import org.kura.model.MaterialType;
import org.kura.model.Role;

/**
 * Kura's vocabularies mapped onto the DataCite Metadata Schema 4.5 controlled lists (resourceTypeGeneral,
 * contributorType, dateType, nameIdentifierScheme), and record languages onto the BCP 47 tags DataCite asks for.
 * Where DataCite has no equivalent the mapping says so ({@code Other}, or null for "leave it out").
 */
final class DataCiteTerms {
    private DataCiteTerms() {
    }

    /** resourceTypeGeneral (DataCite 4.5, Appendix 1, Table 9). */
    static String resourceTypeGeneral(MaterialType t) {
        return switch (t) {
            case BOOK -> "Book";
            case SERIAL -> "Journal";
            case ARTICLE -> "JournalArticle";
            case THESIS -> "Dissertation";
            case REPORT -> "Report";
            case CONFERENCE_PAPER -> "ConferencePaper";
            case IMAGE, MAP -> "Image";
            case ART_OBJECT, NATURAL_HISTORY_SPECIMEN -> "PhysicalObject";
            case ARCHIVAL_DOCUMENT, MUSIC_SCORE -> "Text";
            case AUDIO -> "Sound";
            case VIDEO -> "Audiovisual";
            case WEBSITE -> "InteractiveResource";
            case DATASET -> "Dataset";
            case SOFTWARE -> "Software";
            case OTHER -> "Other";
        };
    }

    /** True for roles that make an agent a DataCite creator (the authors of the work); the rest are contributors. */
    static boolean isCreator(Role r) {
        return switch (r) {
            case CREATOR, AUTHOR, ARTIST, COMPOSER, PHOTOGRAPHER, ILLUSTRATOR -> true;
            default -> false;
        };
    }

    /** contributorType (Appendix 1, Table 5); roles without an equivalent are {@code Other}. */
    static String contributorType(Role r) {
        return switch (r) {
            case EDITOR -> "Editor";
            case SUPERVISOR -> "Supervisor";
            case DISTRIBUTOR -> "Distributor";
            case FUNDER -> "Sponsor";
            default -> "Other";
        };
    }

    /** dateType (Appendix 1, Table 8), or null for dates DataCite types as Other with dateInformation. */
    static String dateType(DateType t) {
        return switch (t) {
            case ISSUED -> "Issued";
            case CREATED -> "Created";
            case MODIFIED -> "Updated";
            case AVAILABLE -> "Available";
            case ACCEPTED -> "Accepted";
            case COPYRIGHTED -> "Copyrighted";
            case COLLECTED -> "Collected";
            default -> null;
        };
    }

    /** nameIdentifierScheme and its schemeURI for an agent's identifier, or null when DataCite has no such scheme. */
    static String[] nameIdentifierScheme(IdentifierType t) {
        return switch (t) {
            case ORCID -> new String[] {"ORCID", "https://orcid.org/"};
            case ISNI -> new String[] {"ISNI", "https://isni.org/isni/"};
            case VIAF -> new String[] {"VIAF", "https://viaf.org/viaf/"};
            case NDL_AUTH -> new String[] {"NDL Authority", "https://id.ndl.go.jp/auth/entity/"};
            default -> null;
        };
    }

    private static final Map<String, String> TWO_LETTER = Map.ofEntries(Map.entry("jpn", "ja"), Map.entry("eng", "en"),
            Map.entry("chi", "zh"), Map.entry("zho", "zh"), Map.entry("kor", "ko"), Map.entry("ger", "de"),
            Map.entry("deu", "de"), Map.entry("fre", "fr"), Map.entry("fra", "fr"), Map.entry("spa", "es"),
            Map.entry("ita", "it"), Map.entry("rus", "ru"), Map.entry("por", "pt"), Map.entry("dut", "nl"),
            Map.entry("nld", "nl"), Map.entry("lat", "la"), Map.entry("ain", "ain"), Map.entry("san", "sa"));

    /**
     * A record or title language (ISO 639-2/B or 639-3, or already BCP 47 such as {@code ja-Kana}) as a BCP 47 tag:
     * the two-letter code where ISO 639-1 has one for the common languages, else the tag as given; null for what is
     * not a language tag.
     */
    static String bcp47(String language) {
        if (language == null) {
            return null;
        }
        String l = language.strip();
        String lower = l.toLowerCase(Locale.ROOT);
        if (TWO_LETTER.containsKey(lower)) {
            return TWO_LETTER.get(lower);
        }
        return l.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? l : null;
    }
}
