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
        // a list, not an indexed graph: the triples are only passed through, never queried
        Model m = ModelFactory.createModelForGraph(new TripleList());
        mapper.add(m, r);
        String bnodePrefix = bnodePrefix(r);
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        line.reset();
        m.getGraph().find().forEachRemaining(t -> {
            node(t.getSubject(), bnodePrefix, labels);
            line.write(' ');
            node(t.getPredicate(), bnodePrefix, labels);
            line.write(' ');
            node(t.getObject(), bnodePrefix, labels);
            line.ascii(" .\n");
            triples++;
        });
        try {
            line.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The record's lines as UTF-8 bytes. Text is encoded piece by piece, so ASCII IRIs (stored as
     * Latin-1 strings) are copied and only Japanese literals go through the UTF-16 encoder; building
     * the lines as one String first made every IRI pay for the Japanese in the record (JFR).
     */
    private static final class Bytes extends java.io.ByteArrayOutputStream {
        Bytes() {
            super(8192);
        }

        void ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                write(s.charAt(i));
            }
        }

        void text(String s) {
            writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Bytes line = new Bytes();

    private void node(Node n, String bnodePrefix, java.util.Map<String, String> labels) {
        if (n.isURI()) {
            iri(n.getURI());
        } else if (n.isBlank()) {
            // short labels, unique in the dump: the record's number and the node's number within it
            line.ascii("_:");
            line.ascii(bnodePrefix);
            line.ascii(labels.computeIfAbsent(n.getBlankNodeLabel(), k -> Integer.toString(labels.size(), 36)));
        } else {
            line.write('"');
            String lexical = n.getLiteralLexicalForm();
            if (cleanLiteral(lexical)) {
                line.text(lexical);
            } else {
                StringBuilder sb = new StringBuilder(lexical.length() + 16);
                literal(sb, lexical);
                line.text(sb.toString());
            }
            line.write('"');
            String lang = n.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                line.write('@');
                line.text(lang);
            } else {
                String dt = n.getLiteralDatatypeURI();
                if (dt != null && !dt.equals("http://www.w3.org/2001/XMLSchema#string")) {
                    line.ascii("^^");
                    iri(dt);
                }
            }
        }
    }

    private void iri(String iri) {
        if (cleanIri(iri)) {
            line.write('<');
            line.text(iri);
            line.write('>');
        } else {
            StringBuilder sb = new StringBuilder(iri.length() + 16);
            iri(sb, iri);
            line.text(sb.toString());
        }
    }

    private static boolean cleanIri(String iri) {
        for (int i = 0; i < iri.length(); i++) {
            if (needsEscape(iri.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean cleanLiteral(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** A graph that only keeps its distinct triples in order: what a dump needs from the mapper's model. */
    private static final class TripleList extends org.apache.jena.graph.impl.GraphBase {
        private final java.util.Set<Triple> triples = new java.util.LinkedHashSet<>(64);

        @Override
        public void performAdd(Triple t) {
            triples.add(t);
        }

        @Override
        public void performDelete(Triple t) {
            triples.remove(t);
        }

        @Override
        protected org.apache.jena.util.iterator.ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
            return org.apache.jena.util.iterator.WrappedIterator.create(triples.stream().filter(pattern::matches).iterator());
        }

        @Override
        protected int graphBaseSize() {
            return triples.size();
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
