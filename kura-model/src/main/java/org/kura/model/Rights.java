package org.kura.model;

import java.util.Objects;

/**
 * What a reader may do with the resource: the provider's statement mapped onto one vocabulary.
 *
 * @param condition the mapped condition
 * @param uri       the licence URI as given or canonical (versions kept, e.g. CC BY 2.1 JP), or null
 * @param statement the provider's statement as received, or null
 */
public record Rights(ReuseCondition condition, String uri, String statement) {
    public Rights {
        Objects.requireNonNull(condition, "condition");
    }

    public static final Rights UNKNOWN = new Rights(ReuseCondition.UNKNOWN, null, null);

    /** Maps a provider's free-text statement or licence URI onto the vocabulary; see {@link RightsMapper}. */
    public static Rights fromStatement(String statement) {
        return RightsMapper.map(statement);
    }
}
