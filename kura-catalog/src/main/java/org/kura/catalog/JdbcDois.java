package org.kura.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/** The SQL of the {@code dois} table, for {@link JdbcCatalogStore}; every method runs on the caller's connection. */
final class JdbcDois {
    private static final String COLUMNS = "doi, item_id, provider_id, record_identifier, seq, state, created_at, updated_at";

    private JdbcDois() {
    }

    /** Runs inside the catalog's write lock, so two mints never draw the same sequence number. */
    static DoiEntry assign(Connection c, String itemId, LongFunction<String> doiForSeq) throws SQLException {
        Optional<DoiEntry> existing = byItem(c, itemId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String providerId;
        String recordIdentifier;
        try (PreparedStatement ps = c.prepareStatement("SELECT provider_id, record_identifier FROM items WHERE id = ?")) {
            ps.setString(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new CatalogException("no item " + itemId + " in the catalog: a DOI names an ingested item");
                }
                providerId = rs.getString(1);
                recordIdentifier = rs.getString(2);
            }
        }
        long seq;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM dois");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        String doi = doiForSeq.apply(seq);
        Optional<DoiEntry> taken = byDoi(c, doi);
        if (taken.isPresent()) {
            throw new DoiTakenException("DOI " + doi + " is already assigned to item " + taken.get().itemId()
                    + " (DOIs are case-insensitive); choose a pattern that keeps items apart, e.g. with {seq}");
        }
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // what the column keeps
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dois (doi, doi_key, item_id, provider_id, record_identifier, "
                + "seq, state, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, doi);
            ps.setString(2, DoiEntry.key(doi));
            ps.setString(3, itemId);
            ps.setString(4, providerId);
            ps.setString(5, recordIdentifier);
            ps.setLong(6, seq);
            ps.setString(7, DoiEntry.State.DRAFT.name());
            Timestamps.set(ps, 8, now);
            Timestamps.set(ps, 9, now);
            ps.executeUpdate();
        }
        return new DoiEntry(doi, itemId, providerId, recordIdentifier, seq, DoiEntry.State.DRAFT, now, now);
    }

    static Optional<DoiEntry> byDoi(Connection c, String doi) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM dois WHERE doi_key = ?", DoiEntry.key(doi));
    }

    static Optional<DoiEntry> byItem(Connection c, String itemId) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM dois WHERE item_id = ?", itemId);
    }

    static List<DoiEntry> list(Connection c, int offset, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dois ORDER BY seq LIMIT ? OFFSET ?")) {
            ps.setInt(1, Math.max(1, limit));
            ps.setInt(2, Math.max(0, offset));
            List<DoiEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    static boolean setState(Connection c, String doi, DoiEntry.State state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE dois SET state = ?, updated_at = ? WHERE doi_key = ?")) {
            ps.setString(1, state.name());
            Timestamps.set(ps, 2, Instant.now());
            ps.setString(3, DoiEntry.key(doi));
            return ps.executeUpdate() > 0;
        }
    }

    private static Optional<DoiEntry> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static DoiEntry map(ResultSet rs) throws SQLException {
        return new DoiEntry(rs.getString("doi"), rs.getString("item_id"), rs.getString("provider_id"),
                rs.getString("record_identifier"), rs.getLong("seq"), DoiEntry.State.valueOf(rs.getString("state")),
                Timestamps.get(rs, "created_at"), Timestamps.get(rs, "updated_at"));
    }
}
