package org.kura.ingest.crosswalk;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The crosswalks Kura ships, by metadata prefix or format name: {@code oai_dc}; {@code dcndl};
 * {@code jpcoar} (any version suffix: jpcoar_1.0, jpcoar_2.0); {@code marcxml}; {@code marc21};
 * {@code csv}/{@code tsv}.
 */
public final class StandardCrosswalks implements Crosswalks {
    private final Map<String, Crosswalk> byFormat;

    public StandardCrosswalks() {
        OaiDcCrosswalk dc = new OaiDcCrosswalk();
        Marc21Crosswalk marc21 = new Marc21Crosswalk();
        MarcXmlCrosswalk marcxml = new MarcXmlCrosswalk();
        CsvCrosswalk csv = new CsvCrosswalk();
        byFormat = Map.of("oai_dc", dc, "dc", dc, "dcndl", new DcNdlCrosswalk(), "jpcoar", new JpcoarCrosswalk(),
                "marc21", marc21, "usmarc", marc21, "marcxml", marcxml, "marc", marcxml, "csv", csv, "tsv", csv);
    }

    @Override
    public Optional<Crosswalk> forFormat(String metadataPrefix) {
        if (metadataPrefix == null) {
            return Optional.empty();
        }
        String key = metadataPrefix.strip().toLowerCase(Locale.ROOT);
        if (key.startsWith("jpcoar")) {
            key = "jpcoar";
        }
        return Optional.ofNullable(byFormat.get(key));
    }
}
