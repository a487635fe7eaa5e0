package org.kura.server.fulltext;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.fulltext.ContentSearch;
import org.kura.fulltext.FullTextSearch;
import org.kura.fulltext.PageTextIndex;
import org.kura.fulltext.TextStore;
import org.kura.iiif.IiifException;
import org.kura.iiif.ImageService;
import org.kura.model.AccessTier;
import org.kura.search.query.QuerySyntaxException;
import org.kura.server.ApiJson;
import org.kura.server.HarvestRoutes;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;
import org.kura.server.access.Action;
import org.kura.server.access.ItemGate;
import org.kura.server.access.Principal;

/**
 * The text of digitized items over HTTP, every answer decided by the AccessPolicy through the
 * {@link ItemGate}:
 * <pre>
 * GET /api/fulltext?q=&records=&provider=&page=&size=
 *                                              full-text search across items (with records=: only items of the
 *                                              records a metadata query finds, its 500 best): records, matching pages and
 *                                              passages (whole passages where the reader may read the item,
 *                                              a few short snippets within limits where they may only locate it)
 * GET /iiif/3/{item}/search?q=&page=           IIIF Content Search 2.0 (VIEW; surrounding text only with FULLTEXT)
 * GET /iiif/3/{item}/autocomplete?q=           its autocomplete (VIEW)
 * GET /iiif/3/{item}/search1?q=                Content Search 1.0, for Mirador 3 (VIEW)
 * GET /iiif/3/{item}/autocomplete1?q=          its autocomplete
 * GET /api/items/{item}/text                   the item's text as plain text (FULLTEXT)
 * GET /api/items/{item}/text.epub              the item's text as EPUB 3 (FULLTEXT)
 * GET /api/items/{item}/text/report            where each page's text came from, quarantined files (staff)
 * </pre>
 */
public final class TextRoutes implements RouteGroup {
    private final FullTextSearch search;
    private final ContentSearch contentSearch;
    private final TextStore texts;
    private final ImageService images;
    private final ItemGate gate;
    private final TextExports exports;
    private final String base;
    private final RecordScope records;

    /** The records a metadata query finds ({@code provider:identifier}), for full-text search within them. */
    @FunctionalInterface
    public interface RecordScope {
        List<String> recordIds(String metadataQuery);
    }

    public TextRoutes(FullTextSearch search, ContentSearch contentSearch, TextStore texts, ImageService images, ItemGate gate,
                      TextExports exports, String baseUrl) {
        this(search, contentSearch, texts, images, gate, exports, baseUrl, null);
    }

