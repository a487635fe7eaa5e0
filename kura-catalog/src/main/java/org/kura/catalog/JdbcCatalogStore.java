package org.kura.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.kura.model.Provider;
import org.kura.model.RawRecord;

/**
 * {@link CatalogStore} over JDBC, one SQL dialect for PostgreSQL and H2 (in PostgreSQL mode).
 *
 * <p>Writers are serialized by a row lock on {@code catalog_lock} taken first in every writing
 * transaction, so that change-log sequence order is commit order: a reader that polls
 * {@code seq > last} never skips an entry committed later with a smaller sequence.
 */
final class JdbcCatalogStore implements CatalogStore {
    private final HikariDataSource ds;
    /** This store's name on the runs it starts ({@link RunOwner}). */
    private final String owner = RunOwner.register();
    private final java.util.concurrent.ScheduledFuture<?> heartbeat;

    JdbcCatalogStore(HikariDataSource ds) {
        this.ds = ds;
        long beat = RunOwner.BEAT.toMillis();
        this.heartbeat = HEARTBEATS.scheduleAtFixedRate(this::beat, beat, beat, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** One daemon thread beats for every store of the process. */
    private static final java.util.concurrent.ScheduledExecutorService HEARTBEATS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kura-run-heartbeat");
                t.setDaemon(true);
                return t;
            });

    /** Tells other processes sharing the catalog that this store's RUNNING runs are alive. */
    private void beat() {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE harvest_runs SET heartbeat_at = ? WHERE run_owner = ? AND state = ?")) {
            Timestamps.set(ps, 1, Instant.now());
            ps.setString(2, owner);
            ps.setString(3, HarvestRun.State.RUNNING.name());
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            // the next beat tries again; three minutes of silence let other processes call the runs abandoned
            org.slf4j.LoggerFactory.getLogger(JdbcCatalogStore.class).warn("run heartbeat not written: {}", e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new CatalogException(what + ": " + e.getMessage(), e);
        }
    }

