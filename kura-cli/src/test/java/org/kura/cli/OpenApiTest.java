package org.kura.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.cli.config.ConfigLoader;
import org.kura.server.KuraServer;

/**
 * The OpenAPI document matches the implementation: the server as the composition root builds it
 * serves exactly the routes the document describes, method by method.
 */
class OpenApiTest {
    @TempDir
    Path dir;

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteIsServed() throws Exception {
        try (Wiring w = new Wiring(new ConfigLoader(Map.of()).load(null, dir.toString()));
             KuraServer server = w.server(0).start()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/api/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode doc = new ObjectMapper().readTree(r.body());
            assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
            assertThat(doc.path("servers").get(0).path("url").asText()).startsWith("http://localhost:");
            Set<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                for (Iterator<String> methods = p.getValue().fieldNames(); methods.hasNext(); ) {
                    String m = methods.next();
                    documented.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
                    JsonNode op = p.getValue().path(m);
                    assertThat(op.path("responses").size()).as(m + " " + p.getKey() + " has responses").isPositive();
                    assertThat(op.path("summary").asText()).as(m + " " + p.getKey() + " has a summary").isNotBlank();
                }
            }
            Set<String> served = new TreeSet<>(server.routes());
            served.removeIf(route -> route.startsWith("HEAD ") || route.startsWith("OPTIONS ") || route.startsWith("BEFORE ")
                    || route.startsWith("AFTER ")); // filters, not routes
            assertThat(documented).as("documented routes").containsExactlyElementsOf(served);
        }
    }
}
