package org.kura.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.model.RawRecord;

/**
 * Applies one {@link Page} inside a transaction the caller opened: decides for every entry whether
 * it is new, changed, unchanged, a deletion or a reject, and writes with JDBC batches. The existing
 * state of the page's records is read in one query per chunk, not per record.
 */
final class PageWriter {
    private static final int LOOKUP_CHUNK = 500;

    private final Connection c;
    private final Instant now;

    PageWriter(Connection connection, Instant now) {
        this.c = connection;
        this.now = now;
    }

    /** The state of a record as this page sees it: from the database, then updated entry by entry. */
    private record State(int version, boolean deleted, String rawHash, String normHash, boolean existedBefore) {
    }

    private record Version(String identifier, int version, boolean deleted, RawRecord raw, String rawHash,
                           String normalized, String normHash) {
    }

    PageResult write(Page page) throws SQLException {
        String provider = page.providerId();
        Map<String, State> states = loadStates(provider, page.entries());
        List<Version> versions = new ArrayList<>();
        List<Page.Rejected> rejects = new ArrayList<>();
        int stored = 0;
        int unchanged = 0;
        int deleted = 0;
        for (Page.Entry entry : page.entries()) {
            if (entry instanceof Page.Accepted a) {
                checkProvider(provider, a.raw());
                String rawHash = sha256(a.raw().bytes());
                String json = RecordJson.write(a.normalized());
                String normHash = sha256(json.getBytes(StandardCharsets.UTF_8));
                State s = states.get(a.raw().identifier());
                if (s != null && !s.deleted() && s.rawHash().equals(rawHash) && normHash.equals(s.normHash())) {
                    unchanged++;
                    continue;
                }
                int version = s == null ? 1 : s.version() + 1;
                versions.add(new Version(a.raw().identifier(), version, false, a.raw(), rawHash, json, normHash));
                states.put(a.raw().identifier(), new State(version, false, rawHash, normHash, s != null && s.existedBefore()));
                stored++;
            } else if (entry instanceof Page.Deleted d) {
                checkProvider(provider, d.raw());
                State s = states.get(d.raw().identifier());
                if (s != null && s.deleted()) {
                    unchanged++;
                    continue;
                }
                String rawHash = sha256(d.raw().bytes());
                int version = s == null ? 1 : s.version() + 1;
                versions.add(new Version(d.raw().identifier(), version, true, d.raw(), rawHash, null, null));
                states.put(d.raw().identifier(), new State(version, true, rawHash, null, s != null && s.existedBefore()));
                deleted++;
            } else if (entry instanceof Page.Rejected r) {
                rejects.add(r);
            }
        }
        insertVersions(provider, page.runId(), versions);
        upsertCurrent(provider, versions, states);
        appendChanges(provider, versions);
        insertRejects(provider, page.runId(), rejects);
        return new PageResult(page.entries().size(), stored, unchanged, deleted, rejects.size());
    }

    private static void checkProvider(String provider, RawRecord raw) {
        if (!provider.equals(raw.providerId())) {
            throw new CatalogException("record " + raw.identifier() + " of provider " + raw.providerId()
                    + " in a page of provider " + provider);
        }
    }

