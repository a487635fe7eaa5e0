package org.kura.ingest.oai;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.kura.ingest.xml.SubtreeWriter;
import org.kura.model.xml.SafeXml;

/**
 * Reads OAI-PMH 2.0 responses with a streaming parser (never a DOM of a whole page). Each record's
 * metadata element is copied out as its own well-formed XML document. A response with a DOCTYPE is
 * refused: OAI-PMH responses never need one, and refusing it rules out XXE and entity expansion.
 */
public final class OaiResponseParser {
    public static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

    private final XMLInputFactory inputs = SafeXml.inputFactory();
    private final SubtreeWriter subtrees;

    public OaiResponseParser(long maxRecordBytes) {
        this.subtrees = new SubtreeWriter(maxRecordBytes);
    }

    /** Thrown for a response that is not well-formed or not OAI-PMH; carries the line where known. */
    public static final class MalformedResponseException extends Exception {
        private final List<OaiRecord> recordsBefore;

        MalformedResponseException(String message, Throwable cause, List<OaiRecord> recordsBefore) {
            super(message, cause);
            this.recordsBefore = List.copyOf(recordsBefore);
        }

        /** Records read completely before the error (the caller may keep them). */
        public List<OaiRecord> recordsBefore() {
            return recordsBefore;
        }
    }

    public ListRecordsResponse parseListRecords(InputStream in, long responseBytes)
            throws OaiPmhException, MalformedResponseException {
        List<OaiRecord> records = new ArrayList<>();
        Instant responseDate = null;
        String token = null;
        Long completeListSize = null;
        XMLStreamReader r = null;
        try {
            r = inputs.createXMLStreamReader(in);
            boolean sawRoot = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new MalformedResponseException("the response has a DOCTYPE declaration; refused "
                            + "(OAI-PMH responses have none, and DTDs can carry external entities)", null, records);
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new MalformedResponseException("the response uses the undeclared entity &"
                            + r.getLocalName() + "; refused", null, records);
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (!sawRoot) {
                    if (!"OAI-PMH".equals(name) || !OAI_NS.equals(r.getNamespaceURI())) {
                        throw new MalformedResponseException("not an OAI-PMH response (root element "
                                + r.getName() + ")", null, records);
                    }
                    sawRoot = true;
                    continue;
                }
                switch (name) {
                    case "responseDate" -> responseDate = parseDatestamp(r.getElementText());
                    case "error" -> {
                        String code = r.getAttributeValue(null, "code");
                        String text = r.getElementText().strip();
                        throw new OaiPmhException(OaiErrorCode.parse(code), "OAI-PMH error " + code
                                + (text.isEmpty() ? "" : ": " + text));
                    }
                    case "record" -> records.add(readRecord(r));
                    case "resumptionToken" -> {
                        String size = r.getAttributeValue(null, "completeListSize");
                        if (size != null && size.strip().matches("\\d{1,18}")) {
                            completeListSize = Long.parseLong(size.strip());
                        }
                        String t = r.getElementText().strip();
                        token = t.isEmpty() ? null : t;
                    }
                    default -> {
                        // request, ListRecords: containers
                    }
                }
            }
            if (!sawRoot) {
                throw new MalformedResponseException("empty response", null, records);
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber();
            throw new MalformedResponseException("malformed XML" + where + ": " + firstLine(e.getMessage()), e, records);
        } finally {
            close(r);
        }
        return new ListRecordsResponse(responseDate, records, token, completeListSize, responseBytes);
    }

    /** A format of ListMetadataFormats. */
    public record MetadataFormat(String prefix, String schema, String namespace) {
    }

    /** A set of ListSets. */
    public record OaiSet(String spec, String name) {
    }

    /** One page of ListSets. */
    public record SetsPage(java.util.List<OaiSet> sets, String resumptionToken) {
    }

