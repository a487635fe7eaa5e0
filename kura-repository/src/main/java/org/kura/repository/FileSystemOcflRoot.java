package org.kura.repository;

import io.ocfl.core.storage.OcflStorageBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** An OCFL storage root in a folder of the local file system (created when missing); the default. */
public final class FileSystemOcflRoot implements OcflRoot {
    private final Path root;

    public FileSystemOcflRoot(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the OCFL storage root " + root, e);
        }
        this.root = root;
    }

    @Override
    public void configure(OcflStorageBuilder storage) {
        storage.fileSystem(root);
    }

    @Override
    public Optional<Path> localFile(String storageRelativePath) {
        return Optional.of(root.resolve(storageRelativePath));
    }

    @Override
    public String location() {
        return root.toString();
    }
}
