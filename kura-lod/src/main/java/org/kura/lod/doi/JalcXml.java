package org.kura.lod.doi;

import java.util.List;
import org.kura.model.Agent;
import org.kura.model.DateValue;
import org.kura.model.Record;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.w3c.dom.Element;

/**
 * The registration (deposit) XML of a DOI for the Japan Link Center: {@code root} with {@code head}
 * (error_process, result_method, content_classification, request_kind) and {@code body} (site_id and one
 * {@code content} with doi, url, title_list, creator_list, publisher, publication_date).
 *
 * <p>Version followed: the JaLC2 system's deposit XML as the online JaLC manual (japanlinkcenter.org/manual)
 * shows it — its XML sample (付録8, research-data deposit) for head/body/content/title_list, and its
 * element pages (e.g. creator_list: "required for every RA") — applied to 書籍・報告書 (content classification 02).
 * The manual available here names no schema version number, and the exact children of publisher and
 * publication_date ({@code publisher_name}, {@code publication_year/month/day}) were not in what could be read:
 * they follow JaLC's naming and must be checked against the current JaLC XSD.
 *
 * <p>Readings (ヨミ) go where JaLC keeps them: a second language group tagged {@code ja-Kana} beside the
 * {@code ja} group, for titles ({@code titles lang="ja-Kana"}) and creator names ({@code names lang="ja-Kana"}).
 * JaLC requires a creator and a publication year: a record without either is refused
 * ({@link DoiException} NOT_REGISTRABLE) rather than sent with made-up values.
 *
 * <p><b>Not validated against JaLC's XSD</b>: JaLC publishes its schema to members and it is not on Maven
 * Central, so it cannot be used offline; the tests check the structure and the mandatory elements instead.
 * Check a first deposit with JaLC's test environment.
 */
public final class JalcXml {
    private final JalcSettings settings;

    public JalcXml(JalcSettings settings) {
        this.settings = settings;
    }

    public String write(DoiRegistration reg) {
        if (settings.siteId().isEmpty()) {
            throw new DoiException(DoiException.Reason.NOT_REGISTRABLE, "doi.jalc.siteId is not set: JaLC deposits name the "
                    + "member's site (SI/…)");
        }
        Record r = reg.record();
        int year = reg.publicationYear();
        List<Agent> creators = r.agents().stream().filter(a -> DataCiteTerms.isCreator(a.role())).toList();
        if (creators.isEmpty()) {
            creators = r.agents();
        }
        if (creators.isEmpty()) {
            throw new DoiException(DoiException.Reason.NOT_REGISTRABLE, "DOI " + reg.doi() + ": record " + r.providerId() + ":"
                    + r.id() + " names no creator, and JaLC requires one (creator_list)");
        }
        XmlTree x = new XmlTree(null, "root");
        Element head = x.add(x.root(), "head");
        x.add(head, "error_process", "0");
        x.add(head, "result_method", "0");
        x.add(head, "content_classification", settings.contentClassification());
        x.add(head, "request_kind", "01");
        Element body = x.add(x.root(), "body");
        x.add(body, "site_id", settings.siteId());
        Element content = XmlTree.attr(x.add(body, "content"), "sequence", "001");
        x.add(content, "doi", reg.doi().toString());
        x.add(content, "url", reg.landingPage());
        titles(x, content, r);
        Element list = x.add(content, "creator_list");
        int seq = 1;
        for (Agent a : creators) {
            creator(x, XmlTree.attr(x.add(list, "creator"), "sequence", Integer.toString(seq++)), a);
        }
        Element publisher = x.add(content, "publisher");
        XmlTree.attr(x.add(publisher, "publisher_name", DataCiteXml.publisher(reg)), "lang", "ja");
        publicationDate(x, content, r.issued(), year);
        return x.write();
    }

    private static void titles(XmlTree x, Element content, Record r) {
        Element list = x.add(content, "title_list");
        Title main = r.titles().stream().filter(t -> t.type() == TitleType.MAIN).findFirst()
                .orElseThrow(() -> new DoiException(DoiException.Reason.NOT_REGISTRABLE, "record " + r.providerId() + ":"
                        + r.id() + " has no main title, and JaLC requires one"));
        String given = DataCiteTerms.bcp47(main.lang());
        String lang = given == null ? "ja" : given;
        x.add(XmlTree.attr(x.add(list, "titles"), "lang", lang), "title", main.value());
        if (main.reading() != null && !main.reading().isBlank()) {
            x.add(XmlTree.attr(x.add(list, "titles"), "lang", "ja-Kana"), "title", main.reading());
        }
        for (Title t : r.titles()) {
            String other = DataCiteTerms.bcp47(t.lang());
            if (t.type() == TitleType.PARALLEL && other != null && !other.equals(lang)) {
                x.add(XmlTree.attr(x.add(list, "titles"), "lang", other), "title", t.value());
            }
        }
    }

    private static void creator(XmlTree x, Element creator, Agent a) {
        names(x, creator, "ja", AgentName.of(a.name()));
        if (a.reading() != null && !a.reading().isBlank()) {
            names(x, creator, "ja-Kana", AgentName.of(a.reading()));
        }
    }

    private static void names(XmlTree x, Element creator, String lang, AgentName n) {
        Element names = XmlTree.attr(x.add(creator, "names"), "lang", lang);
        if (n.inverted()) {
            x.add(names, "last_name", n.family());
            x.add(names, "first_name", n.given());
        } else {
            x.add(names, "last_name", n.display());
        }
    }

    private static void publicationDate(XmlTree x, Element content, DateValue issued, int year) {
        Element date = x.add(content, "publication_date");
        x.add(date, "publication_year", String.format("%04d", year));
        if (issued.start() != null && issued.end() != null && issued.start().getYear() == issued.end().getYear()
                && issued.start().getMonth() == issued.end().getMonth()) {
            x.add(date, "publication_month", String.format("%02d", issued.start().getMonthValue()));
            if (issued.start().equals(issued.end())) {
                x.add(date, "publication_day", String.format("%02d", issued.start().getDayOfMonth()));
            }
        }
    }
}
