package org.kura.fulltext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kura.repository.ObjectStore;
import org.kura.repository.RepositoryException;

/**
 * An item's text inside its OCFL object, next to its page images:
 * <pre>
 * text/report.json            {@link TextReport}: where each page's text came from, what was quarantined
 * text/0001.json              {@link PageText} of page 1 (lines, boxes, vertical writing)
 * text/source/0001.alto.xml   the file as received (or the OCR engine's output), kept unchanged
 * text/quarantine/NAME        a file that could not be read, kept with its reason in the report
 * </pre>
 * Every change is one new object version. Pages read for Content Search are cached by item, page and
 * object version, so a new version is never answered from an old cache entry.
 */
public final class TextStore {
    static final String DIR = "text/";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int CACHE_PAGES = 4096;

    private final ObjectStore objects;
    private final Path workDir;
    private final Map<String, PageText> cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PageText> eldest) {
            return size() > CACHE_PAGES;
        }
    });
    /** Where each item's text files are, per object version (one object lookup per version, not one per page). */
    private final Map<String, TextFiles> files = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TextFiles> eldest) {
            return size() > 512;
        }
    });

    /** An item's text files at one object version: page → logical path, logical path → local file (when on disk). */
    private record TextFiles(int version, java.util.SortedMap<Integer, String> pages, Map<String, Path> local, boolean report) {
        static TextFiles of(ObjectStore.ObjectInfo info) {
            java.util.SortedMap<Integer, String> pages = new java.util.TreeMap<>();
            Map<String, Path> local = new java.util.HashMap<>();
            boolean report = false;
            for (ObjectStore.StoredFile f : info.files()) {
                String p = f.path();
                if (!p.startsWith(DIR)) {
                    continue;
                }
                if (f.local() != null) {
                    local.put(p, f.local());
                }
                report |= p.equals(DIR + "report.json");
                if (p.endsWith(".json") && p.indexOf('/', DIR.length()) < 0) {
                    String stem = p.substring(DIR.length(), p.length() - ".json".length());
                    if (!stem.isEmpty() && stem.length() < 9 && stem.chars().allMatch(Character::isDigit)) {
                        pages.put(Integer.parseInt(stem), p);
                    }
                }
            }
            return new TextFiles(info.version(), pages, local, report);
        }
    }

    /** A page's text to store, with the file it came from. */
    public record Stored(PageText text, String sourceFile, byte[] source) {
    }

    /** A file that could not be read, kept as received. */
    public record Quarantined(String fileName, byte[] bytes) {
    }

    public TextStore(ObjectStore objects, Path workDir) {
        this.objects = objects;
        this.workDir = workDir;
    }

    public ObjectStore objects() {
        return objects;
    }

    /** The item's text report, or empty when the item has no text yet. */
    public Optional<TextReport> report(String itemId) {
        TextFiles f = current(itemId);
        if (f == null || !f.report()) {
            return Optional.empty();
        }
        try (InputStream in = open(itemId, f, DIR + "report.json")) {
            return Optional.of(JSON.readValue(in, TextReport.class));
        } catch (IOException e) {
            throw new RepositoryException("cannot read the text report of " + itemId + ": " + e.getMessage(), e);
        }
    }

    /** One page's text (not cached), or empty when the page has none. */
    public Optional<PageText> page(String itemId, int page) {
        TextFiles f = current(itemId);
        return f == null ? Optional.empty() : read(itemId, f, page);
    }

    private Optional<PageText> read(String itemId, TextFiles f, int page) {
        String path = f.pages().get(page);
        if (path == null) {
            return Optional.empty();
        }
        try (InputStream in = open(itemId, f, path)) {
            return Optional.of(JSON.readValue(in, PageText.class));
        } catch (IOException e) {
            throw new RepositoryException("cannot read " + path + " of " + itemId + ": " + e.getMessage(), e);
        }
    }

    /** The item's text files as of its newest version (looked up now), or null when there is no such item. */
    private TextFiles current(String itemId) {
        Optional<ObjectStore.ObjectInfo> info = objects.describe(itemId);
        if (info.isEmpty()) {
            files.remove(itemId);
            return null;
        }
        TextFiles f = TextFiles.of(info.get());
        files.put(itemId, f);
        return f;
    }

    /** The item's text files, looked up again only when the caller knows a newer version than the one remembered. */
    private TextFiles atLeast(String itemId, long version) {
        TextFiles f = files.get(itemId);
        return f != null && f.version() >= version ? f : current(itemId);
    }

    private InputStream open(String itemId, TextFiles f, String path) throws IOException {
        Path local = f.local().get(path);
        return local != null ? java.nio.file.Files.newInputStream(local) : objects.open(itemId, path);
    }

    /**
     * One page's text as of an object version the caller knows (from the index): cached, so that a
     * search inside a book does not re-read pages.
     */
    public Optional<PageText> page(String itemId, int page, long version) {
        String key = itemId + "~" + page + "@" + version;
        PageText hit = cache.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        TextFiles f = atLeast(itemId, version);
        Optional<PageText> read = f == null ? Optional.empty() : read(itemId, f, page);
        read.ifPresent(p -> cache.put(key, p));
        return read;
    }

    /** Every page with text, in page order. */
    public List<PageText> pages(String itemId) {
        List<PageText> out = new ArrayList<>();
        TextFiles f = current(itemId);
        if (f != null) {
            for (int n : f.pages().keySet()) {
                read(itemId, f, n).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The numbers of the pages that have text. */
    public List<Integer> pageNumbers(String itemId) {
        TextFiles f = current(itemId);
        return f == null ? List.of() : new ArrayList<>(f.pages().keySet());
    }

    /** The object's current version (what {@link #page(String, int, long)} is keyed by); 0 when unknown. */
    public long version(String itemId) {
        TextFiles f = current(itemId);
        return f == null ? 0 : f.version();
    }

    /**
     * Stores pages' text, their source files and quarantined files as one new version of the item's
     * object, and the report merged with what was there. Pages not named keep their text.
     *
     * @return the object version written
     */
    public int save(String itemId, int pageCount, List<Stored> pages, List<Quarantined> quarantined,
                    List<TextReport.PageStatus> statuses, String message, String user) {
        ObjectStore.ObjectInfo before = objects.describe(itemId)
                .orElseThrow(() -> new RepositoryException("no item " + itemId));
        Path staging = null;
        try {
            Files.createDirectories(workDir);
            staging = Files.createTempDirectory(workDir, "text-");
            Map<String, Path> put = new LinkedHashMap<>();
            List<String> remove = new ArrayList<>();
            int width = width(pageCount);
            for (Stored s : pages) {
                int n = s.text().page();
                String stem = String.format(Locale.ROOT, "%0" + width + "d", n);
                String json = DIR + stem + ".json";
                put.put(json, write(staging, json, JSON.writeValueAsBytes(s.text())));
                String source = DIR + "source/" + stem + "." + sourceExtension(s.text().source());
                put.put(source, write(staging, source, s.source()));
                // an earlier source of this page in another format goes
                before.files().stream().map(ObjectStore.StoredFile::path)
                        .filter(p -> p.startsWith(DIR + "source/" + stem + ".") && !p.equals(source)).forEach(remove::add);
            }
            for (Quarantined q : quarantined) {
                String path = DIR + "quarantine/" + safeName(q.fileName());
                put.put(path, write(staging, path, q.bytes()));
            }
            TextReport report = report(itemId).orElse(new TextReport(itemId, pageCount, List.of())).merge(statuses);
            report = new TextReport(itemId, pageCount, report.status());
            put.put(DIR + "report.json", write(staging, DIR + "report.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(report)));
            return objects.update(itemId, put, remove, message, user).version();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the text of " + itemId, e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    static int width(int pageCount) {
        return Math.max(4, Integer.toString(Math.max(1, pageCount)).length());
    }

    static String sourceExtension(String format) {
        return switch (format == null ? "" : format) {
            case "alto" -> "alto.xml";
            case "hocr" -> "hocr.html";
            case "ndlocr" -> "ndlocr.xml";
            default -> "txt";
        };
    }

    /** A file name safe to use as an OCFL logical path segment. */
    static String safeName(String name) {
        String base = name == null ? "file" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._\\-]", "_");
        if (base.isEmpty() || base.chars().allMatch(c -> c == '.' || c == '_')) {
            base = "file";
        }
        return base.length() > 120 ? base.substring(0, 120) : base;
    }

    private static Path write(Path staging, String logical, byte[] bytes) throws IOException {
        Path f = staging.resolve(logical.replace('/', '_'));
        Files.write(f, bytes);
        return f;
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // scratch space
        }
    }
}
