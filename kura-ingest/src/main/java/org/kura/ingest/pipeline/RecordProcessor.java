package org.kura.ingest.pipeline;

import java.nio.charset.StandardCharsets;
import org.kura.catalog.Page;
import org.kura.catalog.QuarantineEntry;
import org.kura.ingest.crosswalk.Crosswalk;
import org.kura.ingest.crosswalk.CrosswalkException;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Rights;

/**
 * Turns one raw record into a page entry: crosswalk it, apply the provider's default reuse
 * condition when the record states none, or reject it with the reason. Never throws for a bad record.
 */
final class RecordProcessor {
    private final Provider provider;
    private final Crosswalk crosswalk;

    RecordProcessor(Provider provider, Crosswalk crosswalk) {
        this.provider = provider;
        this.crosswalk = crosswalk;
    }

    Page.Entry process(RawRecord raw) {
        if (raw.deleted()) {
            return new Page.Deleted(raw);
        }
        try {
            Record record = crosswalk.apply(raw);
            if (record.rights().condition() == ReuseCondition.UNKNOWN && provider.defaultRights() != ReuseCondition.UNKNOWN) {
                record = withRights(record, new Rights(provider.defaultRights(), provider.defaultRights().uri(),
                        record.rights().statement()));
            }
            return new Page.Accepted(raw, record);
        } catch (CrosswalkException e) {
            return new Page.Rejected(raw.identifier(), raw.metadataPrefix(), raw.bytes(), QuarantineEntry.Stage.CROSSWALK,
                    e.getMessage());
        } catch (RuntimeException e) {
            return new Page.Rejected(raw.identifier(), raw.metadataPrefix(), raw.bytes(), QuarantineEntry.Stage.CROSSWALK,
                    "crosswalk failed unexpectedly: " + e);
        }
    }

    static Page.Rejected reject(String identifier, String prefix, byte[] bytes, QuarantineEntry.Stage stage, String reason) {
        return new Page.Rejected(identifier, prefix, bytes == null ? new byte[0] : bytes, stage, reason);
    }

    static Page.Rejected reject(String identifier, String prefix, String text, QuarantineEntry.Stage stage, String reason) {
        return reject(identifier, prefix, text.getBytes(StandardCharsets.UTF_8), stage, reason);
    }

    private static Record withRights(Record r, Rights rights) {
        return new Record(r.id(), r.providerId(), r.materialType(), r.titles(), r.agents(), r.publishers(), r.places(),
                r.dates(), r.extent(), r.subjects(), r.languages(), r.identifiers(), r.descriptions(), r.relations(),
                r.links(), rights, r.accessTier(), r.warnings(), r.geoLocations());
    }
}
