package org.kura.model;

/**
 * Who may see a digital object. Decided in one place (the server's AccessPolicy); the model only
 * names the tiers. Ordered from most to least open.
 */
public enum AccessTier {
    /** Open on the internet. */
    PUBLIC,
    /** Registered institutions and registered individual users. */
    LIBRARY,
    /** Terminals inside the holding institution only. */
    ONSITE,
    /** Staff only. */
    WITHHELD;

    public static AccessTier parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
