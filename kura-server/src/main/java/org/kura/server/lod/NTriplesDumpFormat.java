package org.kura.server.lod;

import java.io.OutputStream;
import org.kura.catalog.StoredRecord;
import org.kura.lod.NTriplesDump;
import org.kura.lod.UriScheme;
import org.kura.model.ReuseCondition;
import org.kura.server.datasets.DumpFormat;

/** N-Triples bulk dumps (DC-NDL); deletions cannot be said in N-Triples, so incremental dumps carry live records only. */
public final class NTriplesDumpFormat implements DumpFormat {
    private final UriScheme uris;

    public NTriplesDumpFormat(UriScheme uris) {
        this.uris = uris;
    }

    @Override
    public String name() {
        return "nt";
    }

    @Override
    public String mediaType() {
        return "application/n-triples";
    }

    @Override
    public int compressionLevel() {
        return 1;
    }

    @Override
    public Writer open(OutputStream out) {
        NTriplesDump dump = new NTriplesDump(out, uris);
        return new Writer() {
            @Override
            public boolean write(StoredRecord record, ReuseCondition metadataLicence) {
                if (record.deleted() || record.normalized() == null) {
                    return false;
                }
                dump.write(record.normalized());
                return true;
            }

            @Override
            public void close() {
                dump.close();
            }
        };
    }
}
