package org.kura.ingest.pipeline;

import java.util.List;

/**
 * Choices for one harvest.
 *
 * @param full  ignore the last harvest date and any checkpoint: harvest the whole list again
 * @param sets  harvest only these sets (overrides the provider's sets); empty = the provider's
 */
public record HarvestOptions(boolean full, List<String> sets) {
    public HarvestOptions {
        sets = sets == null ? List.of() : List.copyOf(sets);
    }

    public static HarvestOptions incremental() {
        return new HarvestOptions(false, List.of());
    }
}
