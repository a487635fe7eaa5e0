package org.kura.model;

import java.util.List;
import java.util.Objects;

/**
 * A data provider: a library, museum, archive or repository whose metadata Kura harvests.
 *
 * @param id              short stable id used on the CLI and in URLs ({@code [a-z0-9][a-z0-9_-]*})
 * @param nameJa          Japanese name
 * @param nameEn          English name, or null
 * @param isil            ISIL, or null
 * @param kind            kind of institution
 * @param oaiEndpoint     OAI-PMH base URL, or null for providers that deliver files
 * @param metadataPrefix  metadata prefix to harvest (oai_dc, dcndl, jpcoar_2.0…)
 * @param sets            set specs to harvest selectively (empty = whole repository)
 * @param schedule        harvest schedule (ISO 8601 duration such as {@code P1D}, or null for manual)
 * @param defaultRights   reuse condition applied when a record states none
 * @param metadataLicence licence of the metadata itself (e.g. CC0)
 * @param contact         contact e-mail or URL, or null
 */
public record Provider(
        String id,
        String nameJa,
        String nameEn,
        String isil,
        ProviderKind kind,
        String oaiEndpoint,
        String metadataPrefix,
        List<String> sets,
        String schedule,
        ReuseCondition defaultRights,
        ReuseCondition metadataLicence,
        String contact) {

    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public Provider {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("provider id must match " + ID + ": " + id);
        }
        Objects.requireNonNull(nameJa, "nameJa");
        kind = kind == null ? ProviderKind.OTHER : kind;
        metadataPrefix = metadataPrefix == null ? "oai_dc" : metadataPrefix;
        sets = sets == null ? List.of() : List.copyOf(sets);
        defaultRights = defaultRights == null ? ReuseCondition.UNKNOWN : defaultRights;
        metadataLicence = metadataLicence == null ? ReuseCondition.CC0 : metadataLicence;
    }

    /** A provider with only an id and a name; the rest defaulted. */
    public static Provider of(String id, String name) {
        return new Provider(id, name, null, null, ProviderKind.OTHER, null, "oai_dc", List.of(), null, null, null, null);
    }

    public Provider withOai(String endpoint, String prefix, List<String> setSpecs) {
        return new Provider(id, nameJa, nameEn, isil, kind, endpoint, prefix, setSpecs, schedule, defaultRights,
                metadataLicence, contact);
    }
}
