package org.kura.server.portal;

import java.util.List;

/** A provider's public page: what it contributes, its recent harvests and what was quarantined, with reasons. */
public record ProviderView(String name, String otherName, String kind, String isil, long records, long quarantined,
                           String defaultRights, String metadataLicence, String endpoint, String prefix, String searchUrl,
                           List<RunLine> runs, List<QuarantineLine> quarantine) {
    public record RunLine(long id, String started, String state, String counts) {
    }

    public record QuarantineLine(String identifier, String stage, String reason) {
    }
}
