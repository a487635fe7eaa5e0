package org.kura.ingest.crosswalk;

import java.util.Optional;

/**
 * Finds the crosswalk for a metadata format or OAI-PMH metadata prefix (e.g. {@code oai_dc},
 * {@code dcndl}, {@code jpcoar_2.0}, {@code marcxml}, {@code marc21}, {@code csv}).
 */
public interface Crosswalks {

    Optional<Crosswalk> forFormat(String metadataPrefix);
}
