package org.kura.model;

import java.util.Objects;

/**
 * A link to another resource: the series or journal it is part of, another version…
 *
 * @param type       the kind of relation
 * @param label      title or citation of the target, as received (may be null when only an identifier is known)
 * @param identifier identifier of the target, or null
 * @param volume     volume/issue/pages within the target (for articles and series), or null
 */
public record Relation(RelationType type, String label, Identifier identifier, String volume) {
    public Relation {
        Objects.requireNonNull(type, "type");
    }
}
