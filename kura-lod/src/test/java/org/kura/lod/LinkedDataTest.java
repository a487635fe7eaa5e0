package org.kura.lod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.Page;
import org.kura.ingest.crosswalk.DcNdlCrosswalk;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.IdentifierType;
import org.kura.model.Identifiers;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.MaterialType;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Rights;
import org.kura.model.Role;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;
import org.kura.model.TitleType;

/** DC-NDL RDF in every serialization, schema.org JSON-LD, N-Triples dumps and the SPARQL store. */
class LinkedDataTest {
    static final UriScheme URIS = new UriScheme("https://kura.example.org");

    /** Terms of the published vocabularies the mapping may use (DC-NDL 2020-12, DCMI, FOAF, RDF(S)). */
    static final Set<String> VOCABULARY = Set.of(
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/1999/02/22-rdf-syntax-ns#value",
            "http://www.w3.org/2000/01/rdf-schema#seeAlso", "http://www.w3.org/2000/01/rdf-schema#label",
            DcNdlMapper.DCNDL + "record", DcNdlMapper.DCNDL + "transcription", DcNdlMapper.DCNDL + "alternative",
            DcNdlMapper.DCNDL + "seriesTitle", DcNdlMapper.DCNDL + "publicationPlace", DcNdlMapper.DCNDL + "materialType",
            DcNdlMapper.DCTERMS + "identifier", DcNdlMapper.DCTERMS + "title", DcNdlMapper.DCTERMS + "creator",
            DcNdlMapper.DCTERMS + "publisher", DcNdlMapper.DCTERMS + "date", DcNdlMapper.DCTERMS + "issued",
            DcNdlMapper.DCTERMS + "extent", DcNdlMapper.DCTERMS + "subject", DcNdlMapper.DCTERMS + "language",
            DcNdlMapper.DCTERMS + "description", DcNdlMapper.DCTERMS + "license", DcNdlMapper.DCTERMS + "rights",
            DcNdlMapper.DCTERMS + "isPartOf", DcNdlMapper.DC + "title", DcNdlMapper.DC + "creator", DcNdlMapper.DC + "subject",
            DcNdlMapper.FOAF + "name");

    static Record neko(String provider, String id) {
        return Record.builder(id, provider).materialType(MaterialType.BOOK)
                .title(new Title("吾輩は猫である", "ワガハイ ワ ネコ デ アル", TitleType.MAIN, "ja"))
                .title(new Title("I am a cat", null, TitleType.PARALLEL, "en"))
                .agent(new Agent("夏目, 漱石", "ナツメ, ソウセキ", Role.AUTHOR, List.of(), null))
                .publisher(Agent.of("岩波書店", Role.PUBLISHER))
                .place("東京")
                .date(new DateValue("1990.4", LocalDate.of(1990, 4, 1), LocalDate.of(1990, 4, 30), DateType.ISSUED, false))
                .extent("434p ; 15cm")
                .subject(new Subject("913.6", SubjectScheme.NDC9, null))
                .subject(new Subject("猫", SubjectScheme.NDLSH, "http://id.ndl.go.jp/auth/ndlsh/00564159"))
                .identifier(Identifiers.normalize(IdentifierType.ISBN, "4-00-310101-4"))
                .identifier(Identifiers.normalize(IdentifierType.JPNO, "90022222"))
                .language("jpn")
                .rights(new Rights(ReuseCondition.PDM, null, null))
                .link(new Link("https://ndlsearch.ndl.go.jp/books/R1", LinkKind.LANDING_PAGE, null))
                .build();
    }

