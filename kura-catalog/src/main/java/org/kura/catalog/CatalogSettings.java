package org.kura.catalog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the catalog database.
 *
 * @param jdbcUrl     {@code jdbc:h2:…} or {@code jdbc:postgresql://…}
 * @param maxPoolSize connections in the pool
 */
public record CatalogSettings(String jdbcUrl, String user, String password, int maxPoolSize) {
    public CatalogSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the catalog supports H2 and PostgreSQL JDBC URLs, not " + jdbcUrl);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        maxPoolSize = maxPoolSize <= 0 ? 8 : maxPoolSize;
    }

    /** The embedded default: an H2 file database in {@code dir}, in PostgreSQL compatibility mode. */
    public static CatalogSettings h2(Path dir) {
        String path = dir.toAbsolutePath().normalize().resolve("kura").toString();
        // WRITE_DELAY=0: a committed page is on disk before the harvester moves on (kill -9 loses nothing committed)
        return new CatalogSettings("jdbc:h2:file:" + path
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                "sa", "", 8);
    }

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }
}
