package org.kura.server.iiif;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.ItemEntry;
import org.kura.catalog.RecordJson;
import org.kura.catalog.StoredRecord;
import org.kura.iiif.IiifException;
import org.kura.iiif.ImagePlan;
import org.kura.iiif.ImageService;
import org.kura.iiif.ManifestBuilder;
import org.kura.model.AccessTier;
import org.kura.model.Record;
import org.kura.repository.Item;
import org.kura.repository.ObjectStore;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;
import org.kura.server.access.AccessAudit;
import org.kura.server.access.AccessPolicy;
import org.kura.server.access.Action;
import org.kura.server.access.ItemGate;
import org.kura.server.access.Principal;
import org.kura.server.access.PrincipalResolver;

/**
 * IIIF for digitized items, every byte behind the {@link AccessPolicy}.
 *
 * <pre>
 * GET /iiif/3/image/{item}~{page}/info.json                          image information (VIEW)
 * GET /iiif/3/image/{item}~{page}                                    303 → info.json
 * GET /iiif/3/image/{item}~{page}/{region}/{size}/{rotation}/{q}.{f} an image (VIEW; THUMBNAIL when it is a
 *                                                                    full view at most 200 px on its longer side)
 * GET /iiif/3/{item}/manifest                                        Presentation 3.0 manifest (MANIFEST)
 * GET /iiif/3/{item}/pdf                                             the item's PDF (DOWNLOAD)
 * </pre>
 * Images of non-public items announce IIIF Authorization Flow 2.0 services ({@link IiifAuthRoutes}) in
 * the manifest and in info.json.
 * <pre>
 * </pre>
 * A refusal is 401 for anonymous clients (they may be entitled once recognised) and 403 otherwise,
 * as problem+json: no image byte, no page count, no title. The item's tier is the catalog's
 * (items table), so a change of tier takes effect at once. Restricted answers are {@code private}
 * to caches.
 */
public final class IiifRoutes implements RouteGroup {
    private final ImageService images;
    private final ManifestBuilder manifests;
    private final ObjectStore objects;
    private final CatalogStore catalog;
    private final ItemGate gate;
    private final String base;
    private final java.util.function.BiFunction<Item, String, List<java.util.Map<String, Object>>> manifestServices;

    public IiifRoutes(ImageService images, ObjectStore objects, CatalogStore catalog, AccessPolicy policy,
                      PrincipalResolver principals, AccessAudit audit, String baseUrl, List<String> trustedProxies) {
        this(images, objects, catalog, policy, principals, audit, baseUrl, trustedProxies, (item, base) -> List.of());
    }

    /**
     * @param manifestServices services to announce on an item's manifest (Content Search when the item has
     *                         text), from the item and the base URL
     */
    public IiifRoutes(ImageService images, ObjectStore objects, CatalogStore catalog, AccessPolicy policy,
                      PrincipalResolver principals, AccessAudit audit, String baseUrl, List<String> trustedProxies,
                      java.util.function.BiFunction<Item, String, List<java.util.Map<String, Object>>> manifestServices) {
        this(images, objects, catalog, new ItemGate(catalog, policy, principals, audit, trustedProxies), baseUrl, manifestServices);
    }

