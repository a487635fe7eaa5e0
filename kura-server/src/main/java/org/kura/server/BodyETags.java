package org.kura.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * ETags for GET answers built in memory (JSON, pages, XML) that set none of their own: a CRC-32C of the
 * body and its length, and 304 Not Modified for a matching {@code If-None-Match}. Streamed answers (dumps,
 * images) are left alone, as are routes with their own validators (records, datasets). Javalin's
 * {@code generateEtags} does the same with a checksum read a byte at a time, which was close to half of
 * the HTTP cost of a search answer (docs/benchmarks.md).
 */
final class BodyETags {
    private BodyETags() {
    }

    static void install(Javalin app) {
        app.after(BodyETags::apply);
    }

    static void apply(Context ctx) {
        if (ctx.method() != HandlerType.GET || ctx.status() != HttpStatus.OK || ctx.res().getHeader("ETag") != null) {
            return;
        }
        InputStream result = ctx.resultInputStream();
        if (!(result instanceof ByteArrayInputStream body)) {
            return;
        }
        byte[] bytes = body.readAllBytes();
        body.reset();
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        String etag = "\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(bytes.length) + "\"";
        ctx.header("ETag", etag);
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            ctx.result(new byte[0]);
        }
    }

    /** Whether an If-None-Match header (a list of tags, weak or strong, or *) names {@code etag}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
