package org.kura.model;

import java.util.List;
import java.util.Objects;

/**
 * A person, family or organization that created or contributed to a resource.
 *
 * @param name        the name for display, as received (e.g. {@code 夏目, 漱石, 1867-1916})
 * @param reading     the transcription (e.g. {@code ナツメ, ソウセキ}), or null
 * @param role        the role played
 * @param identifiers authority identifiers (VIAF, NDL Authority, ORCID, ISNI, researcher numbers)
 * @param affiliation affiliation as received, or null
 * @param variants    other forms of the name the record gives (romanized, other language)
 */
public record Agent(String name, String reading, Role role, List<Identifier> identifiers, String affiliation,
                    List<String> variants) {
    public Agent {
        Objects.requireNonNull(name, "name");
        role = role == null ? Role.CREATOR : role;
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    public Agent(String name, String reading, Role role, List<Identifier> identifiers, String affiliation) {
        this(name, reading, role, identifiers, affiliation, List.of());
    }

    public static Agent of(String name, Role role) {
        return new Agent(name, null, role, List.of(), null, List.of());
    }
}