    /** Over a gate shared with the other item routes (one audit, one usage count). */
    public IiifRoutes(ImageService images, ObjectStore objects, CatalogStore catalog, ItemGate gate, String baseUrl,
                      java.util.function.BiFunction<Item, String, List<java.util.Map<String, Object>>> manifestServices) {
        this.images = images;
        this.manifests = new ManifestBuilder(images);
        this.objects = objects;
        this.catalog = catalog;
        this.gate = gate;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.manifestServices = manifestServices;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/iiif/3/image/{id}", ctx -> ctx.redirect(base + "/iiif/3/image/" + ctx.pathParam("id") + "/info.json",
                io.javalin.http.HttpStatus.SEE_OTHER));
        app.get("/iiif/3/image/{id}/info.json", this::info);
        app.get("/iiif/3/image/{id}/{region}/{size}/{rotation}/{qf}", this::image);
        app.get("/iiif/3/{item}/manifest", this::manifest);
        app.get("/iiif/3/{item}/pdf", this::pdf);
        app.exception(IiifException.class, (e, ctx) -> {
            throw new ProblemException(e.status(), e.status() == 404 ? "Not Found" : e.status() == 400 ? "Bad Request"
                    : e.status() == 501 ? "Not Implemented" : e.status() == 503 ? "Service Unavailable" : "Internal Server Error", e.getMessage());
        });
    }

    /** The item's tier from the catalog (read on every request: a change of tier applies at once). */
    private AccessTier tier(String itemId) {
        java.util.Optional<ItemEntry> entry = catalog.item(itemId);
        entry.ifPresent(e -> images.refreshIfChangedSince(itemId, e.updatedAt()));
        return entry.map(ItemEntry::tier).orElse(AccessTier.WITHHELD);
    }

    private void check(Context ctx, String itemId, Action action) {
        gate.check(ctx, itemId, tier(itemId), action);
    }

    private static String itemOf(String imageId) {
        int tilde = imageId.lastIndexOf('~');
        if (tilde < 1) {
            throw new IiifException(404, "no image " + imageId);
        }
        return imageId.substring(0, tilde);
    }

    private void info(Context ctx) {
        String id = ctx.pathParam("id");
        String item = itemOf(id);
        AccessTier tier = tier(item);
        gate.check(ctx, item, tier, Action.VIEW);
        ImageService.PageRef page = images.page(id);
        ctx.contentType("application/ld+json;profile=\"" + ImageService.CONTEXT + "\"");
        ctx.header("Link", "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\"");
        Map<String, Object> info = images.info(page, base + "/iiif/3/image/" + id);
        if (tier != AccessTier.PUBLIC) {
            info = new java.util.LinkedHashMap<>(info);
            info.put("service", IiifAuthRoutes.services(base, item)); // IIIF Auth 2.0: how a viewer asks for access
        }
        ctx.result(json(info));
    }

    private void image(Context ctx) {
        String id = ctx.pathParam("id");
        String itemId = itemOf(id);
        Principal p = gate.principal(ctx);
        AccessTier tier = tier(itemId);
        boolean view = gate.allows(p, tier, Action.VIEW);
        if (!view && !gate.allows(p, tier, Action.THUMBNAIL)) {
            check(ctx, itemId, Action.VIEW); // refuses, before the item is even opened (no page count leaks)
        }
        ImageService.PageRef page = images.page(id);
        ImagePlan plan = images.plan(page, ctx.pathParam("region"), ctx.pathParam("size"), ctx.pathParam("rotation"),
                ctx.pathParam("qf"));
        // a thumbnail is recognised by what it really asks for: the whole page, small
        boolean thumbnail = plan.region().width == page.size().width && plan.region().height == page.size().height
                && Math.max(plan.width(), plan.height()) <= AccessPolicy.THUMBNAIL_MAX;
        check(ctx, itemId, thumbnail && !view ? Action.THUMBNAIL : Action.VIEW);
        byte[] bytes = images.render(page, plan);
        ctx.contentType(plan.format().equals("png") ? "image/png" : "image/jpeg");
        ctx.header("Link", "<" + base + "/iiif/3/image/" + id + "/" + plan.canonical(page.size().width, page.size().height)
                + ">;rel=\"canonical\", <http://iiif.io/api/image/3/level2.json>;rel=\"profile\"");
        ctx.result(bytes);
    }

    private void manifest(Context ctx) {
        String itemId = ctx.pathParam("item");
        check(ctx, itemId, Action.MANIFEST);
        Item item = images.item(itemId);
        ItemEntry entry = catalog.item(itemId).orElse(null);
        ManifestBuilder.Context c = context(item, entry);
        ctx.contentType("application/ld+json;profile=\"" + ManifestBuilder.CONTEXT + "\"");
        ctx.result(json(manifests.build(item, base, c)));
    }

    private ManifestBuilder.Context context(Item item, ItemEntry entry) {
        String title = item.title();
        String providerName = null;
        String rightsUri = null;
        String ja = null;
        String en = null;
        String recordUrl = null;
        String rdfUrl = null;
        List<String[]> metadata = new java.util.ArrayList<>();
        if (entry != null && entry.providerId() != null) {
            StoredRecord r = catalog.record(entry.providerId(), entry.recordIdentifier()).orElse(null);
            providerName = catalog.provider(entry.providerId()).map(p -> p.nameJa()).orElse(entry.providerId());
            String enc = java.net.URLEncoder.encode(entry.recordIdentifier(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20");
            recordUrl = base + "/api/records/" + enc + "?provider=" + entry.providerId();
            rdfUrl = base + "/api/records/" + enc + ".rdf?provider=" + entry.providerId();
            if (r != null && r.normalized() != null) {
                Record rec = r.normalized();
                title = rec.mainTitle();
                rightsUri = rec.rights().condition().uri();
                ja = rec.rights().condition().labelJa();
                en = rec.rights().condition().labelEn();
                rec.agents().forEach(a -> metadata.add(new String[] {"Creator", "作成者", a.name()}));
                if (rec.issued() != null && rec.issued().original() != null) {
                    metadata.add(new String[] {"Date", "日付", rec.issued().original()});
                }
            }
            metadata.add(new String[] {"Provider", "提供機関", providerName});
        }
        // the item's DOI, to whoever may open the manifest (the manifest of a WITHHELD item is staff-only)
        catalog.doiOfItem(item.id()).ifPresent(d -> metadata.add(new String[] {"DOI", "DOI", d.url()}));
        boolean restricted = entry == null || entry.tier() != AccessTier.PUBLIC;
        return new ManifestBuilder.Context(title, providerName, rightsUri, ja, en, recordUrl, rdfUrl, metadata,
                restricted ? IiifAuthRoutes.services(base, item.id()) : List.of(), manifestServices.apply(item, base));
    }

    private void pdf(Context ctx) throws IOException {
        String itemId = ctx.pathParam("item");
        check(ctx, itemId, Action.DOWNLOAD);
        Item item = images.item(itemId);
        if (item.pdf() == null) {
            throw new IiifException(404, "item " + itemId + " has no PDF");
        }
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "inline; filename=\"" + itemId + ".pdf\"");
        try (InputStream in = objects.open(itemId, item.pdf())) {
            in.transferTo(ctx.outputStream());
        }
    }

    private static String json(Object o) {
        try {
            return RecordJson.mapper().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
