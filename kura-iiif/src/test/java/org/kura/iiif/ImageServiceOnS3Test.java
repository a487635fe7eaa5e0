package org.kura.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.model.AccessTier;
import org.kura.repository.ItemIngester;
import org.kura.repository.ObjectStore;
import org.kura.repository.OcflObjectStore;
import org.kura.repository.s3.S3OcflRoot;
import org.kura.repository.s3.S3Settings;
import org.kura.repository.s3.S3TestServer;

/**
 * Image tiles of an item kept in OCFL on a real S3-compatible server (s3proxy on loopback, objects as
 * files under a temporary folder): pages are copied once into the {@link SourceCache}, checked against
 * their digest, bounded, and a store that is down or a copy that does not match is a 503, never a hang.
 */
class ImageServiceOnS3Test {
    @TempDir
    Path dir;
    S3TestServer s3;
    ObjectStore store;
    SourceCache copies;
    ImageService images;

    @BeforeEach
    void start() throws Exception {
        s3 = S3TestServer.start(dir.resolve("s3"));
        s3.createBucket("items");
        S3Settings settings = s3.settings("items").timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)).build();
        store = new OcflObjectStore(new S3OcflRoot(settings), dir.resolve("work"));
        Path src = dir.resolve("src");
        ImageServiceTest.page(src.resolve("1.tif"), "tiff");
        ImageServiceTest.page(src.resolve("2.png"), "png");
        new ItemIngester(store, dir.resolve("work")).ingest(new ItemIngester.Request(src, "lib:1", AccessTier.PUBLIC, "book", "本", "t"));
        copies = new SourceCache(dir.resolve("copies"), 1, Duration.ZERO);
        images = new ImageService(store, new ImageLimits(2000, 2000, 2_000_000), new DerivativeCache(dir.resolve("tiles"), 50L << 20),
                copies);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        s3.close();
    }

    BufferedImage tile(String id, String region, String size) throws Exception {
        ImageService.PageRef p = images.page(id);
        return ImageIO.read(new ByteArrayInputStream(images.render(p, images.plan(p, region, size, "0", "default.png"))));
    }

    @Test
    void aTileOfAPageOnS3IsServedFromOneCheckedLocalCopy() throws Exception {
        assertThat(store.localPath("book", "pages/0001.tif")).as("S3 keeps no local files").isEmpty();
        ImageService.PageRef page = images.page("book~1");
        assertThat(page.size().width).isEqualTo(1200);
        assertThat(page.size().height).isEqualTo(800);

        BufferedImage corner = tile("book~1", "0,0,512,512", "max");
        assertThat(corner.getWidth()).isEqualTo(512);
        assertThat(new Color(corner.getRGB(10, 10))).isEqualTo(Color.GREEN);
        assertThat(new Color(corner.getRGB(300, 300))).isEqualTo(Color.RED);
        BufferedImage right = tile("book~1", "600,0,512,512", "max");
        assertThat(new Color(right.getRGB(100, 100))).isEqualTo(Color.BLUE);

        assertThat(copyFiles()).as("one copy, named by the page's SHA-512")
                .singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                        .isEqualTo(store.describe("book").orElseThrow().files().stream()
                                .filter(s -> s.path().equals("pages/0001.tif")).findFirst().orElseThrow().sha512()));
    }

    @Test
    void theCopiesAreBoundedAndAnEvictedPageIsCopiedAgain() throws Exception {
        tile("book~1", "full", "max");
        tile("book~2", "full", "max");
        assertThat(copyFiles()).as("a 1-byte bound keeps only the newest copy").hasSize(1);
        assertThat(copies.bytes()).isEqualTo(Files.size(copyFiles().get(0)));
        images.forget("book"); // drops the cached tiles too, so that the page is read again
        assertThat(new Color(tile("book~1", "0,0,100,100", "max").getRGB(50, 50))).isEqualTo(Color.GREEN);
    }

    @Test
    void aStoreThatIsDownIsA503() throws Exception {
        images.item("book");
        s3.stop();
        assertThatThrownBy(() -> images.page("book~2")).isInstanceOf(IiifException.class)
                .satisfies(e -> assertThat(((IiifException) e).status()).isEqualTo(503))
                .hasMessage("the image store cannot give pages/0002.png of book now");
        images.forget("book");
        assertThatThrownBy(() -> images.page("book~1")).isInstanceOf(IiifException.class)
                .satisfies(e -> assertThat(((IiifException) e).status()).isEqualTo(503));
    }

    @Test
    void aPageChangedInTheBucketIsNotServed() throws Exception {
        Path stored;
        try (Stream<Path> walk = Files.walk(s3.bucketDir("items"))) {
            stored = walk.filter(p -> p.toString().endsWith("content/pages/0002.png")).findFirst().orElseThrow();
        }
        ImageServiceTest.page(stored, "jpeg"); // other bytes under the same name
        assertThatThrownBy(() -> images.page("book~2")).isInstanceOf(IiifException.class)
                .satisfies(e -> assertThat(((IiifException) e).status()).isEqualTo(503));
        assertThat(copyFiles()).isEmpty();
    }

    private java.util.List<Path> copyFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(dir.resolve("copies"))) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
