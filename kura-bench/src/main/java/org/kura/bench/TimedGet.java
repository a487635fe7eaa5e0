package org.kura.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** One GET over loopback, timed from send to the last byte; anything but 200 stops the benchmark with the answer. */
final class TimedGet {
    private TimedGet() {
    }

    /** @return milliseconds */
    static double get(HttpClient http, String url) throws Exception {
        long t = System.nanoTime();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            String body = new String(r.body(), 0, Math.min(r.body().length, 500), StandardCharsets.UTF_8);
            throw new IllegalStateException("HTTP " + r.statusCode() + " for " + url + ": " + body);
        }
        return (System.nanoTime() - t) / 1e6;
    }
}
