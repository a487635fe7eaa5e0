package org.kura.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.kura.model.Provider;
import org.kura.model.RawRecord;

/**
 * The catalog: the source of truth for metadata. Holds providers, harvest runs, raw records exactly
 * as received, normalized records (current version plus history), quarantine and a monotonic change
 * log that the indexer and the OAI-PMH provider read. Two backends: H2 (embedded default) and
 * PostgreSQL, both behind this interface and both tested by one abstract suite.
 *
 * <p>Writes happen a {@link Page} at a time, in one transaction together with the harvest
 * checkpoint, so that a killed process resumes exactly where the last committed page ended and
 * nothing is stored twice.
 */
public interface CatalogStore extends AutoCloseable {

    // ---- providers -------------------------------------------------------------------------

    /** Inserts or replaces a provider. */
    void saveProvider(Provider provider);

    Optional<Provider> provider(String id);

    List<Provider> providers();

    /**
     * Removes a provider with its raw records, history, runs and quarantine. Returns false when unknown.
     * Its records become tombstones (kept, like every deletion, so that OAI-PMH deletions are
     * persistent) and get DELETE entries in the change log so that the index and downstream
     * harvesters follow.
     */
    boolean removeProvider(String id);

    // ---- harvest runs ----------------------------------------------------------------------

    /** Opens a run in state RUNNING. */
    HarvestRun startRun(String providerId, HarvestRun.Kind kind, String detail);

    /**
     * Opens a run in state RUNNING unless a live run of the same provider and kind is RUNNING, in this or
     * any other process sharing the catalog ({@link RunConflictException}); such runs whose process has gone
     * are marked INTERRUPTED first. Harvests start this way: two at once would share one checkpoint.
     */
    HarvestRun startExclusiveRun(String providerId, HarvestRun.Kind kind, String detail);

    /** Closes a run with its final state and, for FAILED/INTERRUPTED, the error message. */
    void finishRun(long runId, HarvestRun.State state, String error);

    /** Records what a run learned from the provider (e.g. completeListSize), for progress and ETA. */
    void updateRunExpected(long runId, Long expectedTotal);

    Optional<HarvestRun> run(long runId);

    /** Most recent runs first; {@code providerId} null for all providers. */
    List<HarvestRun> runs(String providerId, int limit);

    /**
     * Runs left in state RUNNING by a process that died (kill -9) are marked INTERRUPTED; called
     * at start-up. Returns how many.
     */
    int markAbandonedRuns();

    // ---- checkpoint ------------------------------------------------------------------------

    /** The saved resumption point of an interrupted harvest, if any. */
    Optional<Checkpoint> checkpoint(String providerId);

    /** Removes the checkpoint (the harvest finished, or the operator starts over). */
    void clearCheckpoint(String providerId);

    /**
     * The {@code from} for the next incremental harvest: the response date of the last harvest
     * that completed, or empty for a first full harvest.
     */
    Optional<Instant> harvestedUntil(String providerId);

    void setHarvestedUntil(String providerId, Instant until);

    // ---- writing ---------------------------------------------------------------------------

    /**
     * Applies one page atomically: stores accepted records (new version only when the raw bytes or
     * the normalized record changed), tombstones deletions, quarantines rejects, adds the run's
     * counts and saves the checkpoint — all in one transaction.
     */
    PageResult commit(Page page);

    // ---- reading ---------------------------------------------------------------------------

    Optional<StoredRecord> record(String providerId, String identifier);

    /** The current versions of these records of one provider (missing ones are left out), in one query per chunk. */
    List<StoredRecord> records(String providerId, java.util.Collection<String> identifiers);

    /** All providers' records with this identifier (normally one). */
    List<StoredRecord> recordsByIdentifier(String identifier);

    /** Earlier versions of a record, newest first, the current one included. */
    List<StoredRecord> history(String providerId, String identifier);

    /** Streams the current raw record of every (non-deleted) record of a provider, in identifier order. */
    void forEachRaw(String providerId, Consumer<RawRecord> consumer);

    long countRecords(String providerId, boolean includeDeleted);

    List<QuarantineEntry> quarantine(String providerId, int offset, int limit);

    long countQuarantine(String providerId);

    /** One quarantined record by its number, or empty. */
    Optional<QuarantineEntry> quarantineEntry(long id);

    /** Takes a record out of quarantine (it has been stored since); false when there was no such entry. */
    boolean releaseQuarantine(long id);

    /** Records why a retried record is still refused: its stage and reason now. */
    void requarantine(long id, QuarantineEntry.Stage stage, String reason);

    // ---- datestamp order (OAI-PMH provider) -------------------------------------------------

    /** A position in the catalog's datestamp order: records sort by (updatedAt, providerId, identifier). */
    record DatestampKey(Instant at, String providerId, String identifier) {
        public static DatestampKey of(StoredRecord r) {
            return new DatestampKey(r.updatedAt(), r.providerId(), r.identifier());
        }
    }

