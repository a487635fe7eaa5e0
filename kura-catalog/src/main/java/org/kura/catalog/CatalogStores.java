package org.kura.catalog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** Opens the catalog named by {@link CatalogSettings}: builds the pool and migrates the schema. */
public final class CatalogStores {
    private CatalogStores() {
    }

    public static CatalogStore open(CatalogSettings settings) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(settings.jdbcUrl());
        hc.setUsername(settings.user());
        hc.setPassword(settings.password());
        hc.setMaximumPoolSize(settings.maxPoolSize());
        hc.setPoolName("kura-catalog");
        hc.setAutoCommit(true);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new CatalogException("cannot connect to the catalog at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new CatalogException("cannot migrate the catalog schema at " + settings.jdbcUrl(), e);
        }
        return new JdbcCatalogStore(ds);
    }
}