    private <T> T write(String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT id FROM catalog_lock WHERE id = 1 FOR UPDATE").close();
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CatalogException(what + ": " + e.getMessage(), e);
        }
    }

    // ---- providers -------------------------------------------------------------------------

    @Override
    public void saveProvider(Provider p) {
        String json;
        try {
            json = RecordJson.mapper().writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new CatalogException("cannot write provider " + p.id(), e);
        }
        write("save provider " + p.id(), c -> {
            Instant now = Instant.now();
            try (PreparedStatement up = c.prepareStatement("UPDATE providers SET data = ?, updated_at = ? WHERE id = ?")) {
                up.setString(1, json);
                Timestamps.set(up, 2, now);
                up.setString(3, p.id());
                if (up.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO providers (id, data, created_at, updated_at) VALUES (?,?,?,?)")) {
                ins.setString(1, p.id());
                ins.setString(2, json);
                Timestamps.set(ins, 3, now);
                Timestamps.set(ins, 4, now);
                ins.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Provider> provider(String id) {
        return read("read provider " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM providers WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(parseProvider(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Provider> providers() {
        return read("list providers", c -> {
            List<Provider> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT data FROM providers ORDER BY id")) {
                while (rs.next()) {
                    out.add(parseProvider(rs.getString(1)));
                }
            }
            return out;
        });
    }

    private static Provider parseProvider(String json) {
        try {
            return RecordJson.mapper().readValue(json, Provider.class);
        } catch (JsonProcessingException e) {
            throw new CatalogException("cannot read a stored provider: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean removeProvider(String id) {
        return write("remove provider " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (provider_id, identifier, kind, version, at) "
                    + "SELECT provider_id, identifier, 'DELETE', version + 1, ? FROM records "
                    + "WHERE provider_id = ? AND deleted = FALSE ORDER BY identifier")) {
                Timestamps.set(ps, 1, Instant.now());
                ps.setString(2, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE records SET deleted = TRUE, version = version + 1, "
                    + "normalized = NULL, norm_hash = NULL, updated_at = ? WHERE provider_id = ? AND deleted = FALSE")) {
                Timestamps.set(ps, 1, Instant.now());
                ps.setString(2, id);
                ps.executeUpdate();
            }
            for (String table : List.of("record_versions", "quarantine", "checkpoints", "harvest_state",
                    "harvest_runs")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE provider_id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM providers WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    // ---- runs ------------------------------------------------------------------------------

    @Override
    public HarvestRun startRun(String providerId, HarvestRun.Kind kind, String detail) {
        long id = write("start run of " + providerId, c -> insertRun(c, providerId, kind, detail));
        return run(id).orElseThrow();
    }

    @Override
    public HarvestRun startExclusiveRun(String providerId, HarvestRun.Kind kind, String detail) {
        long id = write("start run of " + providerId, c -> {
            Instant now = Instant.now();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, run_owner, heartbeat_at, started_at FROM harvest_runs "
                    + "WHERE provider_id = ? AND kind = ? AND state = ? ORDER BY id")) {
                ps.setString(1, providerId);
                ps.setString(2, kind.name());
                ps.setString(3, HarvestRun.State.RUNNING.name());
                try (ResultSet rs = ps.executeQuery()) {
                    List<Long> gone = new ArrayList<>();
                    while (rs.next()) {
                        String runOwner = rs.getString("run_owner");
                        if (!RunOwner.abandoned(runOwner, Timestamps.get(rs, "heartbeat_at"), now)) {
                            throw new RunConflictException("a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " of "
                                    + providerId + " is already running: run " + rs.getLong("id") + ", started "
                                    + Timestamps.get(rs, "started_at") + (runOwner.equals(owner) ? " in this process" : " by " + runOwner));
                        }
                        gone.add(rs.getLong("id"));
                    }
                    markInterrupted(c, gone, now);
                }
            }
            return insertRun(c, providerId, kind, detail);
        });
        return run(id).orElseThrow();
    }

    private long insertRun(Connection c, String providerId, HarvestRun.Kind kind, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO harvest_runs (provider_id, kind, state, detail, "
                + "started_at, run_owner, heartbeat_at) VALUES (?,?,?,?,?,?,?)", new String[] {"id"})) {
            Instant now = Instant.now();
            ps.setString(1, providerId);
            ps.setString(2, kind.name());
            ps.setString(3, HarvestRun.State.RUNNING.name());
            ps.setString(4, detail);
            Timestamps.set(ps, 5, now);
            ps.setString(6, owner);
            Timestamps.set(ps, 7, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public void finishRun(long runId, HarvestRun.State state, String error) {
        write("finish run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE harvest_runs SET state = ?, ended_at = ?, error = ? WHERE id = ?")) {
                ps.setString(1, state.name());
                Timestamps.set(ps, 2, Instant.now());
                ps.setString(3, error);
                ps.setLong(4, runId);
                if (ps.executeUpdate() != 1) {
                    throw new CatalogException("no run " + runId);
                }
            }
            return null;
        });
    }

    @Override
    public void updateRunExpected(long runId, Long expectedTotal) {
        write("update run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE harvest_runs SET expected_total = ? WHERE id = ?")) {
                if (expectedTotal == null) {
                    ps.setNull(1, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(1, expectedTotal);
                }
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String RUN_COLUMNS = "id, provider_id, kind, state, detail, started_at, ended_at, harvested, "
            + "stored, unchanged, deleted, quarantined, expected_total, error";

    private static HarvestRun mapRun(ResultSet rs) throws SQLException {
        long expected = rs.getLong("expected_total");
        Long expectedTotal = rs.wasNull() ? null : expected;
        return new HarvestRun(rs.getLong("id"), rs.getString("provider_id"), HarvestRun.Kind.valueOf(rs.getString("kind")),
                HarvestRun.State.valueOf(rs.getString("state")), rs.getString("detail"),
                Timestamps.get(rs, "started_at"), Timestamps.get(rs, "ended_at"), rs.getLong("harvested"),
                rs.getLong("stored"), rs.getLong("unchanged"), rs.getLong("deleted"), rs.getLong("quarantined"),
                expectedTotal, rs.getString("error"));
    }

    @Override
    public Optional<HarvestRun> run(long runId) {
        return read("read run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM harvest_runs WHERE id = ?")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapRun(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<HarvestRun> runs(String providerId, int limit) {
        return read("list runs", c -> {
            String sql = "SELECT " + RUN_COLUMNS + " FROM harvest_runs"
                    + (providerId == null ? "" : " WHERE provider_id = ?") + " ORDER BY id DESC LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (providerId != null) {
                    ps.setString(i++, providerId);
                }
                ps.setInt(i, Math.max(1, limit));
                List<HarvestRun> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapRun(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public int markAbandonedRuns() {
        return write("mark abandoned runs", c -> {
            Instant now = Instant.now();
            List<Long> abandoned = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, run_owner, heartbeat_at FROM harvest_runs WHERE state = ?")) {
                ps.setString(1, HarvestRun.State.RUNNING.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (RunOwner.abandoned(rs.getString("run_owner"), Timestamps.get(rs, "heartbeat_at"), now)) {
                            abandoned.add(rs.getLong("id"));
                        }
                    }
                }
            }
            return markInterrupted(c, abandoned, now);
        });
    }

    /** Marks the RUNNING runs {@code ids} INTERRUPTED, as left by a process that stopped; returns how many. */
    private static int markInterrupted(Connection c, List<Long> ids, Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE harvest_runs SET state = ?, ended_at = ?, "
                + "error = 'the process running it stopped (killed or crashed); the next harvest resumes from the checkpoint' "
                + "WHERE id = ? AND state = ?")) {
            for (long id : ids) {
                ps.setString(1, HarvestRun.State.INTERRUPTED.name());
                Timestamps.set(ps, 2, now);
                ps.setLong(3, id);
                ps.setString(4, HarvestRun.State.RUNNING.name());
                ps.addBatch();
            }
            return Arrays.stream(ps.executeBatch()).map(n -> n == Statement.SUCCESS_NO_INFO ? 1 : Math.max(n, 0)).sum();
        }
    }

    // ---- checkpoint ------------------------------------------------------------------------

    @Override
    public Optional<Checkpoint> checkpoint(String providerId) {
        return read("read checkpoint of " + providerId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, resumption_token, from_ts, until_ts, set_spec, "
                    + "saved_at FROM checkpoints WHERE provider_id = ?")) {
                ps.setString(1, providerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Checkpoint(rs.getLong("run_id"), rs.getString("resumption_token"),
                            Timestamps.get(rs, "from_ts"), Timestamps.get(rs, "until_ts"), rs.getString("set_spec"),
                            Timestamps.get(rs, "saved_at")));
                }
            }
        });
    }

    private static void saveCheckpoint(Connection c, String providerId, Checkpoint cp) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM checkpoints WHERE provider_id = ?")) {
            del.setString(1, providerId);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO checkpoints (provider_id, run_id, resumption_token, "
                + "from_ts, until_ts, set_spec, saved_at) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, providerId);
            ps.setLong(2, cp.runId());
            ps.setString(3, cp.resumptionToken());
            Timestamps.set(ps, 4, cp.from());
            Timestamps.set(ps, 5, cp.until());
            ps.setString(6, cp.set());
            Timestamps.set(ps, 7, cp.savedAt() == null ? Instant.now() : cp.savedAt());
            ps.executeUpdate();
        }
    }

    @Override
    public void clearCheckpoint(String providerId) {
        write("clear checkpoint of " + providerId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM checkpoints WHERE provider_id = ?")) {
                ps.setString(1, providerId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Instant> harvestedUntil(String providerId) {
        return read("read harvest state of " + providerId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT harvested_until FROM harvest_state WHERE provider_id = ?")) {
                ps.setString(1, providerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(Timestamps.get(rs, "harvested_until")) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void setHarvestedUntil(String providerId, Instant until) {
        write("save harvest state of " + providerId, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM harvest_state WHERE provider_id = ?")) {
                del.setString(1, providerId);
                del.executeUpdate();
            }
            if (until != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO harvest_state (provider_id, harvested_until) VALUES (?,?)")) {
                    ps.setString(1, providerId);
                    Timestamps.set(ps, 2, until);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    // ---- writing ---------------------------------------------------------------------------

    @Override
    public PageResult commit(Page page) {
        return write("commit a page of " + page.entries().size() + " records of " + page.providerId(), c -> {
            PageResult result = new PageWriter(c, Instant.now()).write(page);
            if (page.runId() > 0) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE harvest_runs SET harvested = harvested + ?, "
                        + "stored = stored + ?, unchanged = unchanged + ?, deleted = deleted + ?, "
                        + "quarantined = quarantined + ? WHERE id = ?")) {
                    ps.setLong(1, result.received());
                    ps.setLong(2, result.stored());
                    ps.setLong(3, result.unchanged());
                    ps.setLong(4, result.deleted());
                    ps.setLong(5, result.quarantined());
                    ps.setLong(6, page.runId());
                    if (ps.executeUpdate() != 1) {
                        throw new CatalogException("no run " + page.runId() + " for a page of " + page.providerId());
                    }
                }
            }
            if (page.checkpoint() != null) {
                saveCheckpoint(c, page.providerId(), page.checkpoint());
            }
            return result;
        });
    }

    // ---- reading ---------------------------------------------------------------------------

    private static final String RECORD_COLUMNS = "provider_id, identifier, version, deleted, datestamp, "
            + "metadata_prefix, raw_hash, normalized, updated_at";

    private static StoredRecord mapRecord(ResultSet rs, String timeColumn) throws SQLException {
        String json = rs.getString("normalized");
        return new StoredRecord(rs.getString("provider_id"), rs.getString("identifier"), rs.getInt("version"),
                rs.getBoolean("deleted"), Timestamps.get(rs, "datestamp"), rs.getString("metadata_prefix"),
                rs.getString("raw_hash"), json == null ? null : RecordJson.read(json), Timestamps.get(rs, timeColumn));
    }

    @Override
    public Optional<StoredRecord> record(String providerId, String identifier) {
        return read("read record " + identifier, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RECORD_COLUMNS
                    + " FROM records WHERE provider_id = ? AND identifier = ?")) {
                ps.setString(1, providerId);
                ps.setString(2, identifier);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapRecord(rs, "updated_at")) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<StoredRecord> records(String providerId, java.util.Collection<String> identifiers) {
        List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(identifiers));
        return read("read records of " + providerId, c -> {
            List<StoredRecord> out = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                // by identifier (the indexed column), the provider checked below: see PageWriter
                try (PreparedStatement ps = c.prepareStatement("SELECT " + RECORD_COLUMNS
                        + " FROM records WHERE identifier IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (providerId.equals(rs.getString("provider_id"))) {
                                out.add(mapRecord(rs, "updated_at"));
                            }
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<StoredRecord> recordsByIdentifier(String identifier) {
        return read("read record " + identifier, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RECORD_COLUMNS
                    + " FROM records WHERE identifier = ? ORDER BY provider_id")) {
                ps.setString(1, identifier);
                List<StoredRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapRecord(rs, "updated_at"));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<StoredRecord> history(String providerId, String identifier) {
        return read("read history of " + identifier, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT provider_id, identifier, version, deleted, datestamp, "
                    + "metadata_prefix, raw_hash, normalized, received_at FROM record_versions "
                    + "WHERE provider_id = ? AND identifier = ? ORDER BY version DESC")) {
                ps.setString(1, providerId);
                ps.setString(2, identifier);
                List<StoredRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapRecord(rs, "received_at"));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void forEachRaw(String providerId, Consumer<RawRecord> consumer) {
        read("read raw records of " + providerId, c -> {
            String sql = "SELECT v.identifier, v.metadata_prefix, v.datestamp, v.sets, v.raw_bytes FROM records r "
                    + "JOIN record_versions v ON v.provider_id = r.provider_id AND v.identifier = r.identifier "
                    + "AND v.version = r.version WHERE r.provider_id = ? AND r.deleted = FALSE ORDER BY r.identifier";
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(500);
                ps.setString(1, providerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String sets = rs.getString("sets");
                        consumer.accept(new RawRecord(providerId, rs.getString("identifier"),
                                rs.getString("metadata_prefix"), Timestamps.get(rs, "datestamp"), false,
                                sets == null ? List.of() : Arrays.asList(sets.split("\n")), rs.getBytes("raw_bytes")));
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(auto);
            }
            return null;
        });
    }

    @Override
    public long countRecords(String providerId, boolean includeDeleted) {
        return read("count records", c -> {
            String sql = "SELECT COUNT(*) FROM records WHERE 1 = 1"
                    + (providerId == null ? "" : " AND provider_id = ?") + (includeDeleted ? "" : " AND deleted = FALSE");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (providerId != null) {
                    ps.setString(1, providerId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<QuarantineEntry> quarantine(String providerId, int offset, int limit) {
        return read("read quarantine of " + providerId, c -> {
            try (PreparedStatement ps = c.prepareStatement(QUARANTINE_SELECT + "WHERE provider_id = ? ORDER BY id LIMIT ? OFFSET ?")) {
                ps.setString(1, providerId);
                ps.setInt(2, Math.max(1, limit));
                ps.setInt(3, Math.max(0, offset));
                List<QuarantineEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(quarantineEntry(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<QuarantineEntry> quarantineEntry(long id) {
        return read("read quarantine entry " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(QUARANTINE_SELECT + "WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(quarantineEntry(rs)) : Optional.<QuarantineEntry>empty();
                }
            }
        });
    }

    /** The columns {@link #quarantineEntry(ResultSet)} reads. */
    private static final String QUARANTINE_SELECT = "SELECT id, provider_id, run_id, identifier, metadata_prefix, stage, reason, "
            + "raw_bytes, created_at FROM quarantine ";

    private static QuarantineEntry quarantineEntry(ResultSet rs) throws SQLException {
        long run = rs.getLong("run_id");
        Long runId = rs.wasNull() ? null : run;
        return new QuarantineEntry(rs.getLong("id"), rs.getString("provider_id"), runId, rs.getString("identifier"),
                rs.getString("metadata_prefix"), QuarantineEntry.Stage.valueOf(rs.getString("stage")), rs.getString("reason"),
                rs.getBytes("raw_bytes"), Timestamps.get(rs, "created_at"));
    }

    @Override
    public boolean releaseQuarantine(long id) {
        return write("release quarantine entry " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM quarantine WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void requarantine(long id, QuarantineEntry.Stage stage, String reason) {
        write("update quarantine entry " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE quarantine SET stage = ?, reason = ? WHERE id = ?")) {
                ps.setString(1, stage.name());
                ps.setString(2, reason);
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public long countQuarantine(String providerId) {
        return read("count quarantine", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM quarantine WHERE provider_id = ?")) {
                ps.setString(1, providerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    // ---- datestamp order -------------------------------------------------------------------

    @Override
    public List<StoredRecord> recordsByDatestamp(String providerId, Instant from, Instant until, DatestampKey after,
                                                 int limit) {
        return read("list records by datestamp", c -> {
            StringBuilder sql = new StringBuilder("SELECT " + RECORD_COLUMNS + " FROM records WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            datestampFilter(sql, args, providerId, from, until);
            if (after != null) {
                // written out (not as a row-value comparison) so that both databases use records_updated
                sql.append(" AND updated_at >= ? AND (updated_at > ? OR (updated_at = ? AND (provider_id > ? "
                        + "OR (provider_id = ? AND identifier > ?))))");
                args.addAll(List.of(after.at(), after.at(), after.at(), after.providerId(), after.providerId(),
                        after.identifier()));
            }
            sql.append(" ORDER BY updated_at, provider_id, identifier LIMIT ?");
            args.add(Math.max(1, limit));
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, args);
                List<StoredRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapRecord(rs, "updated_at"));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long countByDatestamp(String providerId, Instant from, Instant until) {
        return read("count records by datestamp", c -> {
            StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM records WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            datestampFilter(sql, args, providerId, from, until);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void datestampFilter(StringBuilder sql, List<Object> args, String providerId, Instant from,
                                        Instant until) {
        if (providerId != null) {
            sql.append(" AND provider_id = ?");
            args.add(providerId);
        }
        if (from != null) {
            sql.append(" AND updated_at >= ?");
            args.add(from);
        }
        if (until != null) {
            sql.append(" AND updated_at <= ?");
            args.add(until);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Instant t) {
                Timestamps.set(ps, i + 1, t);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }

    @Override
    public Optional<Instant> earliestDatestamp() {
        return read("read earliest datestamp", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(updated_at) AS t FROM records")) {
                return rs.next() ? Optional.ofNullable(Timestamps.get(rs, "t")) : Optional.empty();
            }
        });
    }

    // ---- change log ------------------------------------------------------------------------

    @Override
    public List<Change> changesSince(long afterSeq, int limit) {
        return read("read change log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, provider_id, identifier, kind, version, at "
                    + "FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, Math.max(1, limit));
                List<Change> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Change(rs.getLong("seq"), rs.getString("provider_id"), rs.getString("identifier"),
                                Change.Kind.valueOf(rs.getString("kind")), rs.getInt("version"), Timestamps.get(rs, "at")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long lastChangeSeq() {
        return read("read change log", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(seq) FROM change_log")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public void forEachCurrent(String providerId, Consumer<StoredRecord> consumer) {
        read("read current records", c -> {
            String sql = "SELECT " + RECORD_COLUMNS + " FROM records WHERE deleted = FALSE"
                    + (providerId == null ? "" : " AND provider_id = ?") + " ORDER BY provider_id, identifier";
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(500);
                if (providerId != null) {
                    ps.setString(1, providerId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(mapRecord(rs, "updated_at"));
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(auto);
            }
            return null;
        });
    }

    // ---- digitized items -------------------------------------------------------------------

    private static final String ITEM_COLUMNS = "id, provider_id, record_identifier, tier, title, pages, updated_at";

    @Override
    public void saveItem(ItemEntry item) {
        write("save item " + item.id(), c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM items WHERE id = ?")) {
                del.setString(1, item.id());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (" + ITEM_COLUMNS + ") VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, item.id());
                ps.setString(2, item.providerId());
                ps.setString(3, item.recordIdentifier());
                ps.setString(4, item.tier().name());
                ps.setString(5, item.title());
                ps.setInt(6, item.pages());
                Timestamps.set(ps, 7, item.updatedAt() == null ? Instant.now() : item.updatedAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<ItemEntry> item(String id) {
        return read("read item " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM items WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapItem(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ItemEntry> itemsOfRecord(String providerId, String recordIdentifier) {
        return read("read items of " + recordIdentifier, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_COLUMNS
                    + " FROM items WHERE record_identifier = ? AND provider_id = ? ORDER BY id")) {
                ps.setString(1, recordIdentifier);
                ps.setString(2, providerId);
                List<ItemEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapItem(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<ItemEntry> items(int offset, int limit) {
        return read("list items", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ITEM_COLUMNS + " FROM items ORDER BY id LIMIT ? OFFSET ?")) {
                ps.setInt(1, Math.max(1, limit));
                ps.setInt(2, Math.max(0, offset));
                List<ItemEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapItem(rs));
                    }
                }
                return out;
            }
        });
    }

    private static ItemEntry mapItem(ResultSet rs) throws SQLException {
        return new ItemEntry(rs.getString("id"), rs.getString("provider_id"), rs.getString("record_identifier"),
                org.kura.model.AccessTier.valueOf(rs.getString("tier")), rs.getString("title"), rs.getInt("pages"),
                Timestamps.get(rs, "updated_at"));
    }

    // ---- access ----------------------------------------------------------------------------

    @Override
    public void saveInstitution(Institution i) {
        write("save institution " + i.isil(), c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM institutions WHERE isil = ?")) {
                del.setString(1, i.isil());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO institutions (isil, name, country, ip_ranges, key_hash, "
                    + "created_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, i.isil());
                ps.setString(2, i.name());
                ps.setString(3, i.country());
                ps.setString(4, String.join(" ", i.ipRanges()));
                ps.setString(5, i.keyHash());
                Timestamps.set(ps, 6, i.createdAt() == null ? Instant.now() : i.createdAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Institution> institutions() {
        return read("list institutions", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT isil, name, country, ip_ranges, key_hash, created_at FROM institutions ORDER BY isil")) {
                List<Institution> out = new ArrayList<>();
                while (rs.next()) {
                    String key = rs.getString("key_hash");
                    out.add(new Institution(rs.getString("isil"), rs.getString("name"), rs.getString("country"),
                            ranges(rs.getString("ip_ranges")), key == null ? null : key.strip(), Timestamps.get(rs, "created_at")));
                }
                return out;
            }
        });
    }

    private static List<String> ranges(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
    }

    @Override
    public boolean removeInstitution(String isil) {
        return write("remove institution " + isil, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM institutions WHERE isil = ?")) {
                ps.setString(1, isil);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void saveTerminal(Terminal t) {
        write("save terminal " + t.id(), c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM terminals WHERE id = ?")) {
                del.setString(1, t.id());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO terminals (id, isil, name, ip_ranges, created_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, t.id());
                ps.setString(2, t.isil());
                ps.setString(3, t.name());
                ps.setString(4, String.join(" ", t.ipRanges()));
                Timestamps.set(ps, 5, t.createdAt() == null ? Instant.now() : t.createdAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void addUsage(List<UsageCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        write("add usage", c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE usage_daily SET uses = uses + ? WHERE usage_day = ? AND item_id = ? "
                    + "AND action = ? AND principal_kind = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO usage_daily (usage_day, item_id, action, principal_kind, uses) "
                         + "VALUES (?,?,?,?,?)")) {
                for (UsageCount u : counts) {
                    up.setLong(1, u.uses());
                    up.setObject(2, u.day());
                    up.setString(3, u.itemId());
                    up.setString(4, u.action());
                    up.setString(5, u.principalKind());
                    if (up.executeUpdate() == 0) {
                        ins.setObject(1, u.day());
                        ins.setString(2, u.itemId());
                        ins.setString(3, u.action());
                        ins.setString(4, u.principalKind());
                        ins.setLong(5, u.uses());
                        ins.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    @Override
    public List<UsageCount> usage(java.time.LocalDate from, java.time.LocalDate to) {
        return read("read usage", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT usage_day, item_id, action, principal_kind, uses FROM usage_daily "
                    + "WHERE usage_day >= ? AND usage_day <= ? ORDER BY usage_day, item_id, action, principal_kind")) {
                ps.setObject(1, from);
                ps.setObject(2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    List<UsageCount> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new UsageCount(rs.getObject("usage_day", java.time.LocalDate.class), rs.getString("item_id"),
                                rs.getString("action"), rs.getString("principal_kind"), rs.getLong("uses")));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public void saveReader(Reader r) {
        write("save reader " + r.name(), c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM users WHERE name = ?")) {
                del.setString(1, r.name());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (name, display_name, country, print_disabled, "
                    + "password_hash, disabled, created_at) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, r.name());
                ps.setString(2, r.displayName());
                ps.setString(3, r.country());
                ps.setBoolean(4, r.printDisabled());
                ps.setString(5, r.passwordHash());
                ps.setBoolean(6, r.disabled());
                Timestamps.set(ps, 7, r.createdAt() == null ? Instant.now() : r.createdAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Reader> reader(String name) {
        return read("read reader " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement(READER_SELECT + " WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapReader(rs)) : Optional.<Reader>empty();
                }
            }
        });
    }

    @Override
    public List<Reader> readers() {
        return read("list readers", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(READER_SELECT + " ORDER BY name")) {
                List<Reader> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapReader(rs));
                }
                return out;
            }
        });
    }

    @Override
    public boolean removeReader(String name) {
        return write("remove reader " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM users WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static final String READER_SELECT = "SELECT name, display_name, country, print_disabled, password_hash, disabled, created_at FROM users";

    private static Reader mapReader(ResultSet rs) throws SQLException {
        return new Reader(rs.getString("name"), rs.getString("display_name"), rs.getString("country"), rs.getBoolean("print_disabled"),
                rs.getString("password_hash"), rs.getBoolean("disabled"), Timestamps.get(rs, "created_at"));
    }

    @Override
    public List<Terminal> terminals() {
        return read("list terminals", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, isil, name, ip_ranges, created_at FROM terminals ORDER BY id")) {
                List<Terminal> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Terminal(rs.getString("id"), rs.getString("isil"), rs.getString("name"),
                            ranges(rs.getString("ip_ranges")), Timestamps.get(rs, "created_at")));
                }
                return out;
            }
        });
    }

    @Override
    public boolean removeTerminal(String id) {
        return write("remove terminal " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM terminals WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void audit(List<AccessEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        read("write audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO access_audit (at, principal_kind, principal_name, action, "
                    + "item_id, tier, client) VALUES (?,?,?,?,?,?,?)")) {
                for (AccessEvent e : events) {
                    Timestamps.set(ps, 1, e.at());
                    ps.setString(2, e.principalKind());
                    ps.setString(3, e.principalName());
                    ps.setString(4, e.action());
                    ps.setString(5, e.itemId());
                    ps.setString(6, e.tier());
                    ps.setString(7, e.client());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<AccessEvent> auditLog(int limit) {
        return read("read audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT at, principal_kind, principal_name, action, item_id, tier, "
                    + "client FROM access_audit ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, Math.max(1, limit));
                List<AccessEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AccessEvent(Timestamps.get(rs, "at"), rs.getString("principal_kind"),
                                rs.getString("principal_name"), rs.getString("action"), rs.getString("item_id"),
                                rs.getString("tier"), rs.getString("client")));
                    }
                }
                return out;
            }
        });
    }

    // ---- API keys ----------------------------------------------------------------------------

    @Override
    public void saveApiKey(ApiKey key) {
        write("save API key " + key.name(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_keys (name, key_hash, per_minute, created_at) VALUES (?,?,?,?)")) {
                ps.setString(1, key.name());
                ps.setString(2, key.keyHash());
                ps.setInt(3, key.perMinute());
                Timestamps.set(ps, 4, key.createdAt());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    throw new IllegalArgumentException("an API key named " + key.name() + " exists already");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public List<ApiKey> apiKeys() {
        return read("list API keys", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name, key_hash, per_minute, created_at FROM api_keys ORDER BY name")) {
                List<ApiKey> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(apiKey(rs));
                }
                return out;
            }
        });
    }

    @Override
    public Optional<ApiKey> apiKeyByHash(String keyHash) {
        return read("read API key", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, key_hash, per_minute, created_at FROM api_keys WHERE key_hash = ?")) {
                ps.setString(1, keyHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(apiKey(rs)) : Optional.empty();
                }
            }
        });
    }

    private static ApiKey apiKey(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("name"), rs.getString("key_hash").strip(), rs.getInt("per_minute"),
                Timestamps.get(rs, "created_at"));
    }

    @Override
    public boolean removeApiKey(String name) {
        return write("remove API key " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM api_keys WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
    }

    // ---- curated pages ----------------------------------------------------------------------

    @Override
    public void saveCurated(String kind, String id, String json) {
        write("save " + kind + " " + id, c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM curated_pages WHERE kind = ? AND id = ?");
                 PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO curated_pages (kind, id, body, updated_at) VALUES (?,?,?,?)")) {
                del.setString(1, kind);
                del.setString(2, id);
                del.executeUpdate();
                ins.setString(1, kind);
                ins.setString(2, id);
                ins.setString(3, json);
                Timestamps.set(ins, 4, java.time.Instant.now());
                ins.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> curated(String kind, String id) {
        return read("read " + kind + " " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM curated_pages WHERE kind = ? AND id = ?")) {
                ps.setString(1, kind);
                ps.setString(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<String> curatedList(String kind) {
        return read("list " + kind, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM curated_pages WHERE kind = ? ORDER BY id")) {
                ps.setString(1, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public boolean removeCurated(String kind, String id) {
        return write("remove " + kind + " " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM curated_pages WHERE kind = ? AND id = ?")) {
                ps.setString(1, kind);
                ps.setString(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public long indexPosition(String index) {
        return read("read index position", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM index_positions WHERE name = ?")) {
                ps.setString(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public void saveIndexPosition(String index, long seq) {
        write("save index position", c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM index_positions WHERE name = ?")) {
                del.setString(1, index);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO index_positions (name, last_seq, updated_at) VALUES (?,?,?)")) {
                ps.setString(1, index);
                ps.setLong(2, seq);
                Timestamps.set(ps, 3, Instant.now());
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---- DOIs (SQL in JdbcDois) -------------------------------------------------------------------

    @Override
    public DoiEntry assignDoi(String itemId, java.util.function.LongFunction<String> doiForSeq) {
        return write("assign a DOI to item " + itemId, c -> JdbcDois.assign(c, itemId, doiForSeq));
    }

    @Override
    public Optional<DoiEntry> doi(String doi) {
        return read("read DOI " + doi, c -> JdbcDois.byDoi(c, doi));
    }

    @Override
    public Optional<DoiEntry> doiOfItem(String itemId) {
        return read("read the DOI of item " + itemId, c -> JdbcDois.byItem(c, itemId));
    }

    @Override
    public List<DoiEntry> dois(int offset, int limit) {
        return read("list DOIs", c -> JdbcDois.list(c, offset, limit));
    }

    @Override
    public boolean setDoiState(String doi, DoiEntry.State state) {
        return write("set the state of DOI " + doi, c -> JdbcDois.setState(c, doi, state));
    }

    @Override
    public void close() {
        heartbeat.cancel(false);
        RunOwner.unregister(owner);
        ds.close();
    }
}