    /**
     * Records, tombstones included, whose catalog datestamp ({@link StoredRecord#updatedAt()}) lies in
     * [{@code from}, {@code until}] (either null for open), of one provider or all (null), in datestamp
     * order strictly after {@code after} (null for the start), at most {@code limit}. A record changed
     * while a client pages through gets a later datestamp and so comes again later, never lost.
     */
    List<StoredRecord> recordsByDatestamp(String providerId, Instant from, Instant until, DatestampKey after, int limit);

    /** How many records {@link #recordsByDatestamp} would list in all. */
    long countByDatestamp(String providerId, Instant from, Instant until);

    /** The oldest catalog datestamp of any record, tombstones included; empty when the catalog is empty. */
    Optional<Instant> earliestDatestamp();

    // ---- change log ------------------------------------------------------------------------

    /** Change-log entries with sequence greater than {@code afterSeq}, ascending, at most {@code limit}. */
    List<Change> changesSince(long afterSeq, int limit);

    /** The highest sequence number, or 0. */
    long lastChangeSeq();

    /** Streams the current version of every live record (of one provider, or all when null), in key order. */
    void forEachCurrent(String providerId, Consumer<StoredRecord> consumer);

    // ---- digitized items -------------------------------------------------------------------

    /** Inserts or replaces an item's entry. */
    void saveItem(ItemEntry item);

    Optional<ItemEntry> item(String id);

    /** The items that digitize a record. */
    List<ItemEntry> itemsOfRecord(String providerId, String recordIdentifier);

    /** All items, by id. */
    List<ItemEntry> items(int offset, int limit);

    /** Every item, by id, a thousand at a time, for as long as {@code go} answers true. */
    default void forEachItem(java.util.function.Predicate<ItemEntry> go) {
        for (int off = 0; ; off += 1000) {
            List<ItemEntry> page = items(off, 1000);
            for (ItemEntry e : page) {
                if (!go.test(e)) {
                    return;
                }
            }
            if (page.size() < 1000) {
                return;
            }
        }
    }

    // ---- usage statistics ------------------------------------------------------------------

    /** Adds counts to the day's totals (one transaction). */
    void addUsage(List<UsageCount> counts);

    /** Daily totals between two days (inclusive), by day, item, action and kind of principal. */
    List<UsageCount> usage(java.time.LocalDate from, java.time.LocalDate to);

    // ---- access: readers, institutions, terminals, audit ---------------------------------------

    /** Inserts or replaces a registered reader. */
    void saveReader(Reader reader);

    Optional<Reader> reader(String name);

    List<Reader> readers();

    boolean removeReader(String name);


    /** Inserts or replaces an institution. */
    void saveInstitution(Institution institution);

    List<Institution> institutions();

    boolean removeInstitution(String isil);

    /** Inserts or replaces a terminal. */
    void saveTerminal(Terminal terminal);

    List<Terminal> terminals();

    boolean removeTerminal(String id);

    /** Appends to the audit log of grants of non-public objects. */
    void audit(List<AccessEvent> events);

    /** The most recent audit entries first. */
    List<AccessEvent> auditLog(int limit);

    // ---- API keys ----------------------------------------------------------------------------

    /** Stores a new key; fails if the name is taken. */
    void saveApiKey(ApiKey key);

    List<ApiKey> apiKeys();

    Optional<ApiKey> apiKeyByHash(String keyHash);

    /** Revokes a key by name; false when there is none. */
    boolean removeApiKey(String name);

    // ---- index positions -------------------------------------------------------------------

    /** The change-log sequence a named index has applied, or 0. */
    long indexPosition(String index);

    void saveIndexPosition(String index, long seq);

    // ---- curated pages (theme portals, galleries) -------------------------------------------

    /** Inserts or replaces a curated page's JSON document. */
    void saveCurated(String kind, String id, String json);

    Optional<String> curated(String kind, String id);

    /** Every document of a kind, by id. */
    List<String> curatedList(String kind);

    boolean removeCurated(String kind, String id);

    // ---- DOIs of digitized items -------------------------------------------------------------

    /**
     * The item's DOI: the one it has, or a new one made by {@code doiForSeq} from the next sequence number
     * (1 + the highest so far) and stored in state DRAFT, in one transaction; so minting twice gives the same
     * DOI. Fails with a {@link CatalogException} when the item is not in the catalog, and with a
     * {@link DoiTakenException} when another item holds that DOI in any letter case (DOIs are case-insensitive).
     */
    DoiEntry assignDoi(String itemId, java.util.function.LongFunction<String> doiForSeq);

    /** The entry of a DOI, compared case-insensitively. */
    Optional<DoiEntry> doi(String doi);

    Optional<DoiEntry> doiOfItem(String itemId);

    /** DOIs in the order they were minted. */
    List<DoiEntry> dois(int offset, int limit);

    /** Records where registration stands; false for an unknown DOI. */
    boolean setDoiState(String doi, DoiEntry.State state);

    @Override
    void close();
}
