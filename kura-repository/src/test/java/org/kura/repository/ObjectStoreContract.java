package org.kura.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.model.AccessTier;

/**
 * What every {@link ObjectStore} backend must do, run against each of them on real storage (a folder,
 * a real S3-compatible server on loopback): put, update, describe, open and verify; a stored file
 * changed behind the store's back; missing objects; odd object ids; items from folders and bags.
 */
public abstract class ObjectStoreContract {
    @TempDir
    protected Path dir;
    protected ObjectStore store;
    protected ItemIngester ingester;

    /** A store on a fresh, empty storage root, staging versions in {@code workDir}. */
    protected abstract ObjectStore openStore(Path workDir) throws Exception;

    /** The folder where the store's bytes really lie (the OCFL root, or the S3 server's bucket folder). */
    protected abstract Path backingFiles();

    /** Whether the store keeps its files on the local file system ({@link ObjectStore#localPath}). */
    protected abstract boolean keepsLocalFiles();

    @BeforeEach
    void openStore() throws Exception {
        store = openStore(dir.resolve("work"));
        ingester = new ItemIngester(store, dir.resolve("work"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void filesArePutDescribedOpenedAndVerifiedAndAPutAgainIsTheNextVersion() throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("text/章"));
        Files.writeString(src.resolve("item.json"), "{\"id\":\"x\"}");
        Files.writeString(src.resolve("text/章/第1頁 (改).txt"), "吾輩は猫である。名前はまだ無い。");
        byte[] large = new byte[9 << 20]; // above the 8 MiB multipart threshold of S3 transfers
        new Random(42).nextBytes(large);
        Files.write(src.resolve("pages.bin"), large);

        ObjectStore.ObjectInfo info = store.put("obj-1", src, "first", "test");

        assertThat(info.version()).isEqualTo(1);
        assertThat(info.files()).extracting(ObjectStore.StoredFile::path)
                .containsExactly("item.json", "pages.bin", "text/章/第1頁 (改).txt");
        for (ObjectStore.StoredFile f : info.files()) {
            assertThat(f.sha512()).as(f.path()).isEqualTo(sha512(Files.readAllBytes(src.resolve(f.path()))));
            assertThat(f.local() != null).as(f.path()).isEqualTo(keepsLocalFiles());
        }
        try (InputStream in = store.open("obj-1", "pages.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(large);
        }
        assertThat(read("obj-1", "text/章/第1頁 (改).txt")).isEqualTo("吾輩は猫である。名前はまだ無い。");
        assertThat(store.localPath("obj-1", "item.json").isPresent()).isEqualTo(keepsLocalFiles());
        assertThat(store.verify("obj-1")).isEmpty();

        Files.delete(src.resolve("pages.bin"));
        Files.writeString(src.resolve("item.json"), "{\"id\":\"x\",\"v\":2}");
        ObjectStore.ObjectInfo second = store.put("obj-1", src, "second", "test");
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.files()).extracting(ObjectStore.StoredFile::path).containsExactly("item.json", "text/章/第1頁 (改).txt");
        assertThat(read("obj-1", "item.json")).isEqualTo("{\"id\":\"x\",\"v\":2}");
        assertThat(store.describe("obj-1")).contains(second);
        assertThat(store.objectIds()).containsExactly("obj-1");
    }

    @Test
    void anUpdateAddsReplacesAndRemovesFilesInANewVersionAndKeepsTheRest() throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        ItemIngesterTest.image(src.resolve("a.png"), "png");
        Item item = ingester.ingest(new ItemIngester.Request(src, null, AccessTier.PUBLIC, "upd-1", "t", "test"));
        Path t1 = Files.writeString(dir.resolve("t1.txt"), "一頁目");
        Path t2 = Files.writeString(dir.resolve("t2.txt"), "二頁目");
        store.update(item.id(), Map.of("text/0001.txt", t1, "text/0002.txt", t2), List.of(), "text", "test");
        Path t1b = Files.writeString(dir.resolve("t1b.txt"), "改訂");
        ObjectStore.ObjectInfo info = store.update(item.id(), Map.of("text/0001.txt", t1b), List.of("text/0002.txt", "no/such"),
                "text again", "test");

        assertThat(info.version()).isEqualTo(3);
        assertThat(info.files()).extracting(ObjectStore.StoredFile::path)
                .containsExactly("item.json", "pages/0001.png", "text/0001.txt");
        assertThat(read(item.id(), "text/0001.txt")).isEqualTo("改訂");
        assertThat(store.verify(item.id())).isEmpty();
        assertThatThrownBy(() -> store.update("nothing-here", Map.of("x", t1), List.of(), "m", "u"))
                .isInstanceOf(RepositoryException.class).hasMessageContaining("no object nothing-here");
    }

    @Test
    void anItemFromAFolderIsStoredAsAnOcflObjectAndReadBack() throws Exception {
        Item item = ingester.ingest(new ItemIngester.Request(ItemIngesterTest.book(dir.resolve("src")), "ndl:R1", AccessTier.LIBRARY,
                null, "吾輩は猫である", "test"));
        ObjectStore.ObjectInfo info = store.describe(item.id()).orElseThrow();
        assertThat(info.version()).isEqualTo(1);
        assertThat(info.files()).extracting(ObjectStore.StoredFile::path)
                .containsExactly("item.json", "pages/0001.png", "pages/0002.jpg", "pages/0003.png");
        assertThat(info.files()).allSatisfy(f -> assertThat(f.sha512()).hasSize(128));
        assertThat(ItemIngester.read(store, item.id())).isEqualTo(item);
        try (InputStream in = store.open(item.id(), "pages/0002.jpg")) {
            assertThat(ImageIO.read(in).getHeight()).isEqualTo(60);
        }
        assertThat(store.verify(item.id())).isEmpty();
        assertThat(Files.exists(backingFiles().resolve("0=ocfl_1.1"))).as("an OCFL 1.1 storage root").isTrue();
        try (Stream<Path> staging = Files.list(dir.resolve("work"))) {
            assertThat(staging.filter(p -> p.getFileName().toString().startsWith("ingest-"))).isEmpty();
        }
    }

