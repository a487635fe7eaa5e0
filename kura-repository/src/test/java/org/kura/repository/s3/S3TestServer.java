package org.kura.repository.s3;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.reference.FilesystemConstants;

/**
 * A real S3-compatible server on loopback for tests: s3proxy over its {@code filesystem-nio2}
 * blob store, so that every object is a plain file under {@code <dir>/<bucket>/<key>} which a test can
 * read or corrupt. Requests are signed (AWS signature V4) with a fixed test key.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "kura-test";
    public static final String SECRET = "kura-test-secret";

    private final Path dir;
    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private S3TestServer(Path dir) throws Exception {
        this.dir = java.nio.file.Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty(FilesystemConstants.PROPERTY_BASEDIR, dir.toString());
        // s3proxy's filesystem-nio2 provider: jclouds' own "filesystem" provider lists folders as objects
        // ("v1/content/"), which real S3 never does and which an OCFL validator rightly calls stray files
        context = ContextBuilder.newBuilder("filesystem-nio2").credentials("local", "local").overrides(p)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET)
                // s3proxy refuses headers it does not know, such as the checksums and multipart sizes of current AWS SDKs
                .ignoreUnknownHeaders(true).build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
    }

    /** Starts a server keeping its buckets under {@code dir}. */
    public static S3TestServer start(Path dir) throws Exception {
        return new S3TestServer(dir);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Creates an empty bucket. */
    public void createBucket(String bucket) {
        blobStore().createContainerInLocation(null, bucket);
    }

    /** Copies every file under {@code folder} into {@code bucket} under {@code prefix} (as {@code aws s3 sync} would). */
    public void upload(Path folder, String bucket, String prefix) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(folder)) {
            for (Path f : walk.filter(java.nio.file.Files::isRegularFile).toList()) {
                String key = prefix + "/" + folder.relativize(f).toString().replace('\\', '/');
                blobStore().putBlob(bucket, blobStore().blobBuilder(key).payload(f.toFile()).build());
            }
        }
    }

    /** The folder that holds the objects of {@code bucket}, one file per key. */
    public Path bucketDir(String bucket) {
        return dir.resolve(bucket);
    }

    /** Settings for {@code bucket} on this server, with short timeouts. */
    public S3Settings.Builder settings(String bucket) {
        return S3Settings.bucket(bucket).endpoint(endpoint()).credentials(ACCESS_KEY, SECRET)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private BlobStore blobStore() {
        return context.getBlobStore();
    }

    /** Stops the server (the files stay). */
    public void stop() throws Exception {
        if (!"STOPPED".equals(proxy.getState())) {
            proxy.stop();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        context.close();
    }
}
