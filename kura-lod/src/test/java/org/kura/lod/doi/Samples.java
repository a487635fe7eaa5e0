package org.kura.lod.doi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.kura.ingest.crosswalk.JpcoarCrosswalk;
import org.kura.model.RawRecord;
import org.kura.model.Record;

/** Real records for the DOI tests: the JPCOAR 2.0 samples in the shared fixtures, crosswalked as Kura imports them. */
final class Samples {
    private Samples() {
    }

    static Record jpcoar(String file) throws Exception {
        Path p = Path.of(System.getProperty("kura.shared.fixtures", "../../shared/fixtures"), "jpcoar/2.0/samples", file);
        return new JpcoarCrosswalk().apply(new RawRecord("irdb", file, "jpcoar_2.0", Instant.parse("2026-01-01T00:00:00Z"),
                false, List.of(), Files.readAllBytes(p)));
    }

    /** 和訓栞 (ワクンノシオリ), a digitized Edo-period book with a creator, VIAF id, publishers, 1777/1830, a DOI, CC BY-SA. */
    static Record wakunNoShiori() throws Exception {
        return jpcoar("12_digital_archive.xml");
    }

    static DoiRegistration registration(Record r) {
        return new DoiRegistration(DoiName.parse("10.99999/kura.item-1"), "https://kura.example/records/irdb/" + r.id(), r, 4,
                "学術機関リポジトリ（デモ）");
    }
}
