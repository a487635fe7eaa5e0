package org.kura.repository.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.model.AccessTier;
import org.kura.repository.Item;
import org.kura.repository.ItemIngester;
import org.kura.repository.ObjectStore;
import org.kura.repository.ObjectStoreContract;
import org.kura.repository.OcflObjectStore;
import org.kura.repository.RepositoryException;

/**
 * The {@link ObjectStoreContract} on OCFL in a bucket of a real S3-compatible server (s3proxy on
 * loopback, objects as files under a temporary folder), and what only a remote store can get wrong:
 * a missing bucket, refused credentials, a server that is down or silent, and a storage root moved
 * from a folder into a bucket.
 */
class OcflS3StoreTest extends ObjectStoreContract {
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @TempDir
    static Path serverDir;
    static S3TestServer server;
    String bucket;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.start(serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected ObjectStore openStore(Path workDir) {
        bucket = "kura-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
        return new OcflObjectStore(new S3OcflRoot(server.settings(bucket).prefix("ocfl").build()), workDir);
    }

    @Override
    protected Path backingFiles() {
        return server.bucketDir(bucket).resolve("ocfl");
    }

    @Override
    protected boolean keepsLocalFiles() {
        return false;
    }

    @Test
    void aMissingBucketOrRefusedCredentialsFailTheStartWithTheReason() {
        assertThatThrownBy(() -> new S3OcflRoot(server.settings("no-such-bucket").build()))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("the S3 bucket 'no-such-bucket' at " + server.endpoint() + " does not exist");
        assertThatThrownBy(() -> new S3OcflRoot(server.settings(bucket).credentials(S3TestServer.ACCESS_KEY, "wrong").build()))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("was refused (HTTP 403): check the access key id and the secret");
    }

    @Test
    void aServerThatIsDownIsARepositoryExceptionWithinSecondsNotAHang() throws Exception {
        Path src = Files.createDirectories(dir.resolve("one"));
        Files.writeString(src.resolve("a.txt"), "a");
        try (S3TestServer other = S3TestServer.start(dir.resolve("other-server"))) {
            other.createBucket("bucket-b");
            URI endpoint = other.endpoint();
            S3Settings down = other.settings("bucket-b").build();
            try (ObjectStore remote = new OcflObjectStore(new S3OcflRoot(other.settings("bucket-b").build()), dir.resolve("work2"))) {
                remote.put("x", src, "m", "u");
                other.stop();
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                    assertThatThrownBy(() -> remote.open("x", "a.txt").readAllBytes()).isInstanceOf(RepositoryException.class)
                            .hasMessageContaining("s3://bucket-b at " + endpoint);
                    assertThatThrownBy(() -> remote.put("y", src, "m", "u")).isInstanceOf(RepositoryException.class)
                            .hasMessageContaining("cannot store object y in s3://bucket-b");
                    assertThatThrownBy(remote::objectIds).isInstanceOf(RepositoryException.class)
                            .hasMessageContaining("cannot list the objects in s3://bucket-b");
                });
            }
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> new S3OcflRoot(down))
                    .isInstanceOf(RepositoryException.class).hasMessageContaining("cannot reach the S3 service at " + endpoint));
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            S3Settings settings = S3Settings.bucket("b").endpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                    .credentials("k", "s").timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).build();
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> new S3OcflRoot(settings))
                    .isInstanceOf(RepositoryException.class).hasMessageContaining(settings.endpoint().toString()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void aStorageRootMovedFromAFolderIntoABucketIsReadUnchanged() throws Exception {
        Path fsRoot = dir.resolve("fs-ocfl");
        Item item;
        try (OcflObjectStore local = new OcflObjectStore(fsRoot, dir.resolve("work-fs"))) {
            item = new ItemIngester(local, dir.resolve("work-fs")).ingest(new ItemIngester.Request(
                    bookIn(dir.resolve("book")), "ndl:1", AccessTier.PUBLIC, "moved", "移された本", "t"));
        }
        server.createBucket("moved");
        server.upload(fsRoot, "moved", "archive/ocfl");

        try (ObjectStore moved = new OcflObjectStore(new S3OcflRoot(server.settings("moved").prefix("archive/ocfl").build()),
                dir.resolve("work-moved"))) {
            assertThat(moved.objectIds()).containsExactly("moved");
            assertThat(ItemIngester.read(moved, "moved")).isEqualTo(item);
            assertThat(moved.verify("moved")).isEmpty();
        }
    }

    private static Path bookIn(Path src) throws IOException {
        Files.createDirectories(src);
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                src.resolve("p1.png").toFile());
        return src;
    }
}
