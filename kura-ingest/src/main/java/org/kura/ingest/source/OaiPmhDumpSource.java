package org.kura.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.kura.ingest.oai.OaiRecord;
import org.kura.ingest.oai.OaiResponseParser;
import org.kura.model.RawRecord;
import org.kura.model.xml.SafeXml;

/**
 * A saved OAI-PMH ListRecords (or GetRecord) response: every {@code <record>} with its header
 * (identifier, datestamp, deleted status, sets) and its metadata, streamed in constant memory.
 */
final class OaiPmhDumpSource implements RecordSource {
    private final InputStream in;
    private final XMLStreamReader reader;
    private final String fileName;
    private final String providerId;
    private final String format;
    private final OaiResponseParser parser;
    private int count;
    private boolean done;

    OaiPmhDumpSource(InputStream in, String fileName, String providerId, String format, long maxRecordBytes)
            throws IOException {
        this.in = in;
        this.fileName = fileName;
        this.providerId = providerId;
        this.format = format;
        this.parser = new OaiResponseParser(maxRecordBytes);
        try {
            this.reader = SafeXml.inputFactory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            in.close();
            throw new IOException(fileName + ": not XML: " + e.getMessage(), e);
        }
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
                    return new SourceItem.Unreadable(null, new byte[0], fileName + ": a DOCTYPE declaration; refused");
                }
                if (event == XMLStreamConstants.START_ELEMENT && "record".equals(reader.getLocalName())
                        && OaiResponseParser.OAI_NS.equals(reader.getNamespaceURI())) {
                    count++;
                    OaiRecord r = parser.readRecord(reader);
                    if (r.problem() != null) {
                        return new SourceItem.Unreadable(r.identifier(), r.metadata(), "record " + count + " of "
                                + fileName + ": " + r.problem());
                    }
                    return new SourceItem.Read(new RawRecord(providerId, r.identifier(), format, r.datestamp(),
                            r.deleted(), r.sets(), r.metadata()));
                }
            }
            done = true;
            return null;
        } catch (XMLStreamException e) {
            done = true;
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            return new SourceItem.Unreadable(null, ("after record " + count).getBytes(StandardCharsets.UTF_8),
                    fileName + ": malformed XML" + where + " after record " + count + ": "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // closing the stream next
        }
        in.close();
    }
}
