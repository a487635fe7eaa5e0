package org.kura.server.access;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The principals of the access-matrix tests, told apart as in production: the admin token, an
 * institution's key, and client addresses forwarded by a trusted proxy (the test client plays the
 * proxy on 127.0.0.1): an institution's range 10.1.0.0/16, a terminal's 10.9.9.0/24, anyone else 192.0.2.1.
 */
public final class TestPrincipals {
    public enum Who { ANONYMOUS, INSTITUTION_BY_ADDRESS, INSTITUTION_BY_KEY, TERMINAL, STAFF }

    private TestPrincipals() {
    }

    /** A request to {@code uri} as {@code who}. */
    public static HttpRequest.Builder request(URI uri, Who who, String adminToken, String institutionKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        switch (who) {
            case ANONYMOUS -> b.header("X-Forwarded-For", "192.0.2.1");
            case INSTITUTION_BY_ADDRESS -> b.header("X-Forwarded-For", "10.1.2.3");
            case INSTITUTION_BY_KEY -> b.header("X-Institution-Key", institutionKey).header("X-Forwarded-For", "192.0.2.1");
            case TERMINAL -> b.header("X-Forwarded-For", "10.9.9.9");
            case STAFF -> b.header("Authorization", "Bearer " + adminToken);
        }
        return b;
    }
}
