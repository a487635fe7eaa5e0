package org.kura.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who runs a harvest run: a catalog store instance, named {@code host/pid/process-start/instance}. Several
 * Kura processes may share one PostgreSQL catalog (a server, a harvest from the command line, a second
 * node), so a run left RUNNING is abandoned only when its owner is known to be gone — a closed store of
 * this process, or a process of this host that has ended — or when its owner stopped beating for
 * {@link #STALE} (another host, or a process that hangs).
 */
final class RunOwner {
    /** How often a store says its runs are alive. */
    static final Duration BEAT = Duration.ofSeconds(30);
    /** How long without a beat before another process may call a run abandoned. */
    static final Duration STALE = Duration.ofMinutes(3);

    private static final String HOST = host();
    private static final long PID = ProcessHandle.current().pid();
    private static final String START = startOf(ProcessHandle.current());
    /** Owners of this process whose store is still open. */
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();

    private RunOwner() {
    }

    /** A new owner for a store being opened in this process. */
    static String register() {
        String id = HOST + "/" + PID + "/" + START + "/" + UUID.randomUUID();
        LIVE.add(id);
        return id;
    }

    static void unregister(String owner) {
        LIVE.remove(owner);
    }

    /**
     * True when a run RUNNING under {@code owner} (null: written before runs had owners), last beating at
     * {@code heartbeat}, can no longer finish.
     */
    static boolean abandoned(String owner, Instant heartbeat, Instant now) {
        return owner == null || heartbeat == null || heartbeat.isBefore(now.minus(STALE)) || gone(owner);
    }

    /** True when {@code owner} ran on this host and its store or process has ended since. */
    static boolean gone(String owner) {
        String[] parts = owner.split("/", 4);
        if (parts.length < 4 || !parts[0].equals(HOST)) {
            return false; // another host: only its heartbeat can tell
        }
        long pid;
        try {
            pid = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == PID && parts[2].equals(START)) {
            return !LIVE.contains(owner);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        // a pid is reused: the same number with another start time is another process
        return process.isEmpty() || !process.get().isAlive() || !startOf(process.get()).equals(parts[2]);
    }

    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse("?");
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().replace('/', '_');
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }
}
