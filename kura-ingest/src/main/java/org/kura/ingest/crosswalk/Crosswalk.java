package org.kura.ingest.crosswalk;

import org.kura.model.RawRecord;
import org.kura.model.Record;

/**
 * Turns a raw record of one metadata format into the common model. A pure function: no database,
 * network, clock or static cache. Leniencies are reported as warnings on the record; a record that
 * cannot be understood throws {@link CrosswalkException} and goes to quarantine.
 */
public interface Crosswalk {

    /** The metadata format this crosswalk reads: oai_dc, dcndl, jpcoar, marcxml, marc21, csv. */
    String format();

    /** The record's id and provider come from {@code raw}. */
    Record apply(RawRecord raw) throws CrosswalkException;
}
