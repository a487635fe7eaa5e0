package org.kura.model;

import java.util.Objects;

/**
 * A subject heading, classification number or keyword.
 *
 * @param value  heading or class number as received
 * @param scheme vocabulary
 * @param uri    authority URI (e.g. {@code http://id.ndl.go.jp/auth/ndlsh/…}), or null
 */
public record Subject(String value, SubjectScheme scheme, String uri) {
    public Subject {
        Objects.requireNonNull(value, "value");
        scheme = scheme == null ? SubjectScheme.KEYWORD : scheme;
    }
}