    private Map<String, State> loadStates(String provider, List<Page.Entry> entries) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (Page.Entry e : entries) {
            if (e instanceof Page.Accepted a) {
                ids.add(a.raw().identifier());
            } else if (e instanceof Page.Deleted d) {
                ids.add(d.raw().identifier());
            }
        }
        List<String> distinct = ids.stream().distinct().toList();
        Map<String, State> states = new LinkedHashMap<>();
        for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            // By identifier alone, so that H2 uses the identifier index for the IN list (with the provider
            // first it only used the key prefix and scanned the provider's records); the provider is checked here.
            try (PreparedStatement ps = c.prepareStatement("SELECT identifier, version, deleted, raw_hash, norm_hash, "
                    + "provider_id FROM records WHERE identifier IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (provider.equals(rs.getString(6))) {
                            states.put(rs.getString(1), new State(rs.getInt(2), rs.getBoolean(3), rs.getString(4),
                                    rs.getString(5), true));
                        }
                    }
                }
            }
        }
        return states;
    }

    private void insertVersions(String provider, long runId, List<Version> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO record_versions (provider_id, identifier, version, "
                + "deleted, datestamp, metadata_prefix, sets, raw_hash, raw_bytes, normalized, run_id, received_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Version v : versions) {
                ps.setString(1, provider);
                ps.setString(2, v.identifier());
                ps.setInt(3, v.version());
                ps.setBoolean(4, v.deleted());
                Timestamps.set(ps, 5, v.raw().datestamp());
                ps.setString(6, v.raw().metadataPrefix());
                ps.setString(7, v.raw().sets().isEmpty() ? null : String.join("\n", v.raw().sets()));
                ps.setString(8, v.rawHash());
                ps.setBytes(9, v.raw().bytes());
                ps.setString(10, v.normalized());
                if (runId > 0) {
                    ps.setLong(11, runId);
                } else {
                    ps.setNull(11, java.sql.Types.BIGINT);
                }
                Timestamps.set(ps, 12, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One row operation per identifier with its final state in this page. */
    private void upsertCurrent(String provider, List<Version> versions, Map<String, State> states) throws SQLException {
        Map<String, Version> last = new LinkedHashMap<>();
        for (Version v : versions) {
            last.put(v.identifier(), v);
        }
        if (last.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO records (version, deleted, datestamp, "
                + "metadata_prefix, raw_hash, norm_hash, normalized, updated_at, provider_id, identifier) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement update = c.prepareStatement("UPDATE records SET version = ?, deleted = ?, datestamp = ?, "
                     + "metadata_prefix = ?, raw_hash = ?, norm_hash = ?, normalized = ?, updated_at = ? "
                     + "WHERE provider_id = ? AND identifier = ?")) {
            boolean anyInsert = false;
            boolean anyUpdate = false;
            for (Version v : last.values()) {
                PreparedStatement ps = states.get(v.identifier()).existedBefore() ? update : insert;
                ps.setInt(1, v.version());
                ps.setBoolean(2, v.deleted());
                Timestamps.set(ps, 3, v.raw().datestamp());
                ps.setString(4, v.raw().metadataPrefix());
                ps.setString(5, v.rawHash());
                ps.setString(6, v.normHash());
                ps.setString(7, v.normalized());
                Timestamps.set(ps, 8, now);
                ps.setString(9, provider);
                ps.setString(10, v.identifier());
                ps.addBatch();
                anyInsert |= ps == insert;
                anyUpdate |= ps == update;
            }
            if (anyInsert) {
                insert.executeBatch();
            }
            if (anyUpdate) {
                update.executeBatch();
            }
        }
    }

    private void appendChanges(String provider, List<Version> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO change_log (provider_id, identifier, kind, version, at) VALUES (?,?,?,?,?)")) {
            for (Version v : versions) {
                ps.setString(1, provider);
                ps.setString(2, v.identifier());
                ps.setString(3, v.deleted() ? Change.Kind.DELETE.name() : Change.Kind.UPSERT.name());
                ps.setInt(4, v.version());
                Timestamps.set(ps, 5, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertRejects(String provider, long runId, List<Page.Rejected> rejects) throws SQLException {
        if (rejects.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quarantine (provider_id, run_id, identifier, "
                + "metadata_prefix, stage, reason, raw_bytes, created_at) VALUES (?,?,?,?,?,?,?,?)")) {
            for (Page.Rejected r : rejects) {
                ps.setString(1, provider);
                if (runId > 0) {
                    ps.setLong(2, runId);
                } else {
                    ps.setNull(2, java.sql.Types.BIGINT);
                }
                ps.setString(3, r.identifier());
                ps.setString(4, r.metadataPrefix());
                ps.setString(5, r.stage().name());
                ps.setString(6, r.reason() == null || r.reason().isBlank() ? "(no reason given)" : r.reason());
                ps.setBytes(7, r.bytes() == null ? new byte[0] : r.bytes());
                Timestamps.set(ps, 8, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
