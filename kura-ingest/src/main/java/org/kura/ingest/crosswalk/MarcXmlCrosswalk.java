package org.kura.ingest.crosswalk;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.xml.SafeXml;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;

/**
 * MARCXML (http://www.loc.gov/MARC21/slim) read with Kura's hardened streaming parser into a marc4j
 * record (marc4j's own XML reader is not used, so no parser of ours ever resolves entities), then
 * mapped like ISO 2709.
 */
public final class MarcXmlCrosswalk implements Crosswalk {
    static final String MARC_NS = "http://www.loc.gov/MARC21/slim";
    private final XMLInputFactory factory = SafeXml.inputFactory();

    @Override
    public String format() {
        return "marcxml";
    }

    @Override
    public Record apply(RawRecord raw) throws CrosswalkException {
        return MarcRecordMapper.map(raw, read(raw.bytes()));
    }

    org.marc4j.marc.Record read(byte[] bytes) throws CrosswalkException {
        MarcFactory f = MarcFactory.newInstance();
        org.marc4j.marc.Record record = null;
        DataField field = null;
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.DTD || e == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new CrosswalkException("DTDs and entity references are not accepted in records");
                }
                if (e != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "record" -> {
                        if (record != null) {
                            return record; // one record per raw record; a collection yields its first
                        }
                        record = f.newRecord();
                    }
                    case "leader" -> {
                        String leader = r.getElementText();
                        if (record == null) {
                            throw new CrosswalkException("leader outside a record");
                        }
                        if (leader.length() != 24) {
                            throw new CrosswalkException("leader of " + leader.length() + " characters (24 required)");
                        }
                        record.setLeader(f.newLeader(leader));
                    }
                    case "controlfield" -> {
                        String tag = r.getAttributeValue(null, "tag");
                        if (record == null || tag == null) {
                            throw new CrosswalkException("controlfield without a tag or outside a record");
                        }
                        record.addVariableField(f.newControlField(tag, r.getElementText()));
                    }
                    case "datafield" -> {
                        String tag = r.getAttributeValue(null, "tag");
                        if (record == null || tag == null || !tag.matches("\\d{3}")) {
                            throw new CrosswalkException("datafield with a missing or invalid tag: " + tag);
                        }
                        field = f.newDataField(tag, indicator(r.getAttributeValue(null, "ind1")),
                                indicator(r.getAttributeValue(null, "ind2")));
                        record.addVariableField(field);
                    }
                    case "subfield" -> {
                        String code = r.getAttributeValue(null, "code");
                        if (field == null || code == null || code.length() != 1) {
                            throw new CrosswalkException("subfield without a one-character code: " + code);
                        }
                        field.addSubfield(f.newSubfield(code.charAt(0), r.getElementText()));
                    }
                    default -> {
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new CrosswalkException("malformed MARCXML: " + e.getMessage().lines().findFirst().orElse(""), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // in memory
                }
            }
        }
        if (record == null) {
            throw new CrosswalkException("no MARCXML record");
        }
        if (record.getLeader() == null) {
            throw new CrosswalkException("MARCXML record without a leader");
        }
        return record;
    }

    private static char indicator(String s) {
        return s == null || s.isEmpty() ? ' ' : s.charAt(0);
    }
}
