package org.kura.lod.doi;

import java.util.Set;

/**
 * What the Japan Link Center assigns a depositor, from the configuration ({@code doi.jalc.*}): the site id
 * ({@code SI/…}) of the member's site, and the content classification of the deposit
 * ({@code 01} journal article, {@code 02} book/report, {@code 03} research data, {@code 04} e-learning,
 * {@code 99} general data; digitized books are {@code 02}).
 */
public record JalcSettings(String siteId, String contentClassification) {
    static final Set<String> CLASSIFICATIONS = Set.of("01", "02", "03", "04", "99");

    public JalcSettings {
        contentClassification = contentClassification == null || contentClassification.isBlank() ? "02" : contentClassification.strip();
        if (!CLASSIFICATIONS.contains(contentClassification)) {
            throw new DoiException(DoiException.Reason.BAD_PATTERN, "doi.jalc.contentClassification must be one of "
                    + new java.util.TreeSet<>(CLASSIFICATIONS) + ", not " + DoiName.shown(contentClassification));
        }
        siteId = siteId == null ? "" : siteId.strip();
    }
}
