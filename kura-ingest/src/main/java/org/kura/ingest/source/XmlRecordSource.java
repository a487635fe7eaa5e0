package org.kura.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.kura.ingest.xml.SubtreeWriter;
import org.kura.model.RawRecord;
import org.kura.model.xml.SafeXml;

/**
 * Streams the records of an XML file: every element the {@code selector} accepts (at any depth)
 * becomes one raw record, cut out with {@link SubtreeWriter}. Constant memory. Malformed XML ends
 * the stream with one {@link SourceItem.Unreadable} saying where.
 */
class XmlRecordSource implements RecordSource {
    /** Chooses record elements and names them. */
    interface Shape {
        boolean isRecord(XMLStreamReader r);

        /** Identifier of the record from the reader at its start tag (attributes), or null to use {@link #identify}. */
        default String identifierAt(XMLStreamReader r) {
            return null;
        }

        /** Identifier from the record's bytes, or null. */
        String identify(byte[] bytes);

        /** Wrap each record in this element (prefix, local name, namespace), or null. */
        default String[] wrapper() {
            return null;
        }
    }

    private final InputStream in;
    private final XMLStreamReader reader;
    private final String providerId;
    private final String format;
    private final Shape shape;
    private final SubtreeWriter subtrees;
    private final String fileName;
    private int count;
    private boolean done;

    XmlRecordSource(InputStream in, String fileName, String providerId, String format, Shape shape, long maxRecordBytes)
            throws IOException {
        this.in = in;
        this.fileName = fileName;
        this.providerId = providerId;
        this.format = format;
        this.shape = shape;
        this.subtrees = new SubtreeWriter(maxRecordBytes);
        try {
            this.reader = SafeXml.inputFactory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            in.close();
            throw new IOException(fileName + ": not XML: " + e.getMessage(), e);
        }
    }

    static Predicate<XMLStreamReader> element(String ns, String local) {
        return r -> local.equals(r.getLocalName()) && (ns == null || ns.equals(r.getNamespaceURI()));
    }

    @Override
    public Iterator<SourceItem> iterator() {
        return new Iterator<>() {
            private SourceItem next;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = read();
                }
                return next != null;
            }

            @Override
            public SourceItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceItem item = next;
                next = null;
                return item;
            }
        };
    }

    private SourceItem read() {
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    done = true;
                    return new SourceItem.Unreadable(null, new byte[0], fileName + ": a DOCTYPE declaration; refused "
                            + "(DTDs can carry external entities)");
                }
                if (event == XMLStreamConstants.START_ELEMENT && shape.isRecord(reader)) {
                    count++;
                    String id = shape.identifierAt(reader);
                    SubtreeWriter.Copy copy = subtrees.copy(reader, shape.wrapper());
                    if (id == null) {
                        id = shape.identify(copy.bytes());
                    }
                    if (copy.problem() != null) {
                        return new SourceItem.Unreadable(id, copy.bytes(), "record " + count + " of " + fileName + ": "
                                + copy.problem());
                    }
                    if (id == null || id.isBlank()) {
                        return new SourceItem.Unreadable(null, copy.bytes(), "record " + count + " of " + fileName
                                + " has no identifier");
                    }
                    return new SourceItem.Read(new RawRecord(providerId, id.strip(), format, null, false, null, copy.bytes()));
                }
            }
            done = true;
            return null;
        } catch (XMLStreamException e) {
            done = true;
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber();
            return new SourceItem.Unreadable(null, ("after record " + count).getBytes(StandardCharsets.UTF_8),
                    fileName + ": malformed XML" + where + " after record " + count + ": "
                            + e.getMessage().lines().findFirst().orElse("") + "; the rest of the file is not read");
        }
    }

    static Function<byte[], String> regex(String pattern) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern);
        return bytes -> {
            java.util.regex.Matcher m = p.matcher(new String(bytes, 0, Math.min(bytes.length, 1 << 20), StandardCharsets.UTF_8));
            return m.find() ? org.kura.ingest.xml.Entities.unescape(m.group(1)) : null;
        };
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // the stream is closed next
        }
        in.close();
    }
}
