package org.kura.server.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.Passwords;
import org.kura.catalog.Reader;

/**
 * Sessions of registered readers: sign-in with name and password (checked against the catalog's
 * PBKDF2 hash), a random 256-bit session id for the {@link #COOKIE} cookie, eight hours of life. Failed
 * sign-ins are limited per name and per client address (5 in 15 minutes) so that passwords cannot be
 * guessed at speed. The reader's account is read again at most every minute, so a suspended or
 * changed account takes effect without a restart.
 */
public final class ReaderSessions {
    public static final String COOKIE = "kura_reader";
    static final Duration LIFE = Duration.ofHours(8);
    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final Duration REREAD = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CatalogStore store;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Cached> readers = new ConcurrentHashMap<>();

    private record Session(String name, String csrf, Instant expires) {
    }

    private record Cached(Reader reader, Instant read) {
    }

    /** Why a sign-in did not succeed. */
    public enum Refusal { WRONG, LOCKED }

    /** A sign-in's outcome: a session id, or why not. */
    public record Outcome(String session, Refusal refusal) {
    }

    public ReaderSessions(CatalogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Signs a reader in; a wrong name and a wrong password are told apart by no one (same answer, same work). */
    public Outcome login(String name, String password, String client) {
        String n = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        Refusal refused = verify(n, password, client);
        if (refused != null) {
            return new Outcome(null, refused);
        }
        Optional<Reader> r = store.reader(n);
        if (r.isEmpty()) {
            return new Outcome(null, Refusal.WRONG); // removed in between
        }
        String session = random();
        sessions.put(session, new Session(n, random(), clock.instant().plus(LIFE)));
        readers.put(n, new Cached(r.get(), clock.instant()));
        if (sessions.size() > 100_000) {
            Instant now = clock.instant();
            sessions.values().removeIf(s -> s.expires().isBefore(now));
        }
        return new Outcome(session, null);
    }

    /** The reader behind a session id, while the session lives and the account is active. */
    public Optional<Principal> principal(String session) {
        if (session == null || session.isBlank() || session.length() > 64) {
            return Optional.empty();
        }
        Session s = sessions.get(session);
        Instant now = clock.instant();
        if (s == null) {
            return Optional.empty();
        }
        if (s.expires().isBefore(now)) {
            sessions.remove(session);
            return Optional.empty();
        }
        Cached c = readers.get(s.name());
        if (c == null || c.read().plus(REREAD).isBefore(now)) {
            Optional<Reader> fresh = store.reader(s.name());
            if (fresh.isEmpty()) {
                sessions.remove(session);
                readers.remove(s.name());
                return Optional.empty();
            }
            c = new Cached(fresh.get(), now);
            readers.put(s.name(), c);
        }
        if (c.reader().disabled()) {
            return Optional.empty();
        }
        return Optional.of(new Principal(Principal.Kind.USER, c.reader().name(), c.reader().printDisabled()));
    }

    /**
     * Checks a reader's password under the same limits as a sign-in (five failures in 15 minutes lock the
     * name and the address), without starting a session: for the account page's change of password.
     *
     * @return null when the password is right and the account active, else why not
     */
    public Refusal verify(String name, String password, String client) {
        String n = name == null ? "" : name;
        if (locked("name:" + n) || locked("client:" + client)) {
            return Refusal.LOCKED;
        }
        Optional<Reader> r = n.isEmpty() || n.length() > 64 ? Optional.empty() : store.reader(n);
        // a hash is checked even for an unknown name, so timing does not tell which names exist
        boolean ok = Passwords.matches(password == null ? "" : password.substring(0, Math.min(password.length(), 1024)),
                r.map(Reader::passwordHash).orElse(DUMMY)) && r.isPresent() && !r.get().disabled();
        if (!ok) {
            fail("name:" + n);
            fail("client:" + client);
            return Refusal.WRONG;
        }
        failures.remove("name:" + n);
        return null;
    }

    /** The CSRF token of a live session of an active reader (for the forms of the account page), or empty. */
    public Optional<String> csrf(String session) {
        return principal(session).map(p -> sessions.get(session)).map(Session::csrf);
    }

    /**
     * Ends every session of a reader at once and forgets the cached account (after staff suspend, remove
     * or change it): the change takes effect with the next request instead of within a minute.
     */
    public void endSessionsOf(String name) {
        sessions.values().removeIf(s -> s.name().equals(name));
        readers.remove(name);
    }

    /** Forgets the cached account of a reader (after staff changed it), keeping the reader's sessions. */
    public void reread(String name) {
        readers.remove(name);
    }

    public void logout(String session) {
        if (session != null) {
            sessions.remove(session);
        }
    }

    private static String random() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private boolean locked(String key) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return false;
        }
        synchronized (d) {
            Instant since = clock.instant().minus(FAILURE_WINDOW);
            while (!d.isEmpty() && d.peekFirst().isBefore(since)) {
                d.removeFirst();
            }
            return d.size() >= MAX_FAILURES;
        }
    }

    private void fail(String key) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(clock.instant());
            while (d.size() > MAX_FAILURES * 2) {
                d.removeFirst();
            }
        }
        if (failures.size() > 100_000) {
            failures.clear(); // bounded memory; an attacker who fills it only resets counters he could reset by waiting
        }
    }

    private static final String DUMMY = Passwords.hash("not a real password, only for equal timing");
}
