package org.kura.server;

import io.javalin.Javalin;
import org.kura.catalog.CatalogStore;
import org.kura.model.Provider;

/**
 * <pre>
 * GET /    public   a plain landing page: what is here and where the APIs are (the portal replaces it)
 * </pre>
 */
public final class HomeRoutes implements RouteGroup {
    private final CatalogStore store;

    public HomeRoutes(CatalogStore store) {
        this.store = store;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/", ctx -> {
            StringBuilder rows = new StringBuilder();
            for (Provider p : store.providers()) {
                rows.append("<tr><td>").append(Html.escape(p.id())).append("</td><td>").append(Html.escape(p.nameJa()))
                        .append(p.nameEn() == null ? "" : " / " + Html.escape(p.nameEn())).append("</td><td>")
                        .append(store.countRecords(p.id(), false)).append("</td><td>").append(store.countQuarantine(p.id()))
                        .append("</td></tr>");
            }
            ctx.contentType("text/html; charset=utf-8").result("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Kura 蔵</title>"
                    + org.kura.server.opensearch.OpenSearchRoutes.autodiscoveryLink()
                    + "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
                    + "td,th{padding:.3rem .8rem;text-align:left}</style></head><body>"
                    + "<h1>Kura 蔵</h1><p>Harvested metadata, kept faithfully. 収集したメタデータ。</p>"
                    + "<h2>Providers / データ提供機関</h2><table><tr><th>id</th><th>name</th><th>records</th>"
                    + "<th>quarantined</th></tr>" + rows + "</table><h2>APIs</h2><ul>"
                    + "<li><a href=\"/api/providers\">/api/providers</a>, <a href=\"/api/openapi.json\">OpenAPI</a></li>"
                    + "<li><a href=\"/oai?verb=Identify\">/oai</a> (OAI-PMH), <a href=\"/sru\">/sru</a> (SRU), "
                    + "<a href=\"/opensearch.xml\">OpenSearch</a>, /sparql, <a href=\"/datasets\">/datasets</a></li>"
                    + "<li>/api/records/{URL-encoded identifier}</li>"
                    + "<li>/api/admin/providers, /api/admin/harvests (Authorization: Bearer &lt;admin token&gt;)</li>"
                    + "<li><a href=\"/health\">/health</a>, <a href=\"/metrics\">/metrics</a></li></ul></body></html>");
        });
    }
}
