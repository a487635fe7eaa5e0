package org.kura.repository;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where digitized items are kept for the long term: versioned objects of files with fixity. The
 * default is OCFL on the file system ({@link OcflObjectStore} over a folder); the same store over a
 * bucket of an S3-compatible service ({@link org.kura.repository.s3.S3OcflRoot}) is the scale-out
 * choice. Derivatives (tiles, thumbnails) are never stored here.
 */
public interface ObjectStore extends AutoCloseable {

    /** What a stored object holds in its newest version. */
    record ObjectInfo(String id, int version, List<StoredFile> files) {
    }

    /**
     * A file of an object: its logical path, SHA-512 digest, and where it is on the local file system
     * (null for remote stores).
     */
    record StoredFile(String path, String sha512, Path local) {
        public StoredFile(String path, String sha512) {
            this(path, sha512, null);
        }
    }

    /**
     * Stores the files under {@code source} (logical paths = paths relative to it) as a new version of
     * the object, creating it if needed; digests are computed on the way in and verified by the store.
     */
    ObjectInfo put(String objectId, Path source, String message, String user);

    /**
     * Adds or replaces some files of an existing object (logical path → local file) and removes others,
     * as one new version; every other file is carried over unchanged. Used when something is added to an
     * item after its ingest (its OCR text, say).
     */
    ObjectInfo update(String objectId, java.util.Map<String, Path> put, java.util.Collection<String> remove, String message, String user);

    Optional<ObjectInfo> describe(String objectId);

    /** Streams one file of the newest version; the caller closes it. */
    InputStream open(String objectId, String path);

    /**
     * The file behind a logical path when the store keeps it on a local file system (for random-access
     * reading of large images); empty for remote stores, which are read with {@link #open}.
     */
    default Optional<Path> localPath(String objectId, String path) {
        return Optional.empty();
    }

    /** Re-reads every file of the object and checks its digest; returns the problems found (empty when sound). */
    List<String> verify(String objectId);

    List<String> objectIds();

    @Override
    void close();
}
