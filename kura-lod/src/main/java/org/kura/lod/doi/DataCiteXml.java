package org.kura.lod.doi;

import java.time.LocalDate;
import java.util.List;
import org.kura.model.Agent;
import org.kura.model.DateValue;
import org.kura.model.Identifier;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Rights;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.w3c.dom.Element;

/**
 * The registration metadata of a DOI in the DataCite Metadata Schema 4.5
 * (<a href="https://schema.datacite.org/meta/kernel-4.5/">kernel-4.5</a>, namespace
 * {@code http://datacite.org/schema/kernel-4}), as sent to DataCite's MDS API or Fabrica.
 *
 * <p>The mapping is honest: every value comes from the record or the item, nothing is made up.
 * <ul>
 *   <li>identifier: the DOI;</li>
 *   <li>creators: agents whose role makes them authors (creator, author, artist, composer, photographer,
 *       illustrator), with nameType Personal for inverted names ("Family, Given"), given and family names, and their
 *       ORCID/ISNI/VIAF/NDL authority identifiers; none known → one creator {@code (:unav)}, DataCite's standard value
 *       for "value unavailable" (Appendix 3);</li>
 *   <li>titles: each title with its xml:lang (the main title falls back to the record's language); alternative
 *       and uniform titles as AlternativeTitle, parallel titles as TranslatedTitle, volume titles as Other; each
 *       reading (ヨミ) as an AlternativeTitle tagged {@code ja-Kana} (or {@code ja-Latn} for romaji), since DataCite
 *       has no transcription property; series titles go to descriptions as SeriesInformation;</li>
 *   <li>publisher: the record's first publisher, else the institution holding the item, else {@code (:unav)};</li>
 *   <li>publicationYear: the year of the record's issued date; no year → {@link DoiException} NOT_REGISTRABLE
 *       (a year cannot be guessed);</li>
 *   <li>resourceType: the material type's English label, resourceTypeGeneral from {@link DataCiteTerms};</li>
 *   <li>subjects with scheme and valueURI; other agents as contributors; dates (parsed ones, ranges in
 *       RKMS-ISO8601, the original text as dateInformation); the language as BCP 47; catalog numbers (NCID, JP-No,
 *       NDL bib id…) as alternateIdentifiers; the ISBN, ISSN, DOI or URI of the original as relatedIdentifiers
 *       IsVariantFormOf (the item is a digitization of it); extent and page images as sizes; rights with rightsURI
 *       from the reuse condition; descriptions as Other.</li>
 * </ul>
 * Tests validate the output against the published kernel-4.5 XSD (shipped in a test-scoped jar, see
 * {@code docs/dependencies.md}).
 */
public final class DataCiteXml {
    public static final String NAMESPACE = "http://datacite.org/schema/kernel-4";
    public static final String SCHEMA_LOCATION = "https://schema.datacite.org/meta/kernel-4.5/metadata.xsd";
    /** DataCite's standard value for a mandatory property whose value is unavailable. */
    public static final String UNAVAILABLE = "(:unav)";

    private DataCiteXml() {
    }

    public static String write(DoiRegistration reg) {
        Record r = reg.record();
        int year = reg.publicationYear();
        XmlTree x = new XmlTree(NAMESPACE, "resource");
        Element root = x.root();
        root.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation", NAMESPACE + " " + SCHEMA_LOCATION);
        XmlTree.attr(x.add(root, "identifier", reg.doi().toString()), "identifierType", "DOI");
        creators(x, root, r);
        titles(x, root, r);
        x.add(root, "publisher", publisher(reg));
        x.add(root, "publicationYear", String.format("%04d", year));
        XmlTree.attr(x.add(root, "resourceType", r.materialType().labelEn()), "resourceTypeGeneral",
                DataCiteTerms.resourceTypeGeneral(r.materialType()));
        subjects(x, root, r);
        contributors(x, root, r);
        dates(x, root, r);
        String lang = r.languages().stream().map(DataCiteTerms::bcp47).filter(l -> l != null).findFirst().orElse(null);
        if (lang != null) {
            x.add(root, "language", lang);
        }
        identifiers(x, root, r);
        sizes(x, root, reg);
        rights(x, root, r.rights());
        descriptions(x, root, r);
        return x.write();
    }

    static String publisher(DoiRegistration reg) {
        return reg.record().publishers().stream().map(Agent::name).filter(n -> !n.isBlank()).findFirst()
                .orElse(reg.holder() == null || reg.holder().isBlank() ? UNAVAILABLE : reg.holder());
    }

