package org.kura.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLStreamReader;

/**
 * Opens a bulk file as a {@link RecordSource} by format: {@code oai_dc}, {@code dcndl}, {@code jpcoar}
 * (each either a saved OAI-PMH response or a plain file of such records), {@code marcxml},
 * {@code marc21} (ISO 2709), {@code csv}, {@code tsv}. Files ending in {@code .gz} are decompressed.
 */
public final class RecordSources {
    static final String JPCOAR_NS_PART = "JPCOAR/schema";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String DCNDL = "http://ndl.go.jp/dcndl/terms/";
    static final long MAX_RECORD_BYTES = 16L << 20;

    private RecordSources() {
    }

    public static RecordSource open(Path file, String format, String providerId, ColumnMapping mapping)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        String name = file.getFileName().toString();
        String f = format.toLowerCase(Locale.ROOT);
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (name.endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        try {
            return switch (f) {
                case "marc21", "iso2709", "mrc" -> new Marc21Source(in, name, providerId, MAX_RECORD_BYTES);
                case "csv", "tsv" -> new CsvSource(reader(in), f.equals("tsv") || name.endsWith(".tsv"), name,
                        providerId, mapping);
                case "oai_dc", "dcndl", "jpcoar", "marcxml" -> xml(in, name, providerId, f);
                default -> throw new IllegalArgumentException("unknown format " + format
                        + " (oai_dc, dcndl, jpcoar, marcxml, marc21, csv, tsv)");
            };
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static RecordSource xml(InputStream in, String name, String providerId, String format) throws IOException {
        in.mark(1 << 16);
        byte[] head = in.readNBytes(1 << 15);
        in.reset();
        String start = new String(head, StandardCharsets.UTF_8);
        if (start.contains("http://www.openarchives.org/OAI/2.0/") && start.matches("(?s).*<([A-Za-z0-9_]+:)?OAI-PMH[\\s>].*")) {
            return new OaiPmhDumpSource(in, name, providerId, format, MAX_RECORD_BYTES);
        }
        XmlRecordSource.Shape shape = switch (format) {
            case "oai_dc" -> new XmlRecordSource.Shape() {
                public boolean isRecord(XMLStreamReader r) {
                    return "dc".equals(r.getLocalName()) && "http://www.openarchives.org/OAI/2.0/oai_dc/".equals(r.getNamespaceURI());
                }

                public String identify(byte[] b) {
                    return XmlRecordSource.regex("<dc:identifier[^>]*>([^<]+)</dc:identifier>").apply(b);
                }
            };
            case "jpcoar" -> new XmlRecordSource.Shape() {
                public boolean isRecord(XMLStreamReader r) {
                    return "jpcoar".equals(r.getLocalName()) && r.getNamespaceURI() != null
                            && r.getNamespaceURI().contains(JPCOAR_NS_PART);
                }

                public String identify(byte[] b) {
                    String id = XmlRecordSource.regex("<[a-z]*:?identifier identifierType=\"(?:DOI|HDL|URI)\"[^>]*>([^<]+)<").apply(b);
                    return id != null ? id : XmlRecordSource.regex("<[a-z]*:?identifier[^>]*>([^<]+)<").apply(b);
                }
            };
            case "marcxml" -> new XmlRecordSource.Shape() {
                public boolean isRecord(XMLStreamReader r) {
                    return "record".equals(r.getLocalName()) && "http://www.loc.gov/MARC21/slim".equals(r.getNamespaceURI());
                }

                public String identify(byte[] b) {
                    return XmlRecordSource.regex("controlfield tag=\"001\"[^>]*>([^<]+)<").apply(b);
                }
            };
            case "dcndl" -> new XmlRecordSource.Shape() {
                public boolean isRecord(XMLStreamReader r) {
                    return "BibResource".equals(r.getLocalName()) && DCNDL.equals(r.getNamespaceURI());
                }

                public String identifierAt(XMLStreamReader r) {
                    return r.getAttributeValue(RDF, "about");
                }

                public String identify(byte[] b) {
                    return null;
                }

                public String[] wrapper() {
                    return new String[] {"rdf", "RDF", RDF};
                }
            };
            default -> throw new IllegalArgumentException("not an XML format: " + format);
        };
        return new XmlRecordSource(in, name, providerId, format, shape, MAX_RECORD_BYTES);
    }

    /** UTF-8 (a BOM is skipped) unless the start of the file is not valid UTF-8, then Shift_JIS. */
    static Reader reader(InputStream in) throws IOException {
        in.mark(1 << 16);
        byte[] head = in.readNBytes(1 << 16);
        in.reset();
        Charset cs = validUtf8(head) ? StandardCharsets.UTF_8 : Charset.forName("Shift_JIS");
        if (cs == StandardCharsets.UTF_8 && head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
        }
        return new InputStreamReader(in, cs);
    }

    private static boolean validUtf8(byte[] head) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int len = head.length;
        // do not count a multi-byte character cut at the end of the sample as an error
        while (len > 0 && len > head.length - 4 && (head[len - 1] & 0xC0) == 0x80) {
            len--;
        }
        if (len > 0 && (head[len - 1] & 0xC0) == 0xC0) {
            len--;
        }
        try {
            d.decode(java.nio.ByteBuffer.wrap(head, 0, len));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