    @Test
    void dcNdlUsesOnlyThePublishedVocabularyAndRoundTripsThroughTheCrosswalk() throws Exception {
        Model m = new DcNdlMapper(URIS).toModel(neko("ndl", "R1"));
        for (Statement s : m.listStatements().toList()) {
            assertThat(VOCABULARY).as("predicate").contains(s.getPredicate().getURI());
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        RdfFormat.RDF_XML.write(m, xml);
        Record back = new DcNdlCrosswalk().apply(new RawRecord("mirror", "R1", "dcndl", null, false, List.of(), xml.toByteArray()));
        assertThat(back.mainTitle()).isEqualTo("吾輩は猫である");
        assertThat(back.titles().get(0).reading()).isEqualTo("ワガハイ ワ ネコ デ アル");
        assertThat(back.agents()).extracting(Agent::name).containsExactly("夏目, 漱石");
        assertThat(back.agents().get(0).reading()).isEqualTo("ナツメ, ソウセキ");
        assertThat(back.identifiers(IdentifierType.ISBN)).extracting(i -> i.value()).containsExactly("9784003101018");
        assertThat(back.identifiers(IdentifierType.JPNO)).extracting(i -> i.value()).containsExactly("90022222");
        assertThat(back.issued().start()).isEqualTo(LocalDate.of(1990, 4, 1));
        assertThat(back.languages()).containsExactly("jpn");
        assertThat(back.materialType()).isEqualTo(MaterialType.BOOK);
        assertThat(back.subjects()).extracting(Subject::value).contains("913.6", "猫");
        assertThat(back.publishers()).extracting(Agent::name).containsExactly("岩波書店");
    }

    @Test
    void everySerializationParsesBackToTheSameGraph() {
        Model m = new DcNdlMapper(URIS).toModel(neko("ndl", "R1"));
        for (RdfFormat f : RdfFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.write(m, out);
            Model back = ModelFactory.createDefaultModel();
            Lang lang = switch (f) {
                case RDF_XML -> Lang.RDFXML;
                case TURTLE -> Lang.TURTLE;
                case N_TRIPLES -> Lang.NTRIPLES;
                case JSON_LD -> Lang.JSONLD11;
            };
            RDFDataMgr.read(back, new ByteArrayInputStream(out.toByteArray()), lang);
            assertThat(back.isIsomorphicWith(m)).as(f.name()).isTrue();
        }
    }

    @Test
    void schemaOrgJsonLdIsSafeToEmbed() {
        Record hostile = Record.builder("x", "lib").title(new Title("</script><script>alert(1)</script>", null, TitleType.MAIN, null))
                .agent(Agent.of("A & B", Role.AUTHOR)).build();
        String script = new SchemaOrgMapper(URIS).toScript(hostile);
        assertThat(script).doesNotContain("<").doesNotContain(">").contains("\\u003c/script\\u003e");
        assertThat(new SchemaOrgMapper(URIS).toMap(neko("ndl", "R1"))).containsEntry("@type", "Book")
                .containsEntry("isbn", "9784003101018").containsEntry("datePublished", "1990-04");
        Record placed = Record.builder("tono", "lib").title(new Title("遠野物語", null, TitleType.MAIN, null))
                .geoLocation(org.kura.model.GeoLocation.point(39.3364, 141.5322, "遠野"))
                .geoLocation(new org.kura.model.GeoLocation(null, new org.kura.model.GeoLocation.Box(138.5, 35.1, 139.0, 35.6), null))
                .build();
        assertThat(new SchemaOrgMapper(URIS).toScript(placed)).contains(
                "\"spatialCoverage\":[{\"@type\":\"Place\",\"name\":\"遠野\",\"geo\":{", "\"latitude\":39.3364",
                "\"box\":\"35.1,138.5 35.6,139.0\"");
    }

    @Test
    void nTriplesDumpsStreamEveryRecord() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long triples;
        try (NTriplesDump dump = new NTriplesDump(out, URIS)) {
            for (int i = 0; i < 50; i++) {
                dump.write(neko("ndl", "R" + i));
            }
            dump.write(Record.builder("odd <id> \"quoted\" \\ {x}|^`", "ndl")
                    .title(new Title("改行\nと\"引用\"と\\と\u0001", null, TitleType.MAIN, "ja")).build());
            triples = dump.triples();
        }
        Model back = ModelFactory.createDefaultModel();
        RDFDataMgr.read(back, new ByteArrayInputStream(out.toByteArray()), Lang.NTRIPLES);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().count()).isEqualTo(triples);
        assertThat(back.size()).as("the same provider and type triples repeat across records").isLessThan(triples).isPositive();
        assertThat(back.listSubjectsWithProperty(back.createProperty(DcNdlMapper.DCNDL, "record")).toList()).hasSize(51);
        assertThat(back.listObjects().filterKeep(n -> n.isLiteral()).mapWith(n -> n.asLiteral().getLexicalForm()).toList())
                .contains("改行\nと\"引用\"と\\と\u0001");
        Model one = new DcNdlMapper(URIS).toModel(neko("ndl", "R7"));
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (NTriplesDump dump = new NTriplesDump(single, URIS)) {
            dump.write(neko("ndl", "R7"));
        }
        Model parsed = ModelFactory.createDefaultModel();
        RDFDataMgr.read(parsed, new ByteArrayInputStream(single.toByteArray()), Lang.NTRIPLES);
        assertThat(parsed.isIsomorphicWith(one)).as("the dump says exactly what the mapper says").isTrue();
    }

    @Test
    void theSparqlStoreFollowsTheChangeLogAndGuardsItsQueries(@TempDir Path dir) throws Exception {
        try (CatalogStore catalog = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")))) {
            catalog.saveProvider(Provider.of("ndl", "国立国会図書館"));
            List<Page.Entry> page = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Record r = neko("ndl", "R" + i);
                page.add(new Page.Accepted(new RawRecord("ndl", r.id(), "csv", null, false, List.of(), ("x" + i).getBytes(StandardCharsets.UTF_8)), r));
            }
            catalog.commit(new Page(0, "ndl", page, null));
            try (SparqlStore sparql = new SparqlStore(dir.resolve("tdb"), URIS, 2000, 10)) {
                assertThat(sparql.catchUp(catalog)).isEqualTo(30);
                assertThat(sparql.size()).isEqualTo(30);
                String lookup = "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?s WHERE { ?s dcterms:identifier ?id "
                        + "FILTER(STR(?id) = \"9784003101018\") }";
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertThat(sparql.query(lookup, "application/sparql-results+json", out)).isEqualTo("application/sparql-results+json");
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("R0#material");
                assertThat(out.toString(StandardCharsets.UTF_8).split("\"type\"").length - 1).as("capped at 10 rows").isEqualTo(10);

                catalog.commit(new Page(0, "ndl", List.of(new Page.Deleted(new RawRecord("ndl", "R1", "csv", null, true, List.of(),
                        new byte[0]))), null));
                Record changed = Record.builder("R2", "ndl").title(new Title("改訂版", null, TitleType.MAIN, "ja")).build();
                catalog.commit(new Page(0, "ndl", List.of(new Page.Accepted(new RawRecord("ndl", "R2", "csv", null, false, List.of(),
                        "changed".getBytes(StandardCharsets.UTF_8)), changed)), null));
                assertThat(sparql.catchUp(catalog)).isEqualTo(2);
                assertThat(sparql.graph("ndl", "R1").isEmpty()).isTrue();
                assertThat(sparql.graph("ndl", "R2").listObjects().toList().toString()).contains("改訂版").doesNotContain("吾輩");

                ByteArrayOutputStream ask = new ByteArrayOutputStream();
                sparql.query("ASK { ?s ?p \"改訂版\"@ja }", "application/sparql-results+xml", ask);
                assertThat(ask.toString(StandardCharsets.UTF_8)).contains("<boolean>true</boolean>");
                ByteArrayOutputStream construct = new ByteArrayOutputStream();
                assertThat(sparql.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5", "text/turtle", construct))
                        .isEqualTo("text/turtle");

                assertThatThrownBy(() -> sparql.query("SELEC * WHERE { ?s ?p ?o }", null, new ByteArrayOutputStream()))
                        .isInstanceOf(SparqlStore.SyntaxException.class);
                assertThatThrownBy(() -> sparql.query("DELETE WHERE { ?s ?p ?o }", null, new ByteArrayOutputStream()))
                        .isInstanceOf(SparqlStore.SyntaxException.class).hasMessageContaining("read-only");
                assertThatThrownBy(() -> sparql.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                        null, new ByteArrayOutputStream())).isInstanceOf(SparqlStore.TimeoutException.class);
            }
            try (SparqlStore reopened = new SparqlStore(dir.resolve("tdb"), URIS, 2000, 10)) {
                assertThat(reopened.catchUp(catalog)).as("resumes from the saved position").isZero();
                assertThat(reopened.size()).isEqualTo(29);
                long before = sizeOf(dir.resolve("tdb"));
                reopened.compact();
                assertThat(reopened.size()).as("compaction keeps every record").isEqualTo(29);
                assertThat(reopened.graph("ndl", "R2").listObjects().toList().toString()).contains("改訂版");
                assertThat(sizeOf(dir.resolve("tdb"))).as("the old generation is deleted").isLessThanOrEqualTo(before);
                assertThat(java.nio.file.Files.list(dir.resolve("tdb")).filter(f -> f.getFileName().toString().startsWith("Data-")))
                        .hasSize(1);
            }
        }
    }

    @Test
    void aLargeFirstLoadGoesThroughTheBulkLoaderAndThenFollowsTheLog(@TempDir Path dir) throws Exception {
        try (CatalogStore catalog = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")))) {
            catalog.saveProvider(Provider.of("ndl", "国立国会図書館"));
            List<Page.Entry> page = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Record r = neko("ndl", "B" + i);
                page.add(new Page.Accepted(new RawRecord("ndl", r.id(), "csv", null, false, List.of(), ("b" + i).getBytes(StandardCharsets.UTF_8)), r));
            }
            catalog.commit(new Page(0, "ndl", page, null));
            catalog.commit(new Page(0, "ndl", List.of(new Page.Deleted(new RawRecord("ndl", "B3", "csv", null, true, List.of(),
                    new byte[0]))), null));
            Model expected = ModelFactory.createDefaultModel();
            new DcNdlMapper(URIS).add(expected, catalog.record("ndl", "B7").orElseThrow().normalized());
            try (SparqlStore sparql = new SparqlStore(dir.resolve("tdb"), URIS, 2000, 100).bulkLoadFrom(10)) {
                assertThat(sparql.catchUp(catalog)).as("the 39 live records, loaded in bulk").isEqualTo(39);
                assertThat(sparql.size()).isEqualTo(39);
                assertThat(sparql.graph("ndl", "B3").isEmpty()).as("deleted before the load").isTrue();
                assertThat(sparql.graph("ndl", "B7").isIsomorphicWith(expected)).isTrue();
                catalog.commit(new Page(0, "ndl", List.of(new Page.Deleted(new RawRecord("ndl", "B8", "csv", null, true, List.of(),
                        new byte[0]))), null));
                assertThat(sparql.catchUp(catalog)).as("then incremental").isEqualTo(1);
                assertThat(sparql.size()).isEqualTo(38);
            }
        }
    }

    private static long sizeOf(Path dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(dir)) {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