    @Test
    void aBagIsIngestedAndReadBackAndTheConformanceSuitesBagsAreKeptByteForByte() throws Exception {
        Path bag = ItemIngesterTest.book(dir.resolve("bag"));
        BagCreator.bagInPlace(bag, List.of(StandardSupportedAlgorithms.SHA512), false);
        Item item = ingester.ingest(new ItemIngester.Request(bag, "lib:1", AccessTier.PUBLIC, "bagged", null, "test"));
        assertThat(ItemIngester.read(store, "bagged")).isEqualTo(item);
        assertThat(item.pages()).hasSize(3);
        try (InputStream in = store.open("bagged", item.pages().get(0).file())) {
            assertThat(ImageIO.read(in).getWidth()).isEqualTo(40);
        }

        // the suite's bags hold text files, not page images: stored as they are, and refused as items
        Path fixture = fixtures().resolve("v0.97/valid/bag-with-escapable-characters");
        Path payload = new BagValidator().validate(fixture);
        ObjectStore.ObjectInfo kept = store.put("bagit:escapable", payload, "fixture", "test");
        assertThat(kept.files()).extracting(ObjectStore.StoredFile::path).contains("test file with spaces.txt", "dir2/dir3/test5.txt");
        for (ObjectStore.StoredFile f : kept.files()) {
            try (InputStream in = store.open("bagit:escapable", f.path())) {
                assertThat(in.readAllBytes()).as(f.path()).isEqualTo(Files.readAllBytes(payload.resolve(f.path())));
            }
        }
        assertThat(store.verify("bagit:escapable")).isEmpty();
        assertThatThrownBy(() -> ingester.ingest(new ItemIngester.Request(fixtures().resolve("v1.0/valid/basicBag"), null,
                AccessTier.PUBLIC, "basic", null, "test"))).isInstanceOf(RepositoryException.class).hasMessageContaining("hello.txt");
        assertThat(store.objectIds()).containsExactly("bagged", "bagit:escapable");
    }

    @Test
    void verifyFindsAStoredFileChangedBehindTheStoresBack() throws Exception {
        Item item = ingester.ingest(new ItemIngester.Request(ItemIngesterTest.book(dir.resolve("src")), null, AccessTier.PUBLIC,
                "fixity", null, "t"));
        assertThat(store.verify(item.id())).isEmpty();
        Path stored;
        try (Stream<Path> walk = Files.walk(backingFiles())) {
            stored = walk.filter(p -> p.toString().contains("content") && p.toString().endsWith("0001.png")).findFirst().orElseThrow();
        }
        Files.write(stored, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

        assertThat(store.verify(item.id())).singleElement().asString().contains("pages/0001.png");
    }

    @Test
    void aMissingObjectOrFileIsAClearError() throws Exception {
        assertThat(store.describe("absent")).isEmpty();
        assertThat(store.localPath("absent", "item.json")).isEmpty();
        assertThatThrownBy(() -> store.open("absent", "item.json")).isInstanceOf(RepositoryException.class)
                .hasMessageContaining("no object absent");
        assertThatThrownBy(() -> store.verify("absent")).isInstanceOf(RepositoryException.class)
                .hasMessageContaining("no object absent");
        assertThatThrownBy(() -> ItemIngester.read(store, "absent")).isInstanceOf(RepositoryException.class)
                .hasMessageContaining("no object absent");

        Path src = Files.createDirectories(dir.resolve("one"));
        Files.writeString(src.resolve("a.txt"), "a");
        store.put("present", src, "m", "u");
        assertThatThrownBy(() -> store.open("present", "b.txt")).isInstanceOf(RepositoryException.class)
                .hasMessageContaining("object present has no file b.txt");
        assertThat(store.localPath("present", "b.txt")).isEmpty();
    }

    @Test
    void objectIdsWithOddCharactersAreKeptExactly() throws Exception {
        Path src = Files.createDirectories(dir.resolve("one"));
        Files.writeString(src.resolve("a.txt"), "a");
        List<String> ids = List.of("ark:/12345/bc8 7+x?y#z", "info:fedora/資料:1", "%2F..%2F..", "..", "a\\b", "ﾃｽﾄ　全角");
        for (String id : ids) {
            store.put(id, src, "odd id", "u");
        }
        assertThat(store.objectIds()).containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            assertThat(store.describe(id).orElseThrow().id()).isEqualTo(id);
            assertThat(read(id, "a.txt")).as(id).isEqualTo("a");
            assertThat(store.verify(id)).as(id).isEmpty();
        }
    }

    protected String read(String objectId, String path) throws IOException {
        try (InputStream in = store.open(objectId, path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    protected static Path fixtures() {
        String configured = System.getProperty("kura.shared.fixtures");
        Path suite = configured != null ? Path.of(configured, "bagit").toAbsolutePath().normalize() : Path.of("/work/shared/fixtures/bagit");
        return Files.isDirectory(suite) ? suite : Path.of("/work/shared/fixtures/bagit");
    }

    private static String sha512(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
    }
}
