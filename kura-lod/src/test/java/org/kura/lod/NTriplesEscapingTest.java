package org.kura.lod;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

/** The dump's own N-Triples line writer against Jena's parser: every escape round-trips. */
class NTriplesEscapingTest {
    @Test
    void literalsAndIrisRoundTripThroughJena() {
        String[] literals = {"plain 國學", "quote \" and backslash \\ end", "line\nbreak\rreturn", "tab\tand\u0001control\u007f",
            "", "\\\"", "末尾に\\"};
        String[] iris = {"https://kura.example/id/record/ndl/1", "https://kura.example/a b", "https://x.example/<>\"{}|^`\\",
            "https://x.example/日本語"};
        for (String iri : iris) {
            for (String lit : literals) {
                StringBuilder sb = new StringBuilder();
                NTriplesDump.iri(sb, iri);
                sb.append(" <http://purl.org/dc/terms/title> \"");
                NTriplesDump.literal(sb, lit);
                sb.append("\" .\n");
                Model m = ModelFactory.createDefaultModel();
                RDFParser.create().source(new StringReader(sb.toString())).lang(Lang.NTRIPLES).parse(m.getGraph());
                Triple t = m.getGraph().find().next();
                assertThat(t.getObject().getLiteralLexicalForm()).as(sb.toString()).isEqualTo(lit);
                assertThat(t.getSubject().getURI()).as(sb.toString()).isEqualTo(iri);
            }
        }
    }
}
