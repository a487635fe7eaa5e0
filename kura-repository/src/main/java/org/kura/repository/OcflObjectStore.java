package org.kura.repository;

import io.ocfl.api.DigestAlgorithmRegistry;
import io.ocfl.api.OcflOption;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.OcflObjectVersion;
import io.ocfl.api.model.ValidationResults;
import io.ocfl.api.model.VersionInfo;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The {@link ObjectStore} on OCFL 1.1, written by ocfl-java with the hashed n-tuple layout (extension
 * 0004), SHA-512 digests, one OCFL version per change. The storage root is a folder (the default) or
 * an S3-compatible bucket ({@link OcflRoot}); either way any OCFL tool can read it without Kura, and
 * versions are staged in a local work directory.
 */
public final class OcflObjectStore implements ObjectStore {
    private final OcflRepository repo;
    private final OcflRoot root;

    /**
     * A storage root on the local file system.
     *
     * @param root    the OCFL storage root (created when missing)
     * @param workDir scratch space for staging versions (same file system as {@code root} for atomic moves)
     */
    public OcflObjectStore(Path root, Path workDir) {
        this(new FileSystemOcflRoot(root), workDir);
    }

    /**
     * @param root    where the storage root is; closed with this store
     * @param workDir local scratch space for staging versions
     */
    public OcflObjectStore(OcflRoot root, Path workDir) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the OCFL work directory " + workDir, e);
        }
        this.root = root;
        try {
            this.repo = new OcflRepositoryBuilder()
                    .defaultLayoutConfig(new HashedNTupleLayoutConfig())
                    .storage(root::configure)
                    .ocflConfig(config -> config.setDefaultDigestAlgorithm(DigestAlgorithmRegistry.sha512))
                    .workDir(workDir)
                    .build();
        } catch (RuntimeException e) {
            root.close();
            throw new RepositoryException("cannot open the OCFL storage root " + root.location() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ObjectInfo put(String objectId, Path source, String message, String user) {
        guard("store object " + objectId, () -> repo.putObject(ObjectVersionId.head(objectId), source,
                new VersionInfo().setMessage(message).setUser(user, null), OcflOption.OVERWRITE));
        return describe(objectId).orElseThrow();
    }

    @Override
    public ObjectInfo update(String objectId, Map<String, Path> put, Collection<String> remove, String message, String user) {
        requireObject(objectId);
        guard("update object " + objectId, () -> repo.updateObject(ObjectVersionId.head(objectId),
                new VersionInfo().setMessage(message).setUser(user, null), updater -> {
                    OcflObjectVersion head = repo.getObject(ObjectVersionId.head(objectId));
                    for (String path : remove) {
                        if (head.containsFile(path) && !put.containsKey(path)) {
                            updater.removeFile(path);
                        }
                    }
                    put.forEach((path, file) -> updater.addPath(file, path, OcflOption.OVERWRITE));
                }));
        return describe(objectId).orElseThrow();
    }

    @Override
    public Optional<ObjectInfo> describe(String objectId) {
        return guard("read object " + objectId, () -> {
            if (!repo.containsObject(objectId)) {
                return Optional.empty();
            }
            OcflObjectVersion v = repo.getObject(ObjectVersionId.head(objectId));
            List<StoredFile> files = new ArrayList<>();
            v.getFiles().forEach(f -> files.add(new StoredFile(f.getPath(), f.getFixity().get(DigestAlgorithmRegistry.sha512),
                    root.localFile(f.getStorageRelativePath()).orElse(null))));
            files.sort(Comparator.comparing(StoredFile::path));
            long n = v.getVersionNum().getVersionNum();
            return Optional.of(new ObjectInfo(objectId, n > Integer.MAX_VALUE ? -1 : (int) n, files));
        });
    }

    @Override
    public InputStream open(String objectId, String path) {
        OcflObjectVersion v = head(objectId);
        if (!v.containsFile(path)) {
            throw new RepositoryException("object " + objectId + " has no file " + path);
        }
        return guard("read " + path + " of object " + objectId, () -> v.getFile(path).getStream());
    }

    @Override
    public Optional<Path> localPath(String objectId, String path) {
        return guard("read object " + objectId, () -> {
            if (!repo.containsObject(objectId)) {
                return Optional.empty();
            }
            OcflObjectVersion v = repo.getObject(ObjectVersionId.head(objectId));
            return v.containsFile(path) ? root.localFile(v.getFile(path).getStorageRelativePath()) : Optional.empty();
        });
    }

    @Override
    public List<String> verify(String objectId) {
        requireObject(objectId);
        ValidationResults r = guard("verify object " + objectId, () -> repo.validateObject(objectId, true));
        List<String> problems = new ArrayList<>();
        r.getErrors().forEach(e -> problems.add(e.getCode() + ": " + e.getMessage()));
        return problems;
    }

    @Override
    public List<String> objectIds() {
        return guard("list the objects", () -> {
            try (Stream<String> ids = repo.listObjectIds()) {
                return ids.sorted().toList();
            }
        });
    }

    /** Where the storage root is (a folder, or a bucket and prefix at an endpoint). */
    public String location() {
        return root.location();
    }

    @Override
    public void close() {
        try {
            repo.close();
        } finally {
            root.close();
        }
    }

    private OcflObjectVersion head(String objectId) {
        requireObject(objectId);
        return guard("read object " + objectId, () -> repo.getObject(ObjectVersionId.head(objectId)));
    }

    private void requireObject(String objectId) {
        if (!guard("read object " + objectId, () -> repo.containsObject(objectId))) {
            throw new RepositoryException("no object " + objectId + " in " + root.location());
        }
    }

    private void guard(String what, Runnable action) {
        guard(what, () -> {
            action.run();
            return null;
        });
    }

    /** Runs a storage operation; whatever ocfl-java or the storage throws becomes a RepositoryException saying what and where. */
    private <T> T guard(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RepositoryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RepositoryException("cannot " + what + " in " + root.location() + ": " + reason(e), e);
        }
    }

    /** The message and its innermost cause: ocfl-java and the AWS SDK wrap the cause (connection refused, a timeout) several times. */
    private static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String cause = RepositoryException.innermostReason(e);
        return message.contains(cause) ? message : message + ": " + cause;
    }
}
