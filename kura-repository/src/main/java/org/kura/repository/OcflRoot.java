package org.kura.repository;

import io.ocfl.core.storage.OcflStorageBuilder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an OCFL storage root lives: a folder ({@link FileSystemOcflRoot}) or a bucket of an
 * S3-compatible service ({@link org.kura.repository.s3.S3OcflRoot}). The layout inside is the same
 * on both, so an object copied from one to the other is read unchanged by {@link OcflObjectStore}.
 */
public interface OcflRoot extends AutoCloseable {

    /** Points ocfl-java's storage at this root. */
    void configure(OcflStorageBuilder storage);

    /**
     * The local file behind a path relative to the storage root, when the root is on a local file
     * system; empty for remote roots.
     */
    Optional<Path> localFile(String storageRelativePath);

    /** Where the root is, for messages: a folder, or {@code s3://bucket/prefix at endpoint}. */
    String location();

    /** Releases what the root holds (an HTTP client); ocfl-java's repository is closed before this. */
    @Override
    default void close() {
    }
}
