package org.kura.server.datasets;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * The bulk datasets.
 *
 * <pre>
 * GET /datasets          public   the published dumps with counts, sizes, SHA-256, licence, dates (JSON)
 * GET /datasets/{file}   public   one dump (gzip), with ETag = its SHA-256
 * </pre>
 * Only files listed in the manifest are served; names are checked before any file is touched.
 */
public final class DatasetRoutes implements RouteGroup {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private final DatasetExporter exporter;

    public DatasetRoutes(DatasetExporter exporter) {
        this.exporter = exporter;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/datasets", ctx -> ctx.json(Map.of("datasets", exporter.list())));
        app.get("/api/datasets", ctx -> ctx.json(Map.of("datasets", exporter.list()))); // the same list under /api
        app.get("/datasets/{file}", ctx -> {
            String name = ctx.pathParam("file");
            if (!NAME.matcher(name).matches() || name.contains("..")) {
                throw ProblemException.badRequest("not a dataset file name: " + name);
            }
            Dataset d = exporter.list().stream().filter(x -> x.file().equals(name)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("no dataset " + name + "; see /datasets"));
            Path file = exporter.file(name);
            if (file == null || !Files.isRegularFile(file)) {
                throw ProblemException.notFound("dataset " + name + " is listed but its file is missing");
            }
            String etag = "\"" + d.sha256() + "\"";
            ctx.header("ETag", etag);
            ctx.header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(
                    java.util.HexFormat.of().parseHex(d.sha256())));
            ctx.header("Cache-Control", "public, max-age=86400, immutable");
            if (etag.equals(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
            ctx.contentType("application/gzip");
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
            ctx.header("Content-Length", Long.toString(Files.size(file)));
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(ctx.outputStream());
            } catch (IOException e) {
                throw new ProblemException(500, "Internal Server Error", "cannot read dataset " + name);
            }
        });
    }
}