    private static void creators(XmlTree x, Element root, Record r) {
        Element creators = x.add(root, "creators");
        List<Agent> authors = r.agents().stream().filter(a -> DataCiteTerms.isCreator(a.role())).toList();
        if (authors.isEmpty()) {
            x.add(x.add(creators, "creator"), "creatorName", UNAVAILABLE);
        }
        for (Agent a : authors) {
            person(x, x.add(creators, "creator"), "creatorName", a);
        }
    }

    private static void contributors(XmlTree x, Element root, Record r) {
        List<Agent> others = r.agents().stream().filter(a -> !DataCiteTerms.isCreator(a.role())).toList();
        if (others.isEmpty()) {
            return;
        }
        Element list = x.add(root, "contributors");
        for (Agent a : others) {
            Element c = XmlTree.attr(x.add(list, "contributor"), "contributorType", DataCiteTerms.contributorType(a.role()));
            person(x, c, "contributorName", a);
        }
    }

    /** Name, nameType, given/family names, identifiers and affiliation, in the schema's order. */
    private static void person(XmlTree x, Element parent, String nameElement, Agent a) {
        AgentName n = AgentName.of(a.name());
        Element name = x.add(parent, nameElement, n.display());
        if (n.inverted()) {
            XmlTree.attr(name, "nameType", "Personal");
            x.add(parent, "givenName", n.given());
            x.add(parent, "familyName", n.family());
        }
        for (Identifier id : a.identifiers()) {
            String[] scheme = DataCiteTerms.nameIdentifierScheme(id.type());
            if (scheme != null) {
                Element e = XmlTree.attr(x.add(parent, "nameIdentifier", id.value()), "nameIdentifierScheme", scheme[0]);
                XmlTree.attr(e, "schemeURI", scheme[1]);
            }
        }
        if (a.affiliation() != null && !a.affiliation().isBlank()) {
            x.add(parent, "affiliation", a.affiliation());
        }
    }

    private static void titles(XmlTree x, Element root, Record r) {
        Element titles = x.add(root, "titles");
        String recordLang = r.languages().stream().map(DataCiteTerms::bcp47).filter(l -> l != null).findFirst().orElse(null);
        boolean any = false;
        for (Title t : r.titles()) {
            if (t.type() == TitleType.SERIES || t.value().isBlank()) {
                continue;
            }
            String type = switch (t.type()) {
                case MAIN -> null;
                case PARALLEL -> "TranslatedTitle";
                case VOLUME -> "Other";
                default -> "AlternativeTitle";
            };
            Element e = XmlTree.attr(x.add(titles, "title", t.value()), "titleType", type);
            XmlTree.lang(e, t.lang() != null ? DataCiteTerms.bcp47(t.lang()) : t.type() == TitleType.MAIN ? recordLang : null);
            if (t.reading() != null && !t.reading().isBlank()) {
                Element reading = XmlTree.attr(x.add(titles, "title", t.reading()), "titleType", "AlternativeTitle");
                XmlTree.lang(reading, t.reading().chars().allMatch(c -> c < 0x80) ? "ja-Latn" : "ja-Kana");
            }
            any = true;
        }
        if (!any) {
            throw new DoiException(DoiException.Reason.NOT_REGISTRABLE, "record " + r.providerId() + ":" + r.id()
                    + " has no title, and DataCite requires one");
        }
    }

    private static void subjects(XmlTree x, Element root, Record r) {
        if (r.subjects().isEmpty()) {
            return;
        }
        Element list = x.add(root, "subjects");
        for (Subject s : r.subjects()) {
            Element e = x.add(list, "subject", s.value());
            if (s.scheme() != SubjectScheme.KEYWORD && s.scheme() != SubjectScheme.OTHER) {
                XmlTree.attr(e, "subjectScheme", s.scheme().name());
            }
            if (s.uri() != null && s.uri().matches("https?://\\S+")) {
                XmlTree.attr(e, "valueURI", s.uri());
            }
        }
    }

    private static void dates(XmlTree x, Element root, Record r) {
        List<DateValue> parsed = r.dates().stream().filter(DateValue::isParsed).toList();
        if (parsed.isEmpty()) {
            return;
        }
        Element list = x.add(root, "dates");
        for (DateValue d : parsed) {
            String iso = rkms(d.start(), d.end() == null ? d.start() : d.end());
            String type = DataCiteTerms.dateType(d.type());
            Element e = XmlTree.attr(x.add(list, "date", iso), "dateType", type == null ? "Other" : type);
            String info = type == null ? d.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + d.original()
                    : d.original().strip().equals(iso) ? null : d.original();
            XmlTree.attr(e, "dateInformation", d.approximate() && info != null ? info + " (approximate)" : info);
        }
    }

