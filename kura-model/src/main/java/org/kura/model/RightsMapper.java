package org.kura.model;

/** Maps rights statements (licence URIs, "CC BY 4.0", "パブリックドメイン", "転載不可"…) onto {@link ReuseCondition}. */
public final class RightsMapper {
    private RightsMapper() {
    }

    public static Rights map(String statement) {
        // Placeholder until the full mapper lands.
        return statement == null ? Rights.UNKNOWN : new Rights(ReuseCondition.UNKNOWN, null, statement);
    }
}
