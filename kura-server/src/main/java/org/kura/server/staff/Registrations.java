package org.kura.server.staff;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.Institution;
import org.kura.catalog.Passwords;
import org.kura.catalog.Reader;
import org.kura.catalog.Terminal;
import org.kura.server.ApiAccess;
import org.kura.server.access.PrincipalResolver;
import org.kura.server.access.ReaderSessions;

/**
 * What staff do to the registry of who may see restricted items (the admin pages and the admin API share
 * it): readers, institutions and on-site terminals are added, changed and removed here, every change is
 * written to the {@link StaffLog}, and takes effect at the next request: the principal resolver forgets
 * its cached institutions and terminals, and a suspended or removed reader's sessions end at once.
 * Passwords and institution keys are made here and returned once; only their hashes are kept.
 */
public final class Registrations {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/o, 1/l/i: a one-time password is read aloud or copied by hand. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final CatalogStore store;
    private final PrincipalResolver principals;
    private final ReaderSessions sessions;
    private final StaffLog log;

    /**
     * @param principals the server's resolver of who is asking, refreshed after each change; null outside a server
     *                   (the CLI)
     * @param sessions   the readers' sessions, or null where readers cannot sign in
     */
    public Registrations(CatalogStore store, PrincipalResolver principals, ReaderSessions sessions, StaffLog log) {
        this.store = store;
        this.principals = principals;
        this.sessions = sessions;
        this.log = log;
    }

    // ---- readers ----------------------------------------------------------------------------