    public java.util.List<MetadataFormat> parseMetadataFormats(InputStream in)
            throws OaiPmhException, MalformedResponseException {
        java.util.List<MetadataFormat> out = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            r = inputs.createXMLStreamReader(in);
            String prefix = null;
            String schema = null;
            String ns = null;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "error" -> throw error(r);
                        case "metadataPrefix" -> prefix = r.getElementText().strip();
                        case "schema" -> schema = r.getElementText().strip();
                        case "metadataNamespace" -> ns = r.getElementText().strip();
                        default -> {
                        }
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT && "metadataFormat".equals(r.getLocalName())) {
                    out.add(new MetadataFormat(prefix, schema, ns));
                    prefix = null;
                    schema = null;
                    ns = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new MalformedResponseException("malformed ListMetadataFormats: " + firstLine(e.getMessage()), e, List.of());
        } finally {
            close(r);
        }
        return out;
    }

    public SetsPage parseSets(InputStream in) throws OaiPmhException, MalformedResponseException {
        java.util.List<OaiSet> out = new ArrayList<>();
        String token = null;
        XMLStreamReader r = null;
        try {
            r = inputs.createXMLStreamReader(in);
            String spec = null;
            String name = null;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "error" -> throw error(r);
                        case "setSpec" -> spec = r.getElementText().strip();
                        case "setName" -> name = r.getElementText().strip();
                        case "setDescription" -> skip(r);
                        case "resumptionToken" -> {
                            String t = r.getElementText().strip();
                            token = t.isEmpty() ? null : t;
                        }
                        default -> {
                        }
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT && "set".equals(r.getLocalName())) {
                    out.add(new OaiSet(spec, name));
                    spec = null;
                    name = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new MalformedResponseException("malformed ListSets: " + firstLine(e.getMessage()), e, List.of());
        } finally {
            close(r);
        }
        return new SetsPage(out, token);
    }

    private static OaiPmhException error(XMLStreamReader r) throws XMLStreamException {
        String code = r.getAttributeValue(null, "code");
        return new OaiPmhException(OaiErrorCode.parse(code), "OAI-PMH error " + code + ": " + r.getElementText().strip());
    }

    public Identify parseIdentify(InputStream in) throws OaiPmhException, MalformedResponseException {
        String name = null;
        String base = null;
        String version = null;
        String earliest = null;
        String deleted = null;
        String granularity = null;
        XMLStreamReader r = null;
        try {
            r = inputs.createXMLStreamReader(in);
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "error" -> {
                        String code = r.getAttributeValue(null, "code");
                        throw new OaiPmhException(OaiErrorCode.parse(code), "OAI-PMH error " + code + ": " + r.getElementText());
                    }
                    case "repositoryName" -> name = r.getElementText().strip();
                    case "baseURL" -> base = r.getElementText().strip();
                    case "protocolVersion" -> version = r.getElementText().strip();
                    case "earliestDatestamp" -> earliest = r.getElementText().strip();
                    case "deletedRecord" -> deleted = r.getElementText().strip();
                    case "granularity" -> granularity = r.getElementText().strip();
                    case "description" -> skip(r);
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new MalformedResponseException("malformed Identify response: " + firstLine(e.getMessage()), e, List.of());
        } finally {
            close(r);
        }
        if (version == null) {
            throw new MalformedResponseException("not an OAI-PMH Identify response (no protocolVersion)", null, List.of());
        }
        return new Identify(name, base, version, earliest, deleted, Granularity.parse(granularity));
    }

    /** Reads one {@code <record>} (the reader on its start tag) into header fields and metadata bytes. */
    public OaiRecord readRecord(XMLStreamReader r) throws XMLStreamException {
        String identifier = null;
        Instant datestamp = null;
        boolean deleted = false;
        List<String> sets = new ArrayList<>();
        byte[] metadata = new byte[0];
        String problem = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                problem = "uses the undeclared entity &" + r.getLocalName() + ";";
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "header" -> {
                    deleted = "deleted".equals(r.getAttributeValue(null, "status"));
                    depth++;
                }
                case "identifier" -> identifier = r.getElementText().strip();
                case "datestamp" -> datestamp = parseDatestamp(r.getElementText());
                case "setSpec" -> sets.add(r.getElementText().strip());
                case "metadata" -> {
                    SubtreeWriter.Copy copy = copyFirstChild(r);
                    metadata = copy.bytes();
                    if (copy.problem() != null) {
                        problem = copy.problem();
                    }
                }
                default -> skip(r);
            }
        }
        if (identifier == null || identifier.isEmpty()) {
            problem = "record without a header identifier";
            identifier = null;
        } else if (!deleted && metadata.length == 0 && problem == null) {
            problem = "record without metadata";
        }
        return new OaiRecord(identifier, datestamp, deleted, sets, metadata, problem);
    }

    /** Copies the element inside {@code <metadata>}; the reader ends on {@code </metadata>}. */
    private SubtreeWriter.Copy copyFirstChild(XMLStreamReader r) throws XMLStreamException {
        SubtreeWriter.Copy copy = null;
        String problem = null;
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (copy == null) {
                    copy = subtrees.copy(r, null);
                } else {
                    problem = "more than one element inside <metadata>";
                    skip(r);
                }
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                problem = "uses the undeclared entity &" + r.getLocalName() + ";";
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (copy == null) {
                    return new SubtreeWriter.Copy(new byte[0], null);
                }
                return problem == null ? copy : new SubtreeWriter.Copy(copy.bytes(), problem);
            }
        }
    }

    /** Skips to the end of the current element (the reader is on its START_ELEMENT). */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        skipTo(r, 1);
    }

    private static void skipTo(XMLStreamReader r, int depth) throws XMLStreamException {
        SubtreeWriter.skip(r, depth);
    }

    static Instant parseDatestamp(String s) {
        String t = s == null ? "" : s.strip();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a reader of an in-memory buffer
            }
        }
    }
}
