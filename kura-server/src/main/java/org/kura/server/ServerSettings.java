package org.kura.server;

import java.util.Objects;

/**
 * What the HTTP server needs to know.
 *
 * @param host       interface to bind
 * @param port       port (0 = any free port)
 * @param baseUrl    public base URL for links
 * @param adminToken bearer token required by {@code /api/admin}
 */
public record ServerSettings(String host, int port, String baseUrl, String adminToken) {
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(adminToken, "adminToken");
        if (adminToken.length() < 16) {
            throw new IllegalArgumentException("the admin token must have at least 16 characters");
        }
    }
}