    /**
     * Readers whose name or display name contains {@code query} (any case), optionally only suspended
     * ({@code disabled} true) or active ones (false).
     */
    public List<Reader> readers(String query, Boolean disabled) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return store.readers().stream()
                .filter(r -> q.isEmpty() || r.name().contains(q)
                        || (r.displayName() != null && r.displayName().toLowerCase(Locale.ROOT).contains(q)))
                .filter(r -> disabled == null || r.disabled() == disabled)
                .toList();
    }

    public Optional<Reader> reader(String name) {
        return name == null || !name.matches(ReaderForm.NAME) ? Optional.empty() : store.reader(name);
    }

    /**
     * Adds a reader from a valid form whose name is not taken.
     *
     * @return the one-time password made for the reader, or empty when staff set the password
     */
    public Optional<String> addReader(ReaderForm form, String client) {
        String made = form.password().isEmpty() ? oneTimePassword() : null;
        store.saveReader(new Reader(form.name(), blankToNull(form.displayName()), form.countryCode(), form.printDisabled(),
                Passwords.hash(made != null ? made : form.password()), false, Instant.now()));
        log.record("reader.add", form.name(), client);
        return Optional.ofNullable(made);
    }

    /** Changes the display name, country and print-disabled status; false when there is no such reader. */
    public boolean updateReader(String name, ReaderForm form, String client) {
        Optional<Reader> r = reader(name);
        r.ifPresent(old -> {
            store.saveReader(new Reader(old.name(), blankToNull(form.displayName()), form.countryCode(), form.printDisabled(),
                    old.passwordHash(), old.disabled(), old.createdAt()));
            reread(name);
            log.record("reader.update", name, client);
        });
        return r.isPresent();
    }

    /** Suspends (ending the reader's sessions) or restores an account; false when there is no such reader. */
    public boolean setDisabled(String name, boolean disabled, String client) {
        Optional<Reader> r = reader(name);
        r.ifPresent(old -> {
            store.saveReader(new Reader(old.name(), old.displayName(), old.country(), old.printDisabled(), old.passwordHash(), disabled,
                    old.createdAt()));
            if (sessions != null) {
                sessions.endSessionsOf(name);
            }
            log.record(disabled ? "reader.disable" : "reader.enable", name, client);
        });
        return r.isPresent();
    }

    /** A new one-time password for a reader (the old one stops working), or empty when there is no such reader. */
    public Optional<String> resetPassword(String name, String client) {
        return reader(name).map(old -> {
            String made = oneTimePassword();
            store.saveReader(new Reader(old.name(), old.displayName(), old.country(), old.printDisabled(), Passwords.hash(made),
                    old.disabled(), old.createdAt()));
            if (sessions != null) {
                sessions.endSessionsOf(name); // a reset is for an account that may be in other hands
            }
            log.record("reader.password", name, client);
            return made;
        });
    }

    /** A reader changes their own password (the current one already checked). */
    public void changeOwnPassword(Reader reader, String password) {
        store.saveReader(new Reader(reader.name(), reader.displayName(), reader.country(), reader.printDisabled(), Passwords.hash(password),
                reader.disabled(), reader.createdAt()));
        reread(reader.name());
        log.record("reader.ownPassword", reader.name(), "self");
    }

    public boolean removeReader(String name, String client) {
        boolean removed = reader(name).isPresent() && store.removeReader(name);
        if (removed) {
            if (sessions != null) {
                sessions.endSessionsOf(name);
            }
            log.record("reader.remove", name, client);
        }
        return removed;
    }

    // ---- institutions ------------------------------------------------------------------------

    public List<Institution> institutions() {
        return store.institutions();
    }

    public Optional<Institution> institution(String isil) {
        return store.institutions().stream().filter(i -> i.isil().equals(isil)).findFirst();
    }

    /**
     * Adds an institution from a valid form whose ISIL is not taken.
     *
     * @return its access key when the form asked for one (shown once, only its hash is kept)
     */
    public Optional<String> addInstitution(InstitutionForm form, String client) {
        String key = form.issueKey() ? institutionKey() : null;
        store.saveInstitution(new Institution(form.isil(), form.name(), form.countryCode(), form.ranges(),
                key == null ? null : ApiAccess.hash(key), Instant.now()));
        refreshPrincipals();
        log.record("institution.add", form.isil(), client);
        return Optional.ofNullable(key);
    }

    /** Changes name, country and ranges (the key stays); false when there is no such institution. */
    public boolean updateInstitution(String isil, InstitutionForm form, String client) {
        Optional<Institution> i = institution(isil);
        i.ifPresent(old -> {
            store.saveInstitution(new Institution(isil, form.name(), form.countryCode(), form.ranges(), old.keyHash(), old.createdAt()));
            refreshPrincipals();
            log.record("institution.update", isil, client);
        });
        return i.isPresent();
    }

    /** A new access key (the old one stops working), or empty when there is no such institution. */
    public Optional<String> rotateKey(String isil, String client) {
        return institution(isil).map(old -> {
            String key = institutionKey();
            store.saveInstitution(new Institution(isil, old.name(), old.country(), old.ipRanges(), ApiAccess.hash(key), old.createdAt()));
            refreshPrincipals();
            log.record("institution.key", isil, client);
            return key;
        });
    }

    public boolean removeInstitution(String isil, String client) {
        boolean removed = institution(isil).isPresent() && store.removeInstitution(isil);
        if (removed) {
            refreshPrincipals();
            log.record("institution.remove", isil, client);
        }
        return removed;
    }

    // ---- terminals ---------------------------------------------------------------------------

    public List<Terminal> terminals() {
        return store.terminals();
    }

    public Optional<Terminal> terminal(String id) {
        return store.terminals().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Adds (or, editing, replaces) a terminal from a valid form. */
    public void saveTerminal(TerminalForm form, String client) {
        Optional<Terminal> existing = terminal(form.id());
        boolean isNew = existing.isEmpty();
        Instant created = existing.map(Terminal::createdAt).orElse(Instant.now());
        store.saveTerminal(new Terminal(form.id(), blankToNull(form.isil()), form.name(), form.ranges(), created));
        refreshPrincipals();
        log.record(isNew ? "terminal.add" : "terminal.update", form.id(), client);
    }

    public boolean removeTerminal(String id, String client) {
        boolean removed = terminal(id).isPresent() && store.removeTerminal(id);
        if (removed) {
            refreshPrincipals();
            log.record("terminal.remove", id, client);
        }
        return removed;
    }

    // ---- secrets -----------------------------------------------------------------------------

    /** Sixteen random characters from an unambiguous alphabet in four groups (about 79 bits). */
    static String oneTimePassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** An institution's access key, sent as {@code X-Institution-Key} (the form {@code kura institution add --key} prints). */
    static String institutionKey() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return "kinst_" + HexFormat.of().formatHex(random);
    }

    private void refreshPrincipals() {
        if (principals != null) {
            principals.refresh();
        }
    }

    private void reread(String name) {
        if (sessions != null) {
            sessions.reread(name);
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
