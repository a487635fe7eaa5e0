package org.kura.repository;

import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.DigestAlgorithm;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.OcflObjectVersion;
import io.ocfl.api.model.VersionInfo;
import io.ocfl.api.model.ValidationResults;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The file-system {@link ObjectStore}: an OCFL 1.1 storage root written by ocfl-java with the
 * hashed n-tuple layout (extension 0004), SHA-512 digests, one OCFL version per change. Any OCFL
 * tool can read the root without Kura.
 */
public final class OcflObjectStore implements ObjectStore {
    private final OcflRepository repo;
    private final Path root;

    /**
     * @param root    the OCFL storage root (created when missing)
     * @param workDir scratch space for staging versions (same file system as {@code root} for atomic moves)
     */
    public OcflObjectStore(Path root, Path workDir) {
        try {
            Files.createDirectories(root);
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the OCFL storage root " + root, e);
        }
        this.root = root;
        this.repo = new OcflRepositoryBuilder()
                .defaultLayoutConfig(new HashedNTupleLayoutConfig())
                .storage(storage -> storage.fileSystem(root))
                .ocflConfig(config -> config.setDefaultDigestAlgorithm(io.ocfl.api.DigestAlgorithmRegistry.sha512))
                .workDir(workDir)
                .build();
    }

    @Override
    public ObjectInfo put(String objectId, Path source, String message, String user) {
        try {
            repo.putObject(ObjectVersionId.head(objectId), source, new VersionInfo().setMessage(message)
                    .setUser(user, null), io.ocfl.api.OcflOption.OVERWRITE);
        } catch (RuntimeException e) {
            throw new RepositoryException("cannot store object " + objectId + ": " + e.getMessage(), e);
        }
        return describe(objectId).orElseThrow();
    }

    @Override
    public ObjectInfo update(String objectId, java.util.Map<String, Path> put, java.util.Collection<String> remove,
                             String message, String user) {
        if (!repo.containsObject(objectId)) {
            throw new RepositoryException("no object " + objectId);
        }
        try {
            repo.updateObject(ObjectVersionId.head(objectId), new VersionInfo().setMessage(message).setUser(user, null), updater -> {
                OcflObjectVersion head = repo.getObject(ObjectVersionId.head(objectId));
                for (String path : remove) {
                    if (head.containsFile(path) && !put.containsKey(path)) {
                        updater.removeFile(path);
                    }
                }
                put.forEach((path, file) -> updater.addPath(file, path, io.ocfl.api.OcflOption.OVERWRITE));
            });
        } catch (RuntimeException e) {
            throw new RepositoryException("cannot update object " + objectId + ": " + e.getMessage(), e);
        }
        return describe(objectId).orElseThrow();
    }

    @Override
    public Optional<ObjectInfo> describe(String objectId) {
        if (!repo.containsObject(objectId)) {
            return Optional.empty();
        }
        OcflObjectVersion v = repo.getObject(ObjectVersionId.head(objectId));
        List<StoredFile> files = new ArrayList<>();
        v.getFiles().forEach(f -> files.add(new StoredFile(f.getPath(), f.getFixity().get(io.ocfl.api.DigestAlgorithmRegistry.sha512),
                root.resolve(f.getStorageRelativePath()))));
        files.sort(java.util.Comparator.comparing(StoredFile::path));
        return Optional.of(new ObjectInfo(objectId, v.getVersionNum().getVersionNum() > Integer.MAX_VALUE ? -1
                : (int) v.getVersionNum().getVersionNum(), files));
    }

    @Override
    public InputStream open(String objectId, String path) {
        if (!repo.containsObject(objectId)) {
            throw new RepositoryException("no object " + objectId);
        }
        OcflObjectVersion v = repo.getObject(ObjectVersionId.head(objectId));
        if (!v.containsFile(path)) {
            throw new RepositoryException("object " + objectId + " has no file " + path);
        }
        return v.getFile(path).getStream();
    }

    @Override
    public Optional<Path> localPath(String objectId, String path) {
        if (!repo.containsObject(objectId)) {
            return Optional.empty();
        }
        OcflObjectVersion v = repo.getObject(ObjectVersionId.head(objectId));
        if (!v.containsFile(path)) {
            return Optional.empty();
        }
        return Optional.of(root.resolve(v.getFile(path).getStorageRelativePath()));
    }

    @Override
    public List<String> verify(String objectId) {
        ValidationResults r = repo.validateObject(objectId, true);
        List<String> problems = new ArrayList<>();
        r.getErrors().forEach(e -> problems.add(e.getCode() + ": " + e.getMessage()));
        return problems;
    }

    @Override
    public List<String> objectIds() {
        try (Stream<String> ids = repo.listObjectIds()) {
            return ids.sorted().toList();
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
