package org.kura.iiif;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kura.repository.ObjectStore;
import org.kura.repository.RepositoryException;

/**
 * Local copies of page images kept in a remote {@link ObjectStore} (S3), because decoding a region of
 * an image needs random access to its file (TIFF tiles, JPEG markers), which a stream from the store
 * cannot give. A page is copied once, checked against its SHA-512 on the way in, and named by that
 * digest, so a new version of a page is a new copy and an unchanged one is never fetched twice.
 * Bounded in bytes, least recently used first out, except copies used in the last seconds (a request
 * may be about to read them). Requests for a page being copied wait for that copy. Rebuildable:
 * deleting the folder loses nothing; copies left by an earlier run are used again.
 */
public final class SourceCache {
    private static final Pattern SHA512 = Pattern.compile("[0-9a-f]{128}");
    private final Path dir;
    private final long maxBytes;
    private final long graceMillis;
    /** digest → copy, in access order; guarded by {@code this}. */
    private final LinkedHashMap<String, Copy> copies = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, CompletableFuture<Path>> copying = new ConcurrentHashMap<>();
    private long bytes;

    private record Copy(Path file, long size, long usedAt) {
    }

    /**
     * @param dir      a folder of its own (copies are files named by their digest)
     * @param maxBytes the bound; copies used in the last 10 seconds may exceed it for a while
     */
    public SourceCache(Path dir, long maxBytes) {
        this(dir, maxBytes, Duration.ofSeconds(10));
    }

    SourceCache(Path dir, long maxBytes, Duration grace) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.graceMillis = grace.toMillis();
        try {
            Files.createDirectories(dir);
            adoptEarlierCopies();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the source image cache " + dir, e);
        }
    }

    /**
     * The local copy of {@code path} of {@code objectId}, whose SHA-512 is {@code sha512}: from the
     * cache, or copied from the store now.
     *
     * @throws RepositoryException when the store cannot be read or the copy does not match the digest
     */
    public Path file(ObjectStore store, String objectId, String path, String sha512) {
        if (sha512 == null || !SHA512.matcher(sha512).matches()) {
            throw new RepositoryException("no SHA-512 digest for " + path + " of " + objectId);
        }
        Path hit = lookup(sha512);
        if (hit != null) {
            return hit;
        }
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> running = copying.putIfAbsent(sha512, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Path copied = copy(store, objectId, path, sha512);
            mine.complete(copied);
            return copied;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            copying.remove(sha512);
        }
    }

    /** Bytes held (for tests and metrics). */
    public synchronized long bytes() {
        return bytes;
    }

    private synchronized Path lookup(String sha512) {
        Copy c = copies.get(sha512);
        if (c == null) {
            return null;
        }
        if (!Files.exists(c.file())) {
            copies.remove(sha512);
            bytes -= c.size();
            return null;
        }
        copies.put(sha512, new Copy(c.file(), c.size(), System.currentTimeMillis()));
        return c.file();
    }

    private Path copy(ObjectStore store, String objectId, String path, String sha512) {
        Path target = dir.resolve(sha512.substring(0, 2)).resolve(sha512);
        Path part = null;
        try {
            Files.createDirectories(target.getParent());
            part = Files.createTempFile(target.getParent(), ".copy-", ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            try (InputStream in = new DigestInputStream(store.open(objectId, path), digest);
                 OutputStream out = Files.newOutputStream(part)) {
                in.transferTo(out);
            }
            String got = HexFormat.of().formatHex(digest.digest());
            if (!got.equals(sha512)) {
                throw new RepositoryException("the copy of " + path + " of " + objectId + " does not match its SHA-512 in the store");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            part = null;
            add(sha512, target, Files.size(target));
            return target;
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // RuntimeException: ocfl-java's own fixity check on the stream, or the store's client giving up mid-copy
            throw new RepositoryException("cannot copy " + path + " of " + objectId + " into " + dir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // scratch file; the next start removes it
                }
            }
        }
    }

    private synchronized void add(String sha512, Path file, long size) {
        Copy old = copies.put(sha512, new Copy(file, size, System.currentTimeMillis()));
        bytes += size - (old == null ? 0 : old.size());
        evict(sha512);
    }

    /**
     * Drops least recently used copies until within the bound, sparing {@code keep} (the copy just made
     * for a request) and those used in the last seconds.
     */
    private void evict(String keep) {
        long now = System.currentTimeMillis();
        for (Iterator<Map.Entry<String, Copy>> it = copies.entrySet().iterator(); it.hasNext() && bytes > maxBytes; ) {
            Map.Entry<String, Copy> e = it.next();
            Copy c = e.getValue();
            if (e.getKey().equals(keep) || now - c.usedAt() < graceMillis) {
                break;
            }
            it.remove();
            bytes -= c.size();
            try {
                Files.deleteIfExists(c.file());
            } catch (IOException ignored) {
                // a copy that cannot be deleted now is found again at the next start
            }
        }
    }

    private static Path await(CompletableFuture<Path> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private synchronized void adoptEarlierCopies() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".part")) {
                    Files.deleteIfExists(p);
                } else if (Files.isRegularFile(p) && SHA512.matcher(name).matches()) {
                    found.add(p);
                }
            }
        }
        found.sort(Comparator.comparingLong(p -> p.toFile().lastModified()));
        for (Path p : found) {
            long size = Files.size(p);
            copies.put(p.getFileName().toString(), new Copy(p, size, 0));
            bytes += size;
        }
        evict(null);
    }
}
