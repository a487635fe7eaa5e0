package org.kura.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntPredicate;

/** Ready-made misbehaviours for {@link OaiPmhTestServer}: the ways real providers fail. */
public final class Faults {
    private Faults() {
    }

    /** Answers ListRecords request number {@code n} (1-based) with an HTTP status and optional Retry-After. */
    public static OaiPmhTestServer.Fault status(IntPredicate listRequest, int status, Integer retryAfterSeconds) {
        return (req, resp) -> {
            if (req.listNumber() == 0 || !listRequest.test(req.listNumber())) {
                return false;
            }
            if (retryAfterSeconds != null) {
                req.exchange().getResponseHeaders().set("Retry-After", retryAfterSeconds.toString());
            }
            OaiPmhTestServer.send(req.exchange(), status, "<html>provider error " + status + "</html>", false);
            return true;
        };
    }

    /** Waits before answering ListRecords request {@code n} (a client with a shorter timeout gives up). */
    public static OaiPmhTestServer.Fault delay(IntPredicate listRequest, Duration delay) {
        return (req, resp) -> {
            if (req.listNumber() > 0 && listRequest.test(req.listNumber())) {
                Thread.sleep(delay.toMillis());
            }
            return false;
        };
    }

    /** Sends the headers and half the body of ListRecords request {@code n}, then stalls. */
    public static OaiPmhTestServer.Fault stallMidBody(IntPredicate listRequest, Duration stall) {
        return (req, resp) -> {
            if (req.listNumber() == 0 || !listRequest.test(req.listNumber())) {
                return false;
            }
            byte[] body = resp.body().getBytes(StandardCharsets.UTF_8);
            req.exchange().getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            req.exchange().sendResponseHeaders(200, body.length);
            OutputStream out = req.exchange().getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(stall.toMillis());
            return true;
        };
    }

    /** Cuts the XML of ListRecords request {@code n} in the middle of a record (malformed page). */
    public static OaiPmhTestServer.Fault truncate(IntPredicate listRequest) {
        return (req, resp) -> {
            if (req.listNumber() > 0 && listRequest.test(req.listNumber())) {
                String b = resp.body();
                int cut = b.indexOf("<record>", b.length() / 2);
                resp.body(b.substring(0, cut < 0 ? b.length() / 2 : cut + 20) + "<broken attr=</OAI-PMH>");
            }
            return false;
        };
    }

    /** Makes ListRecords request {@code n} repeat the resumption token it received (a provider loop). */
    public static OaiPmhTestServer.Fault repeatToken(IntPredicate listRequest) {
        return (req, resp) -> {
            String token = req.args().get("resumptionToken");
            if (token != null && listRequest.test(req.listNumber())) {
                resp.body(resp.body().replaceAll("(<resumptionToken[^>]*>)[^<]*(</resumptionToken>)", "$1" + token + "$2"));
            }
            return false;
        };
    }

    /** Answers ListRecords request {@code n} with badResumptionToken (an expired token). */
    public static OaiPmhTestServer.Fault badToken(IntPredicate listRequest) {
        return (req, resp) -> {
            if (req.args().containsKey("resumptionToken") && listRequest.test(req.listNumber())) {
                String b = resp.body();
                int start = b.indexOf("<ListRecords>");
                resp.body(b.substring(0, start) + "<error code=\"badResumptionToken\">expired</error></OAI-PMH>");
            }
            return false;
        };
    }

    /** Puts a DOCTYPE with an external entity (XXE) and a billion-laughs entity in front of request {@code n}. */
    public static OaiPmhTestServer.Fault doctype(IntPredicate listRequest, String secretFile) {
        return (req, resp) -> {
            if (req.listNumber() > 0 && listRequest.test(req.listNumber())) {
                String doctype = "<!DOCTYPE OAI-PMH [<!ENTITY xxe SYSTEM \"file://" + secretFile + "\">"
                        + "<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
                String b = resp.body();
                int root = b.indexOf("<OAI-PMH");
                b = b.substring(0, root) + doctype + b.substring(root);
                resp.body(b.replaceFirst("<dc:title>", "<dc:title>&xxe;&lol3;"));
            }
            return false;
        };
    }

    /** Streams {@code bytes} of never-ending XML for ListRecords request {@code n}, without holding them. */
    public static OaiPmhTestServer.Fault huge(IntPredicate listRequest, long bytes) {
        return (req, resp) -> {
            if (req.listNumber() == 0 || !listRequest.test(req.listNumber())) {
                return false;
            }
            req.exchange().getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            req.exchange().sendResponseHeaders(200, 0);
            byte[] chunk = "<!-- padding padding padding padding padding padding padding padding -->\n"
                    .repeat(1000).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = req.exchange().getResponseBody()) {
                out.write("<?xml version=\"1.0\"?><OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"
                        .getBytes(StandardCharsets.UTF_8));
                for (long sent = 0; sent < bytes; sent += chunk.length) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected: a bounded client stops reading
            }
            return true;
        };
    }

    public static IntPredicate request(int n) {
        return i -> i == n;
    }

    public static IntPredicate firstRequests(int k) {
        return i -> i <= k;
    }

    public static IntPredicate from(int n) {
        return i -> i >= n;
    }
}
