package org.kura.iiif;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Rendered images on disk, keyed by the canonical request: rebuildable at any time (deleting the
 * directory loses nothing), bounded in size (the least recently written files go first). Never the
 * source of truth.
 */
public final class DerivativeCache {
    private final Path dir;
    private final long maxBytes;
    private final AtomicLong writtenSinceTrim = new AtomicLong();

    public DerivativeCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the derivative cache " + dir, e);
        }
    }

    /** The cached bytes for {@code key}, or renders, stores and returns them. */
    public byte[] get(String key, Supplier<byte[]> render) {
        Path file = file(key);
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
        } catch (IOException e) {
            // unreadable entry: render again
        }
        byte[] bytes = render.get();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".d-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (writtenSinceTrim.addAndGet(bytes.length) > maxBytes / 10) {
                writtenSinceTrim.set(0);
                trim();
            }
        } catch (IOException e) {
            // a cache that cannot write still answers
        }
        return bytes;
    }

    /** True when {@code key} is cached (for tests and the benchmark). */
    public boolean contains(String key) {
        return Files.exists(file(key));
    }

    /** Drops every derivative of an item (after it changed or its tier did). */
    public void evictPrefix(String itemId) {
        // derivatives live under a directory per item (keys start with "itemId/")
        Path itemDir = dir.resolve(safe(itemId));
        if (Files.isDirectory(itemDir)) {
            try (Stream<Path> walk = Files.walk(itemDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private Path file(String key) {
        int slash = key.indexOf('/');
        String item = slash > 0 ? key.substring(0, slash) : "_";
        String h = sha(key);
        return dir.resolve(safe(item)).resolve(h.substring(0, 2)).resolve(h);
    }

    private static String safe(String s) {
        return sha(s).substring(0, 24);
    }

    private static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void trim() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        if (total <= maxBytes) {
            return;
        }
        List<Path> oldest = files.stream().sorted(Comparator.comparingLong(f -> f.toFile().lastModified())).toList();
        for (Path f : oldest) {
            if (total <= maxBytes * 9 / 10) {
                break;
            }
            total -= Files.size(f);
            Files.deleteIfExists(f);
        }
    }
}
