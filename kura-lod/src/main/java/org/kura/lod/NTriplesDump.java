package org.kura.lod;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.kura.model.Record;

/**
 * Writes records as N-Triples (RDF 1.1, UTF-8) one at a time to a stream, for bulk dumps: nothing
 * but the current record is held in memory. The line writer is Kura's own because Jena's checks every
 * IRI character by character and made dumps three times slower; what it writes is parsed back by
 * Jena in the tests. Blank nodes get labels unique across the whole dump.
 */
public final class NTriplesDump implements AutoCloseable {
    private final OutputStream out;
    private final DcNdlMapper mapper;
    private long triples;
    private final java.security.MessageDigest sha256;

    public NTriplesDump(OutputStream out, UriScheme uris) {
        this.out = new java.io.BufferedOutputStream(out, 1 << 16);
        this.mapper = new DcNdlMapper(uris);
        try {
            this.sha256 = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Record r) {
        // a plain (unindexed) graph: the triples are only passed through, never queried
        Model m = ModelFactory.createModelForGraph(org.apache.jena.sparql.graph.GraphFactory.createPlainGraph());
        mapper.add(m, r);
        String bnodePrefix = bnodePrefix(r);
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        StringBuilder sb = new StringBuilder(4096);
        m.getGraph().find().forEachRemaining(t -> {
            line(sb, t, bnodePrefix, labels);
            triples++;
        });
        try {
            // String.getBytes encodes UTF-8 several times faster than a Writer's encoder on Japanese text
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Blank-node labels must be unique in the whole dump, which is written in batches by several
     * writers: they start with a digest of the record's URI, unique per record.
     */
    private String bnodePrefix(Record r) {
        byte[] d = sha256.digest((r.providerId() + "\u0000" + r.id()).getBytes(StandardCharsets.UTF_8));
        return "b" + java.util.HexFormat.of().formatHex(d, 0, 10) + "_";
    }

    private static void line(StringBuilder sb, Triple t, String bnodePrefix, java.util.Map<String, String> labels) {
        node(sb, t.getSubject(), bnodePrefix, labels);
        sb.append(' ');
        node(sb, t.getPredicate(), bnodePrefix, labels);
        sb.append(' ');
        node(sb, t.getObject(), bnodePrefix, labels);
        sb.append(" .\n");
    }

    private static void node(StringBuilder sb, Node n, String bnodePrefix, java.util.Map<String, String> labels) {
        if (n.isURI()) {
            iri(sb, n.getURI());
        } else if (n.isBlank()) {
            // short labels, unique in the dump: the record's number and the node's number within it
            sb.append("_:").append(bnodePrefix).append(labels.computeIfAbsent(n.getBlankNodeLabel(),
                    k -> Integer.toString(labels.size(), 36)));
        } else {
            sb.append('"');
            literal(sb, n.getLiteralLexicalForm());
            sb.append('"');
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                sb.append('@').append(lang);
            } else {
                String dt = n.getLiteralDatatypeURI();
                if (dt != null && !dt.equals("http://www.w3.org/2001/XMLSchema#string")) {
                    sb.append("^^");
                    iri(sb, dt);
                }
            }
        }
    }

    /** An IRIREF: the characters N-Triples forbids inside one are written as \\u escapes. */
    static void iri(StringBuilder sb, String iri) {
        sb.append('<');
        int clean = 0;
        while (clean < iri.length() && !needsEscape(iri.charAt(clean))) {
            clean++;
        }
        if (clean == iri.length()) { // the usual case: appended whole
            sb.append(iri).append('>');
            return;
        }
        sb.append(iri, 0, clean);
        for (int i = clean; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (needsEscape(c)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('>');
    }

    private static boolean needsEscape(char c) {
        return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`'
                || c == '\\';
    }

    static void literal(StringBuilder sb, String s) {
        int clean = 0;
        while (clean < s.length()) {
            char c = s.charAt(clean);
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
                break;
            }
            clean++;
        }
        sb.append(s, 0, clean);
        for (int i = clean; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }

    public long triples() {
        return triples;
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
