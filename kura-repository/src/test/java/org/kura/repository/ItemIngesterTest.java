package org.kura.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.model.AccessTier;

/**
 * Items from folders and bags into a real OCFL storage root on disk, and every way an item is refused;
 * what the stores themselves must do is {@link ObjectStoreContract}.
 */
class ItemIngesterTest {
    @TempDir
    Path dir;
    OcflObjectStore store;
    ItemIngester ingester;

    @BeforeEach
    void open() {
        store = new OcflObjectStore(dir.resolve("ocfl"), dir.resolve("work"));
        ingester = new ItemIngester(store, dir.resolve("work"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static void image(Path file, String format) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(40, 60, BufferedImage.TYPE_INT_RGB);
        img.getGraphics().fillRect(5, 5, 10 + Math.floorMod(file.getFileName().toString().hashCode(), 20), 10);
        ImageIO.write(img, format, file.toFile());
    }

    Path book(String name) throws IOException {
        return book(dir.resolve(name));
    }

    /** Three page images out of natural order: page10.png, page2.jpg, page1.png. */
    static Path book(Path src) throws IOException {
        image(src.resolve("page10.png"), "png");
        image(src.resolve("page2.jpg"), "jpeg");
        image(src.resolve("page1.png"), "png");
        return src;
    }

    @Test
    void aFolderBecomesAnItemWithANewIdAndPagesInNaturalOrder() throws Exception {
        Item item = ingester.ingest(new ItemIngester.Request(book("src"), "ndl:R1", AccessTier.LIBRARY, null, "吾輩は猫である", "test"));
        assertThat(item.id()).startsWith("item-");
        assertThat(item.pages()).extracting(Page::file).containsExactly("pages/0001.png", "pages/0002.jpg", "pages/0003.png");
        assertThat(ItemIngester.read(store, item.id())).isEqualTo(item);
    }

    @Test
    void pagesTxtGivesOrderAndLabelsAndAReingestIsANewVersion() throws Exception {
        Path src = book("src");
        Files.writeString(src.resolve("pages.txt"), "# file\tlabel\npage2.jpg\t表紙\npage1.png\tp. 1\npage10.png\t裏表紙\n");
        Files.write(src.resolve("book.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Item first = ingester.ingest(new ItemIngester.Request(src, null, AccessTier.PUBLIC, "nekobook", null, "test"));
        assertThat(first.pages()).extracting(Page::label).containsExactly("表紙", "p. 1", "裏表紙");
        assertThat(first.pdf()).isEqualTo("item.pdf");
        Files.delete(src.resolve("book.pdf"));
        Item second = ingester.ingest(new ItemIngester.Request(src, null, AccessTier.ONSITE, "nekobook", null, "test"));
        assertThat(store.describe("nekobook").orElseThrow().version()).isEqualTo(2);
        assertThat(second.pdf()).isNull();
        assertThat(ItemIngester.read(store, "nekobook").tier()).isEqualTo(AccessTier.ONSITE);
    }

    @Test
    void aValidBagIsIngestedAndATamperedOneIsRefusedWithNothingStored() throws Exception {
        Path bag = book("bag");
        BagCreator.bagInPlace(bag, List.of(StandardSupportedAlgorithms.SHA512), false);
        Item item = ingester.ingest(new ItemIngester.Request(bag, "lib:1", AccessTier.PUBLIC, "bagged", null, "test"));
        assertThat(item.pages()).hasSize(3);

        Path tampered = book("tampered");
        BagCreator.bagInPlace(tampered, List.of(StandardSupportedAlgorithms.SHA512), false);
        Files.write(tampered.resolve("data").resolve("page1.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0}, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ingester.ingest(new ItemIngester.Request(tampered, null, AccessTier.PUBLIC, "tampered", null, "t")))
                .isInstanceOf(RepositoryException.class).hasMessageContaining("invalid bag");
        assertThat(store.describe("tampered")).isEmpty();
    }

    @Test
    void badItemsAreRefusedWithTheReason() throws Exception {
        Path notImage = book("exe");
        Files.write(notImage.resolve("setup.exe"), new byte[] {'M', 'Z', 0, 0});
        assertThatThrownBy(() -> ingester.ingest(new ItemIngester.Request(notImage, null, AccessTier.PUBLIC, null, null, "t")))
                .hasMessageContaining("setup.exe");

        Path renamed = dir.resolve("renamed");
        Files.createDirectories(renamed);
        Files.writeString(renamed.resolve("page1.jpg"), "not really a JPEG");
        assertThatThrownBy(() -> ingester.ingest(new ItemIngester.Request(renamed, null, AccessTier.PUBLIC, null, null, "t")))
                .as("types come from the bytes, not the name").hasMessageContaining("page1.jpg");

        Path link = book("link");
        Files.createSymbolicLink(link.resolve("secret.png"), Path.of("/etc/passwd"));
        assertThatThrownBy(() -> ingester.ingest(new ItemIngester.Request(link, null, AccessTier.PUBLIC, null, null, "t")))
                .hasMessageContaining("links are not accepted");

        Path listed = book("listed");
        Files.writeString(listed.resolve("pages.txt"), "page1.png\n../../etc/passwd\n");
        assertThatThrownBy(() -> ingester.ingest(new ItemIngester.Request(listed, null, AccessTier.PUBLIC, null, null, "t")))
                .hasMessageContaining("not a page image of the item");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ingester.ingest(new ItemIngester.Request(empty, null, AccessTier.PUBLIC, null, null, "t")))
                .hasMessageContaining("no page images");

        assertThatThrownBy(() -> ingester.ingest(new ItemIngester.Request(book("id"), null, AccessTier.PUBLIC, "../escape", null, "t")))
                .hasMessageContaining("item ids");
        assertThat(store.objectIds()).isEmpty();
    }

    @Test
    void theBagItConformanceSuiteIsJudgedRight() throws Exception {
        Path suite = Path.of("../../shared/fixtures/bagit");
        if (!Files.isDirectory(suite)) {
            suite = Path.of("/work/shared/fixtures/bagit");
        }
        BagValidator v = new BagValidator();
        for (String version : List.of("v1.0", "v0.97")) {
            try (Stream<Path> valid = Files.list(suite.resolve(version).resolve("valid"))) {
                for (Path bag : valid.toList()) {
                    assertThat(v.validate(bag)).as(bag.toString()).isEqualTo(bag.resolve("data"));
                }
            }
            try (Stream<Path> invalid = Files.list(suite.resolve(version).resolve("invalid"))) {
                for (Path bag : invalid.toList()) {
                    assertThatThrownBy(() -> v.validate(bag)).as(bag.toString()).isInstanceOf(RepositoryException.class);
                }
            }
        }
    }
}
