package org.kura.server.fulltext;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.fulltext.TextIngester;
import org.kura.repository.RepositoryException;
import org.kura.server.ApiJson;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * Adding text to items over HTTP (staff; the admin API's bearer token guards {@code /api/admin/*}), for
 * when the server holds the embedded index and the CLI cannot:
 * <pre>
 * POST /api/admin/items/{item}/text         multipart files (field "file", repeatable): ALTO / hOCR / NDLOCR / plain text,
 *                                           the page from each file name; stored, quarantined with reasons, indexed
 * POST /api/admin/items/{item}/text/index   index the item's stored text again
 * </pre>
 */
public final class TextAdminRoutes implements RouteGroup {
    static final int MAX_FILES = 5_000;
    private final TextIngester ingester;
    private final java.util.function.ToIntFunction<String> indexText;

    /** @param indexText indexes an item's stored text and returns the pages indexed */
    public TextAdminRoutes(TextIngester ingester, java.util.function.ToIntFunction<String> indexText) {
        this.ingester = ingester;
        this.indexText = indexText;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/api/admin/items/{item}/text", this::upload);
        app.post("/api/admin/items/{item}/text/index", ctx -> {
            String item = item(ctx);
            ApiJson.send(ctx, "application/json", Map.of("item", item, "indexed", index(item)));
        });
    }

    private void upload(Context ctx) throws IOException {
        String item = item(ctx);
        List<UploadedFile> files = ctx.uploadedFiles("file");
        if (files.isEmpty()) {
            throw ProblemException.badRequest("send the page files as multipart field \"file\" (repeatable)");
        }
        if (files.size() > MAX_FILES) {
            throw ProblemException.badRequest("at most " + MAX_FILES + " files at once");
        }
        List<TextIngester.Input> inputs = new ArrayList<>();
        for (UploadedFile f : files) {
            if (f.size() > TextIngester.MAX_FILE) {
                inputs.add(new TextIngester.Input(0, f.filename(), null)); // quarantined as too large, with its name
                continue;
            }
            try (InputStream in = f.content()) {
                inputs.add(new TextIngester.Input(0, f.filename() == null ? "file" : f.filename(), in.readAllBytes()));
            }
        }
        TextIngester.Result r;
        try {
            r = ingester.ingest(item, inputs, "upload", "admin-api");
        } catch (RepositoryException e) {
            throw ProblemException.notFound(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("item", item);
        out.put("version", r.version());
        out.put("pages", r.pages());
        out.put("indexed", index(item));
        out.put("quarantined", r.problems().stream().map(p -> Map.of("file", p.file(), "page", p.page(), "reason", p.reason())).toList());
        out.put("pagesWithText", r.report().pagesWithText());
        ApiJson.send(ctx, "application/json", out);
    }

    private int index(String item) {
        try {
            return indexText.applyAsInt(item);
        } catch (RepositoryException e) {
            throw ProblemException.notFound(e.getMessage());
        }
    }

    private static String item(Context ctx) {
        String id = ctx.pathParam("item");
        if (!org.kura.repository.Item.isValidId(id)) {
            throw ProblemException.notFound("no item " + id);
        }
        return id;
    }


}