    public TextRoutes(FullTextSearch search, ContentSearch contentSearch, TextStore texts, ImageService images, ItemGate gate,
                      TextExports exports, String baseUrl, RecordScope records) {
        this.records = records;
        this.search = search;
        this.contentSearch = contentSearch;
        this.texts = texts;
        this.images = images;
        this.gate = gate;
        this.exports = exports;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/fulltext", this::fulltext);
        app.get("/iiif/3/{item}/search", ctx -> {
            Granted g = item(ctx, Action.VIEW);
            json(ctx, "application/ld+json;profile=\"" + ContentSearch.CONTEXT_2 + "\"", contentSearch.search2(g.id(), query(ctx),
                    HarvestRoutes.intParam(ctx.queryParam("page"), 1), base, n -> canvasSize(g.id(), n), mayRead(g), ignored(ctx)));
        });
        app.get("/iiif/3/{item}/autocomplete", ctx -> json(ctx, "application/ld+json",
                contentSearch.autocomplete2(item(ctx, Action.VIEW).id(), ctx.queryParamAsClass("q", String.class).getOrDefault(""), base)));
        app.get("/iiif/3/{item}/search1", ctx -> {
            Granted g = item(ctx, Action.VIEW);
            json(ctx, "application/ld+json", contentSearch.search1(g.id(), query(ctx), base, n -> canvasSize(g.id(), n), mayRead(g)));
        });
        app.get("/iiif/3/{item}/autocomplete1", ctx -> json(ctx, "application/ld+json",
                contentSearch.autocomplete1(item(ctx, Action.VIEW).id(), ctx.queryParamAsClass("q", String.class).getOrDefault(""), base)));
        app.get("/api/items/{item}/text", ctx -> {
            String id = item(ctx, Action.FULLTEXT).id();
            exportsConfigured();
            ctx.contentType("text/plain; charset=utf-8");
            ctx.header("Content-Disposition", "inline; filename=\"" + id + ".txt\"");
            exports.plain(id, ctx.outputStream());
        });
        app.get("/api/items/{item}/text.epub", ctx -> {
            String id = item(ctx, Action.FULLTEXT).id();
            exportsConfigured();
            ctx.contentType("application/epub+zip");
            ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".epub\"");
            exports.epub(id, ctx.outputStream());
        });
        app.get("/api/items/{item}/text/report", ctx -> {
            String id = checkedId(ctx.pathParam("item"));
            Principal p = gate.principal(ctx);
            if (p.kind() != Principal.Kind.STAFF) {
                throw p.kind() == Principal.Kind.ANONYMOUS ? new ProblemException(401, "Unauthorized", "staff only")
                        : new ProblemException(403, "Forbidden", "staff only");
            }
            ctx.header("Cache-Control", "private, no-store");
            json(ctx, "application/json", texts.report(id).orElseThrow(() -> ProblemException.notFound("item " + id + " has no text")));
        });
    }

    /** A server built without exports (a benchmark, a test of search only) answers 404 for them, not 500. */
    private void exportsConfigured() {
        if (exports == null) {
            throw ProblemException.notFound("text exports are not offered by this server");
        }
    }

    /** An item the request was let into: its id, who asked, and its tier. */
    private record Granted(String id, Principal principal, AccessTier tier) {
    }

    /** The item named in the path, once the request may have {@code action} of it (else 401/403/404). */
    private Granted item(Context ctx, Action action) {
        String id = checkedId(ctx.pathParam("item"));
        AccessTier tier = gate.tier(id);
        Principal p = gate.check(ctx, id, tier, action);
        try {
            images.item(id); // cached: no object lookup per request
        } catch (IiifException e) {
            throw ProblemException.notFound("no item " + id);
        }
        return new Granted(id, p, tier);
    }

    private static String checkedId(String id) {
        if (!org.kura.repository.Item.isValidId(id)) {
            throw ProblemException.notFound("no item " + id);
        }
        return id;
    }

    /** Whether who asked may also read the item's text (Content Search then gives the words around a hit). */
    private boolean mayRead(Granted g) {
        return gate.allows(g.principal(), g.tier(), Action.FULLTEXT);
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("q is required: the words to look for");
        }
        return q;
    }

    /** Content Search parameters Kura does not implement (the spec wants them named). */
    private static List<String> ignored(Context ctx) {
        List<String> out = new ArrayList<>();
        for (String p : List.of("motivation", "date", "user")) {
            if (ctx.queryParam(p) != null) {
                out.add(p);
            }
        }
        return out;
    }

    private int[] canvasSize(String itemId, int page) {
        try {
            ImageService.PageRef ref = images.page(itemId + "~" + page);
            return new int[] {ref.size().width, ref.size().height};
        } catch (IiifException e) {
            return null;
        }
    }

    private void fulltext(Context ctx) {
        String q = query(ctx);
        int page = HarvestRoutes.intParam(ctx.queryParam("page"), 1);
        int size = HarvestRoutes.intParam(ctx.queryParam("size"), 20);
        if (page < 1 || page > 500 || size < 1) {
            throw ProblemException.badRequest("page must be 1–500 and size at least 1");
        }
        Principal p = gate.principal(ctx);
        TextEntitlement entitlement = new TextEntitlement(gate, p);
        FullTextSearch.Result r;
        try {
            String within = ctx.queryParam("records");
            List<String> recordIds = within == null || within.isBlank() || records == null ? null : records.recordIds(within);
            r = search.search(q, ctx.queryParam("provider"), recordIds, page, Math.min(size, 50), gate.readerKey(ctx, p), entitlement);
        } catch (QuerySyntaxException | IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid query: " + e.getMessage());
        }
        ctx.header("Cache-Control", "private, no-store");
        audit(ctx, gate, entitlement, r);
        json(ctx, "application/json", view(r, q));
    }

    /** Passages of non-public items given out are grants like any other (the audit log skips public items). */
    public static void audit(Context ctx, ItemGate gate, TextEntitlement entitlement, FullTextSearch.Result r) {
        for (FullTextSearch.ItemResult i : r.results()) {
            if (!i.passages().isEmpty()) {
                gate.granted(ctx, entitlement.principal(), i.itemId(), entitlement.tier(i.itemId()),
                        i.access() == FullTextSearch.Access.FULL ? Action.FULLTEXT : Action.SNIPPET);
            }
        }
    }

    private Map<String, Object> view(FullTextSearch.Result r, String q) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (FullTextSearch.ItemResult i : r.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("item", i.itemId());
            m.put("record", i.recordId());
            m.put("provider", i.provider());
            m.put("title", i.title());
            m.put("access", i.access() == FullTextSearch.Access.FULL ? "full" : "location");
            m.put("pagesMatched", i.pagesMatched());
            m.put("pages", i.pages().stream().map(pg -> {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("page", pg.page());
                pm.put("label", pg.label());
                pm.put("viewer", viewerLink(base, i.itemId(), pg.page(), q));
                return pm;
            }).toList());
            m.put("passages", i.passages().stream().map(TextRoutes::passage).toList());
            if (i.heldBack() != null) {
                m.put("heldBack", i.heldBack());
            }
            m.put("manifest", base + "/iiif/3/" + i.itemId() + "/manifest");
            items.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", q);
        out.put("items", r.items());
        out.put("pagesInResults", r.pages());
        out.put("limits", Map.of("snippetsPerItem", search.limits().snippetsPerItem(), "snippetChars", search.limits().snippetChars()));
        out.put("results", items);
        return out;
    }

    /** The viewer opened at the page, with the search run inside the book so that the hit is highlighted. */
    public static String viewerLink(String base, String itemId, int page, String q) {
        return base + "/viewer?manifest=" + enc(base + "/iiif/3/" + itemId + "/manifest") + "&page=" + page + "&q=" + enc(q);
    }

    /** A passage as plain text and the offsets of its hits (no markup for clients to unescape). */
    static Map<String, Object> passage(FullTextSearch.Passage p) {
        StringBuilder plain = new StringBuilder();
        List<int[]> hits = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < p.text().length(); i++) {
            char c = p.text().charAt(i);
            if (c == PageTextIndex.HIT_START) {
                open = plain.length();
            } else if (c == PageTextIndex.HIT_END) {
                if (open >= 0) {
                    hits.add(new int[] {open, plain.length()});
                }
                open = -1;
            } else {
                plain.append(c);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("page", p.page());
        m.put("label", p.label());
        m.put("text", plain.toString());
        m.put("hits", hits);
        return m;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A JSON document open to other origins. */
    private static void json(Context ctx, String type, Object o) {
        ApiJson.send(ctx, type, o);
        ctx.header("Access-Control-Allow-Origin", "*");
    }

    /** Item text for people entitled to it: plain text and EPUB 3 (implemented over kura-fulltext's exporters). */
    public interface TextExports {
        void plain(String itemId, java.io.OutputStream out) throws java.io.IOException;

        void epub(String itemId, java.io.OutputStream out) throws java.io.IOException;
    }

}
