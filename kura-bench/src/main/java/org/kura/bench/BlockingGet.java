package org.kura.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A GET on the calling thread with a kept-alive connection, as a load generator such as wrk sends it: the
 * JDK's asynchronous client hands each answer between its selector and worker threads, which on two cores
 * shared with the server cost about a millisecond of CPU a request (docs/benchmarks.md).
 */
final class BlockingGet {
    private BlockingGet() {
    }

    /** @return the size of the body; anything but 200 stops the benchmark with the answer */
    static long get(String url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        int status = c.getResponseCode();
        if (status != 200) {
            InputStream err = c.getErrorStream();
            String body = err == null ? "" : new String(err.readNBytes(500), StandardCharsets.UTF_8);
            throw new IllegalStateException("HTTP " + status + " for " + url + ": " + body);
        }
        try (InputStream in = c.getInputStream()) {
            // read to the end, so that the connection goes back to the keep-alive cache for the next request
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
