package org.kura.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered individual reader (NDL's 個人の登録利用者): sees LIBRARY-tier items in the viewer; a reader
 * certified as print-disabled (Copyright Act art. 37) also gets their text. Signs in with a password,
 * kept only as a salted PBKDF2 hash ({@link #passwordHash}, see {@code Passwords}).
 *
 * @param name          the sign-in name (lower case letters, digits, '.', '_', '-')
 * @param country       ISO 3166 alpha-2, or null
 * @param disabled      a suspended account: it cannot sign in
 */
public record Reader(String name, String displayName, String country, boolean printDisabled, String passwordHash, boolean disabled,
                     Instant createdAt) {
    public Reader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("a reader's name is lower-case letters, digits, '.', '_' and '-' (at most 64): " + name);
        }
    }
}
