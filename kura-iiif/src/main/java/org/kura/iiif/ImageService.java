package org.kura.iiif;

import java.awt.Dimension;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kura.repository.Item;
import org.kura.repository.ItemIngester;
import org.kura.repository.ObjectStore;
import org.kura.repository.Page;
import org.kura.repository.RepositoryException;

/**
 * IIIF Image API 3.0, compliance level 2, over the pages of items in the {@link ObjectStore}. An
 * image identifier is {@code <item>~<page>} (page numbers from 1). Access is decided by the caller
 * before anything here is asked for; this class only renders. Pages are read where the store keeps
 * them on disk, or from local copies in a {@link SourceCache} when the store is remote (S3).
 */
public final class ImageService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImageService.class);
    public static final String CONTEXT = "http://iiif.io/api/image/3/context.json";
    public static final int TILE = 512;

    private final ObjectStore store;
    private final SourceImages sources = new SourceImages();
    private final ImageRenderer renderer = new ImageRenderer(sources);
    private final ImageRequestParser parser;
    private final ImageLimits limits;
    private final DerivativeCache cache;
    private final SourceCache copies;
    /** Items read from the store, each with its files and when it was read (one value: they change together). */
    private final Map<String, Loaded> items = new ConcurrentHashMap<>();

    /** An item, its stored files (logical path → digest and local file, if any) and when they were read. */
    private record Loaded(Item item, Map<String, ObjectStore.StoredFile> files, java.time.Instant at) {
    }

    /** A page resolved from an image identifier. */
    public record PageRef(Item item, int number, Page page, Path file, Dimension size) {
    }

    /** Over a store that keeps its files on disk (a remote store's pages are then 501). */
    public ImageService(ObjectStore store, ImageLimits limits, DerivativeCache cache) {
        this(store, limits, cache, null);
    }

    /**
     * @param copies where pages of a remote store are copied for reading; null when the store is local
     */
    public ImageService(ObjectStore store, ImageLimits limits, DerivativeCache cache, SourceCache copies) {
        this.store = store;
        this.limits = limits;
        this.parser = new ImageRequestParser(limits);
        this.cache = cache;
        this.copies = copies;
    }

    /**
     * The item (cached; {@link #forget} after it changes), or 404; 503 when the store cannot be read now; 500 when
     * its description is damaged.
     */
    public Item item(String itemId) {
        return loaded(itemId).item();
    }

    private Loaded loaded(String itemId) {
        if (!Item.isValidId(itemId)) {
            throw new IiifException(404, "no item " + itemId);
        }
        Loaded cached = items.get(itemId);
        if (cached != null) {
            return cached;
        }
        java.time.Instant now = java.time.Instant.now();
        ObjectStore.ObjectInfo info;
        try {
            info = store.describe(itemId).orElseThrow(() -> new IiifException(404, "no item " + itemId));
        } catch (RepositoryException e) {
            LOG.warn("item {}: {}", itemId, e.getMessage());
            throw new IiifException(503, "the item store cannot be read now");
        }
        Map<String, ObjectStore.StoredFile> files = new java.util.HashMap<>();
        info.files().forEach(f -> files.put(f.path(), f));
        if (!files.containsKey("item.json")) {
            throw new IiifException(404, "no item " + itemId);
        }
        Item item;
        try {
            item = ItemIngester.read(store, itemId);
        } catch (org.kura.repository.DamagedItemException e) {
            // not a moment's outage (503 would invite retries) but a damaged object for staff to restore
            LOG.error("{}", e.getMessage());
            throw new IiifException(500, "item " + itemId + " cannot be shown: its description in the store is damaged");
        } catch (RepositoryException e) {
            // the object has an item.json: not reading it is the store's failure now, not a missing item
            LOG.warn("item {}: {}", itemId, e.getMessage());
            throw new IiifException(503, "the item store cannot be read now");
        }
        Loaded loaded = new Loaded(item, Map.copyOf(files), now);
        items.put(itemId, loaded);
        return loaded;
    }

    /**
     * Drops what is cached about an item when the catalog says it changed after it was read (a new
     * version ingested by another process, such as {@code kura ingest} beside a running server).
     */
    public void refreshIfChangedSince(String itemId, java.time.Instant changedAt) {
        Loaded read = items.get(itemId);
        if (read != null && changedAt != null && !changedAt.isBefore(read.at())) {
            forget(itemId);
        }
    }

    /** Drops what is cached about an item (after a new version, or a change of tier). */
    public void forget(String itemId) {
        items.remove(itemId);
        cache.evictPrefix(itemId);
    }

    /** Resolves {@code <item>~<page>}; 404 for anything else. */
    public PageRef page(String identifier) {
        int tilde = identifier == null ? -1 : identifier.lastIndexOf('~');
        if (tilde < 1 || identifier.length() > 200) {
            throw new IiifException(404, "no image " + identifier);
        }
        Loaded loaded = loaded(identifier.substring(0, tilde));
        Item item = loaded.item();
        int n;
        try {
            n = Integer.parseInt(identifier.substring(tilde + 1));
        } catch (NumberFormatException e) {
            throw new IiifException(404, "no image " + identifier);
        }
        if (n < 1 || n > item.pages().size()) {
            throw new IiifException(404, "item " + item.id() + " has pages 1 to " + item.pages().size());
        }
        Page page = item.pages().get(n - 1);
        Path file = file(loaded, page);
        return new PageRef(item, n, page, file, sources.size(file));
    }

    /** The page's file on disk: where the store keeps it, or a local copy of it from a remote store. */
    private Path file(Loaded loaded, Page page) {
        Item item = loaded.item();
        ObjectStore.StoredFile f = loaded.files().get(page.file());
        if (f == null) {
            throw new IiifException(404, "item " + item.id() + " has no file " + page.file());
        }
        if (f.local() != null) {
            return f.local();
        }
        if (copies == null) {
            throw new IiifException(501, "images are served from local object stores only");
        }
        try {
            return copies.file(store, item.id(), page.file(), f.sha512());
        } catch (RepositoryException e) {
            // the detail names the store's endpoint: logged for operators, not told to the client
            LOG.warn("page {} of item {}: {}", page.file(), item.id(), e.getMessage());
            throw new IiifException(503, "the image store cannot give " + page.file() + " of " + item.id() + " now");
        }
    }

    /** Resolves a request to its plan (400 for bad parameters or sizes beyond the limits). */
    public ImagePlan plan(PageRef page, String region, String size, String rotation, String qualityFormat) {
        return parser.parse(region, size, rotation, qualityFormat, page.size().width, page.size().height);
    }

    /** The image bytes for a plan, from the derivative cache or rendered. */
    public byte[] render(PageRef page, ImagePlan plan) {
        String key = page.item().id() + "/" + page.number() + "/" + plan.canonical(page.size().width, page.size().height);
        return cache.get(key, () -> renderer.render(page.file(), plan));
    }

    /** True when the derivative for this plan is cached (the benchmark tells warm from cold with it). */
    public boolean cached(PageRef page, ImagePlan plan) {
        return cache.contains(page.item().id() + "/" + page.number() + "/" + plan.canonical(page.size().width, page.size().height));
    }

    /** {@code info.json} of a page, with tiles and preferred sizes. */
    public Map<String, Object> info(PageRef page, String serviceId) {
        int w = page.size().width;
        int h = page.size().height;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", CONTEXT);
        m.put("id", serviceId);
        m.put("type", "ImageService3");
        m.put("protocol", "http://iiif.io/api/image");
        m.put("profile", "level2");
        m.put("width", w);
        m.put("height", h);
        m.put("maxWidth", limits.maxWidth());
        m.put("maxHeight", limits.maxHeight());
        m.put("maxArea", limits.maxArea());
        List<Integer> factors = new java.util.ArrayList<>();
        for (int f = 1; f <= 64 && (w / f >= TILE / 4 || h / f >= TILE / 4 || f == 1); f *= 2) {
            factors.add(f);
        }
        m.put("tiles", List.of(Map.of("width", TILE, "height", TILE, "scaleFactors", factors)));
        List<Map<String, Integer>> sizes = new java.util.ArrayList<>();
        for (int f = factors.get(factors.size() - 1); f >= 1; f /= 2) {
            if ((long) (w / f) * (h / f) <= limits.maxArea() && w / f <= limits.maxWidth() && h / f <= limits.maxHeight()) {
                sizes.add(Map.of("width", Math.max(1, w / f), "height", Math.max(1, h / f)));
            }
        }
        m.put("sizes", sizes);
        m.put("extraQualities", List.of("color", "gray", "bitonal"));
        m.put("extraFormats", List.of("png"));
        m.put("extraFeatures", List.of("mirroring", "rotationArbitrary", "regionByPct", "regionSquare", "sizeByConfinedWh",
                "sizeByPct", "sizeUpscaling", "sizeByWh", "cors", "jsonldMediaType", "profileLinkHeader", "canonicalLinkHeader"));
        return m;
    }

    public ImageLimits limits() {
        return limits;
    }
}
