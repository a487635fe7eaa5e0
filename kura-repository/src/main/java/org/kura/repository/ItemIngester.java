package org.kura.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.kura.model.AccessTier;

/**
 * Turns a folder or a BagIt bag of page images into an item in the {@link ObjectStore}: validates
 * (bag manifests and checksums; image types by their bytes, not their names; no links or paths
 * leaving the folder), orders the pages (a {@code pages.txt} of {@code file<TAB>label} lines, else
 * natural file-name order), and stores one OCFL version with {@code item.json}, the pages under
 * {@code pages/}, an optional PDF and descriptive metadata. Nothing is stored unless all of it is sound.
 */
public final class ItemIngester {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long MAX_FILE = 4L << 30;
    private final ObjectStore store;
    private final Path workDir;
    private final BagValidator bags = new BagValidator();

    public ItemIngester(ObjectStore store, Path workDir) {
        this.store = store;
        this.workDir = workDir;
    }

    /** What to ingest: where from, the record it digitizes, its tier, and an id (null: a new one). */
    public record Request(Path source, String recordId, AccessTier tier, String itemId, String title, String user) {
    }

    public Item ingest(Request r) {
        Path source = r.source();
        if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new RepositoryException("not a folder: " + source);
        }
        Path payload = BagValidator.isBag(source) ? bags.validate(source) : source;
        List<Path> files = files(payload);
        List<Path> images = new ArrayList<>();
        Path pdf = null;
        Path metadata = null;
        Path order = null;
        for (Path f : files) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            String kind = sniff(f);
            if (kind.startsWith("image/")) {
                images.add(f);
            } else if (kind.equals("application/pdf")) {
                if (pdf != null) {
                    throw new RepositoryException("more than one PDF in " + source + ": " + pdf.getFileName() + ", " + f.getFileName());
                }
                pdf = f;
            } else if (name.equals("pages.txt")) {
                order = f;
            } else if (name.equals("metadata.xml") || name.equals("metadata.json") || name.endsWith(".rdf")) {
                metadata = f;
            } else {
                throw new RepositoryException("not a page image, PDF, pages.txt or metadata: " + payload.relativize(f)
                        + " (" + kind + ")");
            }
        }
        if (images.isEmpty()) {
            throw new RepositoryException("no page images (TIFF, JPEG, PNG, JPEG 2000) in " + source);
        }
        List<PageSource> pages = order == null ? naturalOrder(images) : listedOrder(order, images, payload);
        String id = r.itemId() != null ? checkId(r.itemId()) : "item-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Path staging = null;
        try {
            Files.createDirectories(workDir);
            staging = Files.createTempDirectory(workDir, "ingest-");
            List<Page> stored = new ArrayList<>();
            int width = Math.max(4, Integer.toString(pages.size()).length());
            for (int i = 0; i < pages.size(); i++) {
                PageSource p = pages.get(i);
                String ext = extension(sniff(p.file()));
                String target = "pages/" + String.format("%0" + width + "d", i + 1) + "." + ext;
                copy(p.file(), staging.resolve(target));
                stored.add(new Page(target, p.label()));
            }
            String pdfPath = null;
            if (pdf != null) {
                pdfPath = "item.pdf";
                copy(pdf, staging.resolve(pdfPath));
            }
            String metaPath = null;
            if (metadata != null) {
                metaPath = "metadata/" + metadata.getFileName();
                copy(metadata, staging.resolve(metaPath));
            }
            Item item = new Item(id, r.recordId(), r.tier(), r.title(), stored, pdfPath, metaPath);
            JSON.writeValue(staging.resolve("item.json").toFile(), item);
            store.put(id, staging, "ingest from " + source.getFileName(), r.user() == null ? "kura" : r.user());
            return item;
        } catch (IOException e) {
            throw new RepositoryException("cannot stage " + source + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteTree(staging);
            }
        }
    }

    /** Reads an item's description back from its object. */
    public static Item read(ObjectStore store, String itemId) {
        try (InputStream in = store.open(itemId, "item.json")) {
            return JSON.readValue(in, Item.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DamagedItemException("item " + itemId + " is damaged: its item.json does not parse (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new RepositoryException("cannot read item " + itemId + ": " + e.getMessage(), e);
        }
    }

    private record PageSource(Path file, String label) {
    }

    private static String checkId(String id) {
        if (!Item.isValidId(id)) {
            throw new RepositoryException("item ids are letters, digits, '.', '_' and '-' (at most 128): " + id);
        }
        return id;
    }

    /** Every regular file below {@code dir}; links, and anything that is not a regular file or folder, are refused. */
    private static List<Path> files(Path dir) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, 8, new FileVisitOption[0])) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p)) {
                    throw new RepositoryException("links are not accepted in items: " + dir.relativize(p));
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (Files.size(p) > MAX_FILE) {
                        throw new RepositoryException("file larger than 4 GiB: " + dir.relativize(p));
                    }
                    if (!p.getFileName().toString().startsWith(".")) {
                        out.add(p);
                    }
                } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new RepositoryException("not a regular file: " + dir.relativize(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return out;
    }

    /** The media type from the first bytes of the file. */
    static String sniff(Path f) {
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(f)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new RepositoryException("cannot read " + f.getFileName() + ": " + e.getMessage(), e);
        }
        String hex = HexFormat.of().formatHex(head, 0, n);
        if (hex.startsWith("49492a00") || hex.startsWith("4d4d002a") || hex.startsWith("49492b00") || hex.startsWith("4d4d002b")) {
            return "image/tiff";
        }
        if (hex.startsWith("ffd8ff")) {
            return "image/jpeg";
        }
        if (hex.startsWith("89504e470d0a1a0a")) {
            return "image/png";
        }
        if (hex.startsWith("0000000c6a5020200d0a870a") || hex.startsWith("ff4fff51")) {
            return "image/jp2";
        }
        if (hex.startsWith("25504446")) {
            return "application/pdf";
        }
        return n == 0 ? "empty" : "application/octet-stream";
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/tiff" -> "tif";
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/jp2" -> "jp2";
            default -> "bin";
        };
    }

    private static List<PageSource> naturalOrder(List<Path> images) {
        return images.stream().sorted(Comparator.comparing(p -> naturalKey(p.getFileName().toString())))
                .map(p -> new PageSource(p, null)).toList();
    }

    /** Zero-pads runs of digits so that page2 sorts before page10. */
    static String naturalKey(String name) {
        return java.util.regex.Pattern.compile("\\d+").matcher(name.toLowerCase(Locale.ROOT))
                .replaceAll(m -> String.format("%020d", new java.math.BigInteger(m.group()).min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue()));
    }

    private static List<PageSource> listedOrder(Path order, List<Path> images, Path payload) {
        Map<String, Path> byName = new LinkedHashMap<>();
        images.forEach(p -> byName.put(payload.relativize(p).toString().replace('\\', '/'), p));
        List<PageSource> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(order, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RepositoryException("cannot read pages.txt: " + e.getMessage(), e);
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", 2);
            Path p = byName.remove(cols[0].strip());
            if (p == null) {
                throw new RepositoryException("pages.txt lists " + cols[0].strip() + ", which is not a page image of the item");
            }
            out.add(new PageSource(p, cols.length > 1 && !cols[1].isBlank() ? cols[1].strip() : null));
        }
        if (!byName.isEmpty()) {
            throw new RepositoryException("pages.txt does not list " + String.join(", ", byName.keySet()));
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: staging is scratch space
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