    /** A day, month or year, or a range of them (RKMS-ISO8601 {@code start/end}), as precise as the range is. */
    static String rkms(LocalDate s, LocalDate e) {
        boolean wholeYears = s.getDayOfYear() == 1 && e.getMonthValue() == 12 && e.getDayOfMonth() == 31;
        if (wholeYears) {
            return s.getYear() == e.getYear() ? year(s) : year(s) + "/" + year(e);
        }
        boolean wholeMonths = s.getDayOfMonth() == 1 && e.getDayOfMonth() == e.lengthOfMonth();
        if (wholeMonths) {
            String a = year(s) + String.format("-%02d", s.getMonthValue());
            String b = year(e) + String.format("-%02d", e.getMonthValue());
            return a.equals(b) ? a : a + "/" + b;
        }
        return s.equals(e) ? s.toString() : s + "/" + e;
    }

    private static String year(LocalDate d) {
        return String.format("%04d", d.getYear());
    }

    private static void identifiers(XmlTree x, Element root, Record r) {
        Element alternates = null;
        Element related = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Identifier id : r.identifiers()) {
            if (!seen.add(id.type() + " " + id.value().toUpperCase(java.util.Locale.ROOT))) {
                continue;
            }
            String relatedType = switch (id.type()) {
                case ISBN -> "ISBN";
                case ISSN -> "ISSN";
                case DOI -> "DOI";
                case HANDLE -> "Handle";
                case URI -> id.value().matches("https?://\\S+") ? "URL" : null;
                default -> null;
            };
            if (relatedType != null) {
                related = related == null ? x.add(root, "relatedIdentifiers") : related;
                Element e = XmlTree.attr(x.add(related, "relatedIdentifier", id.value()), "relatedIdentifierType", relatedType);
                XmlTree.attr(e, "relationType", "IsVariantFormOf");
            } else if (id.type() != org.kura.model.IdentifierType.OAI && id.type() != org.kura.model.IdentifierType.URI) {
                alternates = alternates == null ? x.add(root, "alternateIdentifiers") : alternates;
                XmlTree.attr(x.add(alternates, "alternateIdentifier", id.value()), "alternateIdentifierType", alternateType(id));
            }
        }
    }

    private static String alternateType(Identifier id) {
        return switch (id.type()) {
            case JPNO -> "JP-No";
            case NDL_BIBID -> "NDL Bib ID";
            case CONTROL_NUMBER -> "Control number";
            case LOCAL -> "Local";
            default -> id.type().name();
        };
    }

    private static void sizes(XmlTree x, Element root, DoiRegistration reg) {
        String extent = reg.record().extent();
        if ((extent == null || extent.isBlank()) && reg.pages() <= 0) {
            return;
        }
        Element sizes = x.add(root, "sizes");
        if (extent != null && !extent.isBlank()) {
            x.add(sizes, "size", extent);
        }
        if (reg.pages() > 0) {
            x.add(sizes, "size", reg.pages() + (reg.pages() == 1 ? " page image" : " page images"));
        }
    }

    private static void rights(XmlTree x, Element root, Rights rights) {
        ReuseCondition c = rights.condition();
        if (c == ReuseCondition.UNKNOWN && (rights.statement() == null || rights.statement().isBlank())) {
            return;
        }
        Element list = x.add(root, "rightsList");
        if (c != ReuseCondition.UNKNOWN) {
            Element e = XmlTree.lang(x.add(list, "rights", c.labelEn()), "en");
            String uri = rights.uri() != null && rights.uri().matches("https?://\\S+") ? rights.uri() : c.uri();
            XmlTree.attr(e, "rightsURI", uri);
        }
        if (rights.statement() != null && !rights.statement().isBlank() && !rights.statement().equals(rights.uri())) {
            x.add(list, "rights", rights.statement());
        }
    }

    private static void descriptions(XmlTree x, Element root, Record r) {
        List<String> series = r.titles().stream().filter(t -> t.type() == TitleType.SERIES).map(Title::value).toList();
        if (r.descriptions().isEmpty() && series.isEmpty()) {
            return;
        }
        Element list = x.add(root, "descriptions");
        for (String s : series) {
            XmlTree.attr(x.add(list, "description", s), "descriptionType", "SeriesInformation");
        }
        for (String d : r.descriptions()) {
            if (!d.isBlank()) {
                XmlTree.attr(x.add(list, "description", d), "descriptionType", "Other");
            }
        }
    }
}
