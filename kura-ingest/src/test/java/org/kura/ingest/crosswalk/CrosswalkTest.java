package org.kura.ingest.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kura.ingest.Fixtures;
import org.kura.model.AccessTier;
import org.kura.model.Agent;
import org.kura.model.IdentifierType;
import org.kura.model.LinkKind;
import org.kura.model.MaterialType;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.RelationType;
import org.kura.model.ReuseCondition;
import org.kura.model.Role;
import org.kura.model.SubjectScheme;
import org.kura.model.TitleType;

/** Every crosswalk on real records (see fixtures/SOURCES.md), including broken and hostile ones. */
class CrosswalkTest {
    final StandardCrosswalks crosswalks = new StandardCrosswalks();

    Record apply(String format, byte[] bytes) throws CrosswalkException {
        return crosswalks.forFormat(format).orElseThrow().apply(new RawRecord("p", "id:1", format, null, false, List.of(), bytes));
    }

    Record apply(String format, String xml) throws CrosswalkException {
        return apply(format, xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dcndlBookFromNdlSearch() throws Exception {
        Record r = apply("dcndl", Fixtures.bytes(Fixtures.local("dcndl/ndlsearch-R100000002-I000007489542-book.xml")));
        assertThat(r.mainTitle()).isEqualTo("ノルウェイの森. 上");
        assertThat(r.materialType()).isEqualTo(MaterialType.BOOK);
        assertThat(r.agents()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("村上, 春樹, 1949-");
            assertThat(a.identifiers()).extracting(i -> i.value()).containsExactly("http://id.ndl.go.jp/auth/entity/00104237");
        });
        assertThat(r.publishers()).extracting(Agent::name).containsExactly("講談社");
        assertThat(r.extent()).isEqualTo("302p ; 15cm");
        assertThat(r.identifiers(IdentifierType.ISBN)).singleElement().satisfies(i -> {
            assertThat(i.value()).isEqualTo("9784062748681");
            assertThat(i.valid()).isTrue();
            assertThat(i.original()).isEqualTo("4-06-274868-1");
        });
        assertThat(r.identifiers(IdentifierType.JPNO)).extracting(i -> i.value()).containsExactly("20667205");
        assertThat(r.identifiers(IdentifierType.NDL_BIBID)).extracting(i -> i.value()).containsExactly("7489542");
    }

    @Test
    void dcndlArticleWithReadingClassAndJournal() throws Exception {
        Record r = apply("dcndl", Fixtures.bytes(Fixtures.local("dcndl/ndlsearch-R000000004-I2860002-article.xml")));
        assertThat(r.materialType()).isEqualTo(MaterialType.ARTICLE);
        assertThat(r.titles().get(0).reading()).isEqualTo("アーサー デンセツ レキシ ト ロマンス ノ コウサク アオヤマヨシノブ");
        assertThat(r.agents()).extracting(Agent::name).containsExactly("三好 洋子");
        assertThat(r.subjects()).anySatisfy(s -> {
            assertThat(s.scheme()).isEqualTo(SubjectScheme.NDLC);
            assertThat(s.value()).isEqualTo("ZD12");
        });
        assertThat(r.issued().original()).isEqualTo("1987-10");
        assertThat(r.issued().year()).isEqualTo(1987);
        assertThat(r.languages()).containsExactly("jpn");
        assertThat(r.places()).containsExactly("JP");
        assertThat(r.relations()).anySatisfy(rel -> {
            assertThat(rel.type()).isEqualTo(RelationType.IS_PART_OF);
            assertThat(rel.label()).startsWith("社会経済史学");
            assertThat(rel.volume()).contains("vol. 53").contains("no. 4").contains("p590～593");
        });
        assertThat(r.relations()).anySatisfy(rel -> assertThat(rel.identifier().value()).isEqualTo("0038-0113"));
        assertThat(r.links()).extracting(l -> l.url()).contains("http://id.ndl.go.jp/bib/2860002");
    }

    @Test
    void dcndlRoleWordsOfStatementsOfResponsibility() throws Exception {
        Record r = apply("dcndl", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
                + "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                + "xmlns:dcndl=\"http://ndl.go.jp/dcndl/terms/\"><dcndl:BibResource rdf:about=\"x\">"
                + "<dcterms:title>ハムレット</dcterms:title><dc:creator>シェイクスピア 作</dc:creator>"
                + "<dc:creator>福田恆存 訳</dc:creator><dcterms:issued>昭和42</dcterms:issued></dcndl:BibResource></rdf:RDF>");
        assertThat(r.agents()).extracting(Agent::name, Agent::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("シェイクスピア", Role.AUTHOR),
                        org.assertj.core.groups.Tuple.tuple("福田恆存", Role.TRANSLATOR));
        assertThat(r.issued().year()).isEqualTo(1967);
    }

    static Stream<Path> jpcoarSamples() throws Exception {
        return Stream.concat(Files.list(Fixtures.shared("jpcoar/2.0/samples")), Files.list(Fixtures.shared("jpcoar/2.1/samples")))
                .filter(p -> p.toString().endsWith(".xml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("jpcoarSamples")
    void everyJpcoarSampleCrosswalks(Path sample) throws Exception {
        Record r = apply("jpcoar_2.0", Fixtures.bytes(sample));
        assertThat(r.mainTitle()).isNotBlank();
        assertThat(r.materialType()).isNotEqualTo(MaterialType.OTHER);
    }

    @Test
    void jpcoarDoctoralThesis() throws Exception {
        Record r = apply("jpcoar_2.0", Fixtures.bytes(Fixtures.shared("jpcoar/2.0/samples/05_doctoral_thesis_oa.xml")));
        assertThat(r.materialType()).isEqualTo(MaterialType.THESIS);
        assertThat(r.titles().get(0).value()).isEqualTo("日本の竹製管楽器、尺八の音響学的研究");
        assertThat(r.titles().get(0).reading()).startsWith("二ホン ノ チクセイ");
        assertThat(r.titles()).anySatisfy(t -> {
            assertThat(t.type()).isEqualTo(TitleType.PARALLEL);
            assertThat(t.lang()).isEqualTo("en");
        });
        Agent author = r.agents().get(0);
        assertThat(author.name()).isEqualTo("寺田, 寅彦");
        assertThat(author.reading()).isEqualTo("テラダ, トラヒコ");
        assertThat(author.variants()).containsExactly("Terada, Torahiko");
        assertThat(author.role()).isEqualTo(Role.AUTHOR);
        assertThat(author.affiliation()).isEqualTo("東京大学");
        assertThat(author.identifiers()).anySatisfy(i -> assertThat(i.type()).isEqualTo(IdentifierType.ORCID));
        assertThat(r.agents()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("夏目, 漱石");
            assertThat(a.role()).isEqualTo(Role.SUPERVISOR);
            assertThat(a.variants()).contains("Natsume, Soseki");
        });
        assertThat(r.agents()).anySatisfy(a -> assertThat(a.role()).isEqualTo(Role.DEGREE_GRANTOR));
        assertThat(r.accessTier()).isEqualTo(AccessTier.PUBLIC);
        assertThat(r.identifiers(IdentifierType.DOI)).extracting(i -> i.value()).contains("10.15017/64495");
        assertThat(r.links()).anySatisfy(l -> assertThat(l.kind()).isEqualTo(LinkKind.FULL_TEXT));
        assertThat(r.issued().year()).isEqualTo(2017);
        assertThat(r.descriptions()).anyMatch(d -> d.contains("甲第5384号"));
    }

    @Test
    void jpcoarEmbargoedArticleIsWithheldWithAWarning() throws Exception {
        Record r = apply("jpcoar", Fixtures.bytes(Fixtures.shared("jpcoar/2.0/samples/02_journal_article_embargoed.xml")));
        assertThat(r.accessTier()).isEqualTo(AccessTier.WITHHELD);
        assertThat(r.warnings()).anyMatch(w -> w.contains("embargo"));
        assertThat(r.relations()).anySatisfy(rel -> assertThat(rel.type()).isEqualTo(RelationType.IS_PART_OF));
    }

    @Test
    void oaiDcFromTheSpecification() throws Exception {
        Record r = apply("oai_dc", "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Using Structural Metadata to Localize Experience "
                + "of Digital Content</dc:title><dc:creator>Dushay, Naomi</dc:creator><dc:subject>Digital Libraries</dc:subject>"
                + "<dc:date>2001-12-14</dc:date><dc:identifier>http://arXiv.org/abs/cs/0112017</dc:identifier>"
                + "<dc:type>text</dc:type><dc:type>Journal Article</dc:type><dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights>"
                + "<dc:language>EN</dc:language></oai_dc:dc>");
        assertThat(r.mainTitle()).startsWith("Using Structural Metadata");
        assertThat(r.agents()).extracting(Agent::name).containsExactly("Dushay, Naomi");
        assertThat(r.materialType()).isEqualTo(MaterialType.ARTICLE);
        assertThat(r.rights().condition()).isEqualTo(ReuseCondition.CC_BY);
        assertThat(r.identifiers(IdentifierType.URI)).hasSize(1);
        assertThat(r.links()).extracting(l -> l.kind()).containsExactly(LinkKind.LANDING_PAGE);
        assertThat(r.languages()).containsExactly("en");
        assertThat(r.issued().year()).isEqualTo(2001);
    }

    @Test
    void oaiDcWithoutTitleIsRejected() {
        assertThatThrownBy(() -> apply("oai_dc", "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>x</dc:creator></oai_dc:dc>"))
                .isInstanceOf(CrosswalkException.class).hasMessageContaining("dc:title");
    }

    @Test
    void wrongFormatIsRejectedWithTheReason() {
        assertThatThrownBy(() -> apply("dcndl", "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\"/>"))
                .isInstanceOf(CrosswalkException.class).hasMessageContaining("rdf:RDF");
        assertThatThrownBy(() -> apply("jpcoar", "<x/>")).isInstanceOf(CrosswalkException.class).hasMessageContaining("JPCOAR");
        assertThatThrownBy(() -> apply("oai_dc", "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>x</oai_dc:dc>")).isInstanceOf(CrosswalkException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> apply("oai_dc", new byte[0])).isInstanceOf(CrosswalkException.class);
    }

    @Test
    void externalEntitiesAreNeverResolvedByAnyXmlCrosswalk() throws Exception {
        Path secret = Files.createTempFile("kura-secret", ".txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file://" + secret + "\">]>";
        for (String[] c : new String[][] {
            {"oai_dc", "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                    + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>&xxe;</dc:title></oai_dc:dc>"},
            {"dcndl", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><x>&xxe;</x></rdf:RDF>"},
            {"jpcoar", "<jpcoar:jpcoar xmlns:jpcoar=\"https://github.com/JPCOAR/schema/blob/master/2.0/\">&xxe;</jpcoar:jpcoar>"},
            {"marcxml", "<record xmlns=\"http://www.loc.gov/MARC21/slim\"><leader>&xxe;</leader></record>"}}) {
            assertThatThrownBy(() -> apply(c[0], xxe + c[1])).as(c[0]).isInstanceOf(CrosswalkException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;\">]><oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>&lol3;</dc:title></oai_dc:dc>";
        assertThatThrownBy(() -> apply("oai_dc", bomb)).isInstanceOf(CrosswalkException.class);
        assertThatThrownBy(() -> apply("dcndl", bomb.replace("oai_dc:dc", "rdf:RDF"))).isInstanceOf(CrosswalkException.class);
    }

    @Test
    void csvRowWithRolesReadingsAndRepeatedValues() throws Exception {
        Record r = apply("csv", "{\"id\":\"b002\",\"title\":\"舞姫\",\"title_reading\":\"マイヒメ\","
                + "\"creator\":[\"森鴎外 著\",\"山田太郎 注\"],\"date\":\"昭和43年\",\"ndc\":\"913.6\",\"rights\":\"CC BY 4.0\","
                + "\"type\":\"図書\",\"access\":\"public\",\"isbn\":\"4-00-310101-4\"}");
        assertThat(r.mainTitle()).isEqualTo("舞姫");
        assertThat(r.titles().get(0).reading()).isEqualTo("マイヒメ");
        assertThat(r.agents()).extracting(Agent::name, Agent::role).containsExactly(
                org.assertj.core.groups.Tuple.tuple("森鴎外", Role.AUTHOR), org.assertj.core.groups.Tuple.tuple("山田太郎", Role.EDITOR));
        assertThat(r.issued().year()).isEqualTo(1968);
        assertThat(r.rights().condition()).isEqualTo(ReuseCondition.CC_BY);
        assertThat(r.accessTier()).isEqualTo(AccessTier.PUBLIC);
        assertThat(r.materialType()).isEqualTo(MaterialType.BOOK);
        assertThatThrownBy(() -> apply("csv", "{\"id\":\"x\"}")).isInstanceOf(CrosswalkException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> apply("csv", "not json")).isInstanceOf(CrosswalkException.class);
    }

    @Test
    void unknownFormatHasNoCrosswalk() {
        assertThat(crosswalks.forFormat("mods")).isEmpty();
        assertThat(crosswalks.forFormat(null)).isEmpty();
        assertThat(crosswalks.forFormat("JPCOAR_1.0")).isPresent();
    }
}
