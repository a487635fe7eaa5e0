package org.kura.ingest.crosswalk;

import java.io.ByteArrayInputStream;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;

/**
 * MARC 21 in ISO 2709 (one record's bytes) via marc4j's permissive reader, which repairs what it
 * can (bad directories, MARC-8 escapes) and reports it; the repairs become warnings on the record,
 * fatal damage a quarantine.
 */
public final class Marc21Crosswalk implements Crosswalk {
    @Override
    public String format() {
        return "marc21";
    }

    private final MarcXmlCrosswalk xml = new MarcXmlCrosswalk();

    @Override
    public Record apply(RawRecord raw) throws CrosswalkException {
        if (looksLikeXml(raw.bytes())) {
            return xml.apply(raw); // OAI-PMH "marc21" is MARCXML
        }
        if (raw.bytes().length < 24) {
            throw new CrosswalkException("MARC record shorter than its 24-byte leader");
        }
        org.marc4j.marc.Record marc;
        try {
            MarcReader reader = new MarcPermissiveStreamReader(new ByteArrayInputStream(raw.bytes()), true, true);
            if (!reader.hasNext()) {
                throw new CrosswalkException("no MARC record in the bytes");
            }
            marc = reader.next();
        } catch (RuntimeException e) {
            throw new CrosswalkException("unreadable MARC record: " + e.getMessage(), e);
        }
        return MarcRecordMapper.map(raw, marc);
    }

    private static boolean looksLikeXml(byte[] b) {
        for (byte x : b) {
            if (x == '<') {
                return true;
            }
            if (x != ' ' && x != '\n' && x != '\r' && x != '\t' && x != (byte) 0xEF && x != (byte) 0xBB && x != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }
}
