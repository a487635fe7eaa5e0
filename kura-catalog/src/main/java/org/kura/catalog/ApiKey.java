package org.kura.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A key that raises a client's request limit on the public APIs. Only the SHA-256 of the key is
 * stored; the key itself is shown once, when it is created.
 *
 * @param name      who it belongs to (unique; used to list and revoke)
 * @param keyHash   SHA-256 of the key, lower-case hex
 * @param perMinute requests per minute it allows
 */
public record ApiKey(String name, String keyHash, int perMinute, Instant createdAt) {
    public ApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyHash, "keyHash");
        if (name.isBlank() || name.length() > 128) {
            throw new IllegalArgumentException("an API key needs a name of 1 to 128 characters");
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
    }
}
