package org.kura.iiif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.model.AccessTier;
import org.kura.repository.Item;
import org.kura.repository.ItemIngester;
import org.kura.repository.OcflObjectStore;

/** The Image API over real items in a real OCFL root: every parameter form, limits, corrupt sources, caching. */
class ImageServiceTest {
    @TempDir
    Path dir;
    OcflObjectStore store;
    ImageService images;
    Item item;

    /** A 1200×800 page: left half red, right half blue, a green square at the top-left corner. */
    static void page(Path file, String format) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 600, 800);
        g.setColor(Color.BLUE);
        g.fillRect(600, 0, 600, 800);
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        ImageIO.write(img, format, file.toFile());
    }

    @BeforeEach
    void open() throws Exception {
        store = new OcflObjectStore(dir.resolve("ocfl"), dir.resolve("work"));
        Path src = dir.resolve("src");
        page(src.resolve("1.png"), "png");
        page(src.resolve("2.tif"), "tiff");
        page(src.resolve("3.jpg"), "jpeg");
        item = new ItemIngester(store, dir.resolve("work")).ingest(new ItemIngester.Request(src, "lib:1", AccessTier.PUBLIC,
                "book", "本", "t"));
        images = new ImageService(store, new ImageLimits(2000, 2000, 2_000_000), new DerivativeCache(dir.resolve("cache"), 50L << 20));
    }

    @AfterEach
    void close() {
        store.close();
    }

    BufferedImage get(String id, String region, String size, String rotation, String qf) throws Exception {
        ImageService.PageRef p = images.page(id);
        return ImageIO.read(new ByteArrayInputStream(images.render(p, images.plan(p, region, size, rotation, qf))));
    }

    static Color at(BufferedImage img, int x, int y) {
        return new Color(img.getRGB(x, y));
    }

    @Test
    void aRegionReadWithSubsamplingFromAStripTiffIsServed() throws Exception {
        // the page written by ImageIO's TIFF writer (uncompressed strips): TwelveMonkeys' reader overran its
        // buffer on this request (a 500); the next installed decoder answers it
        for (String id : List.of("book~2", "book~1", "book~3")) {
            BufferedImage half = get(id, "600,0,512,512", "256,", "0", "default.png");
            assertThat(half.getWidth()).as(id).isEqualTo(256);
            assertThat(half.getHeight()).as(id).isEqualTo(256);
            assertThat(at(half, 128, 128).getBlue()).as(id).isGreaterThan(200);
            assertThat(at(half, 128, 128).getRed()).as(id).isLessThan(50);
            BufferedImage corner = get(id, "0,0,400,400", "100,", "0", "default.png");
            assertThat(at(corner, 10, 10).getGreen()).as(id).isGreaterThan(200);
            assertThat(at(corner, 90, 90).getRed()).as(id).isGreaterThan(200);
        }
    }

    @Test
    void everyPageFormatIsReadAndRegionsCropTheRightPixels() throws Exception {
        for (String id : List.of("book~1", "book~2", "book~3")) {
            BufferedImage full = get(id, "full", "max", "0", "default.png");
            assertThat(full.getWidth()).isEqualTo(1200);
            assertThat(full.getHeight()).isEqualTo(800);
            BufferedImage right = get(id, "600,0,600,800", "max", "0", "default.png");
            assertThat(right.getWidth()).isEqualTo(600);
            assertThat(at(right, 300, 400).getBlue()).isGreaterThan(200);
            BufferedImage corner = get(id, "pct:0,0,5,10", "max", "0", "default.png");
            assertThat(corner.getWidth()).isEqualTo(60);
            assertThat(at(corner, 30, 30).getGreen()).isGreaterThan(200);
        }
        BufferedImage square = get("book~1", "square", "max", "0", "default.png");
        assertThat(square.getWidth()).isEqualTo(800).isEqualTo(square.getHeight());
        BufferedImage outside = get("book~1", "1100,700,500,500", "max", "0", "default.png");
        assertThat(outside.getWidth()).as("cropped at the image edge").isEqualTo(100);
    }

    @Test
    void sizesRotationsQualitiesAndFormats() throws Exception {
        assertThat(get("book~1", "full", "300,", "0", "default.jpg").getHeight()).isEqualTo(200);
        assertThat(get("book~1", "full", ",100", "0", "default.jpg").getWidth()).isEqualTo(150);
        assertThat(get("book~1", "full", "pct:25", "0", "default.jpg").getWidth()).isEqualTo(300);
        BufferedImage confined = get("book~1", "full", "!200,200", "0", "default.jpg");
        assertThat(confined.getWidth()).isEqualTo(200);
        assertThat(confined.getHeight()).isEqualTo(133);
        assertThat(get("book~1", "full", "100,100", "0", "default.jpg").getWidth()).as("distorting w,h").isEqualTo(100);
        assertThat(get("book~1", "0,0,100,100", "^200,", "0", "default.png").getWidth()).isEqualTo(200);
        BufferedImage rotated = get("book~1", "full", "120,", "90", "default.png");
        assertThat(rotated.getWidth()).isEqualTo(80);
        assertThat(rotated.getHeight()).isEqualTo(120);
        BufferedImage mirrored = get("book~1", "full", "120,", "!0", "default.png");
        assertThat(at(mirrored, 5, 40).getBlue()).as("the right half is now on the left").isGreaterThan(200);
        BufferedImage gray = get("book~1", "full", "120,", "0", "gray.png");
        Color c = at(gray, 90, 60);
        assertThat(c.getRed()).isEqualTo(c.getGreen()).isEqualTo(c.getBlue());
        BufferedImage bitonal = get("book~1", "full", "120,", "0", "bitonal.png");
        int rgb = bitonal.getRGB(90, 60) & 0xffffff;
        assertThat(rgb == 0 || rgb == 0xffffff).isTrue();
        assertThat(get("book~1", "full", "120,", "45", "default.jpg").getWidth()).isGreaterThan(120);
    }

    @Test
    void badRequestsAreRefusedWithTheApisStatus() {
        ImageService.PageRef p = images.page("book~1");
        Map<String[], Integer> bad = Map.ofEntries(
                Map.entry(new String[] {"0,0,0,10", "max", "0", "default.jpg"}, 400),
                Map.entry(new String[] {"5000,0,10,10", "max", "0", "default.jpg"}, 400),
                Map.entry(new String[] {"-1,0,10,10", "max", "0", "default.jpg"}, 400),
                Map.entry(new String[] {"full", "2400,", "0", "default.jpg"}, 400),
                Map.entry(new String[] {"full", "^100000,", "0", "default.jpg"}, 400),
                Map.entry(new String[] {"full", "^pct:100000", "0", "default.jpg"}, 400),
                Map.entry(new String[] {"full", "pct:0", "0", "default.jpg"}, 400),
                Map.entry(new String[] {"full", "max", "361", "default.jpg"}, 400),
                Map.entry(new String[] {"full", "max", "abc", "default.jpg"}, 400),
                Map.entry(new String[] {"full", "max", "0", "sepia.jpg"}, 400),
                Map.entry(new String[] {"full", "max", "0", "default.gif"}, 400),
                Map.entry(new String[] {"full", "max", "0", "default"}, 400),
                Map.entry(new String[] {"full", "1,2,3", "0", "default.jpg"}, 400),
                Map.entry(new String[] {"full", "!100,", "0", "default.jpg"}, 400));
        bad.forEach((args, status) -> assertThatThrownBy(() -> images.plan(p, args[0], args[1], args[2], args[3]))
                .as(String.join("/", args)).isInstanceOfSatisfying(IiifException.class, e -> assertThat(e.status()).isEqualTo(status)));
        for (String id : List.of("book~0", "book~4", "book", "nobook~1", "../book~1", "book~x", "book~1/../../etc")) {
            assertThatThrownBy(() -> images.page(id)).as(id)
                    .isInstanceOfSatisfying(IiifException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Test
    void maxStaysWithinTheLimits() throws Exception {
        ImageService limited = new ImageService(store, new ImageLimits(1000, 1000, 400_000), new DerivativeCache(dir.resolve("c2"), 1 << 20));
        ImageService.PageRef p = limited.page("book~1");
        ImagePlan plan = limited.plan(p, "full", "max", "0", "default.jpg");
        assertThat((long) plan.width() * plan.height()).isLessThanOrEqualTo(400_000);
        assertThat(plan.width()).isLessThanOrEqualTo(1000);
    }

    @Test
    void corruptAndTruncatedSourcesFailCleanly() throws Exception {
        Path src = dir.resolve("bad");
        page(src.resolve("1.jpg"), "jpeg");
        byte[] whole = Files.readAllBytes(src.resolve("1.jpg"));
        Files.write(src.resolve("1.jpg"), java.util.Arrays.copyOf(whole, 200)); // truncated, still starts like a JPEG
        new ItemIngester(store, dir.resolve("work")).ingest(new ItemIngester.Request(src, null, AccessTier.PUBLIC, "broken", null, "t"));
        assertThatThrownBy(() -> {
            ImageService.PageRef p = images.page("broken~1");
            images.render(p, images.plan(p, "full", "max", "0", "default.jpg"));
        }).isInstanceOfSatisfying(IiifException.class, e -> assertThat(e.status()).isEqualTo(500));
    }

    @Test
    void aDamagedItemDescriptionIsA500WithItsReasonNotAnOutage() throws Exception {
        Path bad = dir.resolve("item.json");
        Files.writeString(bad, "{\"id\": \"book\", \"pages\": [");
        store.update("book", Map.of("item.json", bad), List.of(), "damage for the test", "t");
        images.forget("book");
        assertThatThrownBy(() -> images.page("book~1")).isInstanceOfSatisfying(IiifException.class, e -> {
            assertThat(e.status()).as("not 503: retrying will not help").isEqualTo(500);
            assertThat(e.getMessage()).contains("book", "damaged");
        });
    }

    @Test
    void renderedImagesAreCachedAndInfoDescribesTiles() throws Exception {
        ImageService.PageRef p = images.page("book~2");
        ImagePlan plan = images.plan(p, "0,0,512,512", "512,", "0", "default.jpg");
        assertThat(images.cached(p, plan)).isFalse();
        byte[] first = images.render(p, plan);
        assertThat(images.cached(p, plan)).isTrue();
        assertThat(images.render(p, plan)).isEqualTo(first);
        Map<String, Object> info = images.info(p, "https://kura.example.org/iiif/3/image/book~2");
        assertThat(info).containsEntry("type", "ImageService3").containsEntry("profile", "level2")
                .containsEntry("width", 1200).containsEntry("height", 800);
        assertThat(info.get("tiles").toString()).contains("width=512").contains("scaleFactors=[1, 2, 4");
        images.forget("book");
        assertThat(images.cached(p, plan)).isFalse();
    }

    @Test
    void manifestsHaveACanvasPerPageWithImageServices() {
        Map<String, Object> m = new ManifestBuilder(images).build(images.item("book"), "https://kura.example.org",
                new ManifestBuilder.Context("吾輩は猫である", "国立国会図書館", "http://creativecommons.org/publicdomain/mark/1.0/",
                        "パブリックドメイン", "Public domain", "https://kura.example.org/api/records/x", null,
                        List.<String[]>of(new String[] {"Creator", "作成者", "夏目漱石"}), List.of(),
                        List.of(Map.of("id", "https://kura.example.org/iiif/3/book/search", "type", "SearchService2"))));
        assertThat(m.get("service")).isEqualTo(List.of(Map.of("id", "https://kura.example.org/iiif/3/book/search", "type", "SearchService2")));
        assertThat(m).containsEntry("type", "Manifest").containsEntry("id", "https://kura.example.org/iiif/3/book/manifest")
                .containsEntry("rights", "http://creativecommons.org/publicdomain/mark/1.0/");
        List<?> canvases = (List<?>) m.get("items");
        assertThat(canvases).hasSize(3);
        assertThat(canvases.get(0).toString()).contains("width=1200").contains("ImageService3")
                .contains("https://kura.example.org/iiif/3/image/book~1");
        assertThat(m.get("requiredStatement").toString()).contains("国立国会図書館");
    }
}
