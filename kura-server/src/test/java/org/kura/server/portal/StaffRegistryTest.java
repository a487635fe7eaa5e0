package org.kura.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kura.catalog.Institution;

/**
 * The staff pages for readers, institutions and terminals, the reader's account page and the registry's
 * admin API, over real HTTP: what staff register takes effect at the next request (an address range lets
 * a LIBRARY item through, a suspended reader's session stops), forms check every field and keep what was
 * typed, CSRF and the staff login guard every change, names are escaped.
 */
class StaffRegistryTest {
    static PortalFixture fx;
    static final HttpClient http = HttpClient.newHttpClient();
    static String staffCookie;
    static String csrf;

    @BeforeAll
    static void start() throws Exception {
        fx = new PortalFixture();
        HttpResponse<String> ok = post("/admin/login", null, "token", PortalFixture.ADMIN_TOKEN);
        staffCookie = cookie(ok);
        csrf = csrf(get("/admin/institutions", staffCookie, null).body());
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    static HttpResponse<String> get(String path, String cookie, String forwardedFor) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.base() + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String cookie, String... form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(PortalTest.enc(form[i])).append('=').append(PortalTest.enc(form[i + 1]));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form posted through the trusted proxy on behalf of {@code client}. */
    static HttpResponse<String> postFrom(String client, String path, String cookie, String... form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(PortalTest.enc(form[i])).append('=').append(PortalTest.enc(form[i + 1]));
        }
        return http.send(HttpRequest.newBuilder(URI.create(fx.base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie).header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String cookie(HttpResponse<String> r) {
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF field in %s", html).isTrue();
        return m.group(1);
    }

    static HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.base() + path)).header("Authorization", "Bearer " + PortalFixture.ADMIN_TOKEN)
                .header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anInstitutionStaffAddIsEntitledFromItsAddressesAtTheNextRequest() throws Exception {
        String manifest = "/iiif/3/item-text-lib/manifest";
        assertThat(get(manifest, null, "192.0.2.7").statusCode()).as("before: anonymous").isEqualTo(401);
        HttpResponse<String> added = post("/admin/institutions", staffCookie, "csrf", csrf, "isil", "JP-1000777", "name", "試験大学図書館",
                "country", "jp", "ipRanges", "192.0.2.0/24\n2001:db8::/32");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/institutions/JP-1000777?message=saved");
        assertThat(get(manifest, null, "192.0.2.7").statusCode()).as("from the range").isEqualTo(200);
        assertThat(get(manifest, null, "198.51.100.1").statusCode()).as("outside the range").isEqualTo(401);
        Institution stored = fx.store.institutions().stream().filter(i -> i.isil().equals("JP-1000777")).findFirst().orElseThrow();
        assertThat(stored.country()).isEqualTo("JP");
        assertThat(stored.ipRanges()).containsExactly("192.0.2.0/24", "2001:db8::/32");
        assertThat(stored.keyHash()).isNull();

        // a key issued later is shown once and works from anywhere
        HttpResponse<String> keyed = post("/admin/institutions/JP-1000777/key", staffCookie, "csrf", csrf);
        Matcher m = Pattern.compile("id=\"institution-key\">(kinst_[0-9a-f]+)<").matcher(keyed.body());
        assertThat(m.find()).isTrue();
        HttpRequest byKey = HttpRequest.newBuilder(URI.create(fx.base() + manifest)).header("X-Institution-Key", m.group(1)).build();
        assertThat(http.send(byKey, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(get("/admin/institutions/JP-1000777", staffCookie, null).body()).doesNotContain(m.group(1));

        // removing it takes the entitlement away at once
        assertThat(post("/admin/institutions/JP-1000777/delete", staffCookie, "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(get(manifest, null, "192.0.2.7").statusCode()).isEqualTo(401);
    }

    @Test
    void aBadRangeIsShownNextToItsFieldAndNothingIsSaved() throws Exception {
        HttpResponse<String> bad = post("/admin/institutions", staffCookie, "csrf", csrf, "isil", "JP 1", "name", "",
                "country", "Japan", "ipRanges", "192.0.2.0/33\n10.0.0.999\n0.0.0.0/0\n198.51.100.0/24");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"err-ipRanges\"", "192.0.2.0/33", "10.0.0.999", "範囲が広すぎます：「0.0.0.0/0」",
                "id=\"err-isil\"", "id=\"err-name\"", "id=\"err-country\"", "aria-invalid=\"true\"");
        assertThat(bad.body()).as("what was typed is kept").contains("value=\"JP 1\"", "value=\"Japan\"",
                ">192.0.2.0/33\n10.0.0.999\n0.0.0.0/0\n198.51.100.0/24</textarea>");
        assertThat(fx.store.institutions()).noneMatch(i -> i.isil().startsWith("JP 1"));
        HttpResponse<String> en = post("/admin/institutions?lang=en", staffCookie, "csrf", csrf, "isil", "JP-2", "name", "x",
                "ipRanges", "not-an-address");
        assertThat(en.body()).contains("Not an IP address or CIDR range: \"not-an-address\".");
        assertThat(post("/admin/terminals", staffCookie, "csrf", csrf, "id", "t1", "name", "閲覧室1").body())
                .as("a terminal needs ranges").contains("id=\"err-ipRanges\"");
        assertThat(fx.store.terminals()).isEmpty();
    }

    @Test
    void withoutTheCsrfTokenOrTheStaffLoginNothingChanges() throws Exception {
        assertThat(post("/admin/institutions", staffCookie, "isil", "JP-9", "name", "x").statusCode()).isEqualTo(403);
        assertThat(post("/admin/institutions", staffCookie, "csrf", "forged", "isil", "JP-9", "name", "x").statusCode()).isEqualTo(403);
        assertThat(post("/admin/readers", staffCookie, "name", "nocsrf").statusCode()).isEqualTo(403);
        assertThat(post("/admin/institutions", null, "csrf", csrf, "isil", "JP-9", "name", "x").statusCode()).isEqualTo(401);
        assertThat(fx.store.institutions()).noneMatch(i -> i.isil().equals("JP-9"));
        assertThat(fx.store.reader("nocsrf")).isEmpty();
        for (String page : new String[] {"/admin/readers", "/admin/institutions", "/admin/terminals"}) {
            HttpResponse<String> r = get(page, null, null);
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow()).isEqualTo("/admin/login");
        }
        assertThat(api("GET", "/api/admin/readers", null).statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(fx.base() + "/api/admin/institutions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void namesAreEscaped() throws Exception {
        assertThat(post("/admin/institutions", staffCookie, "csrf", csrf, "isil", "JP-666", "name", "<script>alert(1)</script>館",
                "ipRanges", "203.0.113.0/24").statusCode()).isEqualTo(303);
        assertThat(post("/admin/readers", staffCookie, "csrf", csrf, "name", "xss", "displayName", "\"><img src=x onerror=alert(2)>")
                .statusCode()).isEqualTo(200);
        String institutions = get("/admin/institutions", staffCookie, null).body();
        assertThat(institutions).contains("&lt;script&gt;alert(1)&lt;/script&gt;館").doesNotContain("<script>alert(1)");
        String readers = get("/admin/readers", staffCookie, null).body();
        assertThat(readers).contains("\"&gt;&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img src=x");
        assertThat(get("/admin/readers/xss", staffCookie, null).body()).as("inside a quoted attribute only the quote matters")
                .contains("value=\"&#34;>&lt;img src=x onerror=alert(2)>\"");
    }

    @Test
    void aReaderStaffAddSignsInWithTheOneTimePasswordUntilSuspended() throws Exception {
        HttpResponse<String> added = post("/admin/readers", staffCookie, "csrf", csrf, "name", "hanako", "displayName", "山田花子",
                "country", "JP", "printDisabled", "on");
        assertThat(added.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("id=\"one-time-password\">([a-z2-9-]{19})<").matcher(added.body());
        assertThat(m.find()).as(added.body()).isTrue();
        String password = m.group(1);
        assertThat(post("/admin/readers", staffCookie, "csrf", csrf, "name", "hanako").body()).as("a name is taken once")
                .contains("id=\"err-name\"", "利用者ID hanako は使われています。");

        HttpResponse<String> login = post("/login", null, "name", "hanako", "password", password, "return", "/account");
        assertThat(login.statusCode()).isEqualTo(303);
        String reader = cookie(login);
        String account = get("/account", reader, null).body();
        assertThat(account).contains("hanako でログイン中", "山田花子", "JP", "action=\"/logout\"");
        assertThat(account).as("print-disabled: LIBRARY text, no PDF").containsSubsequence("図書館送信資料", "可", "—", "可");
        assertThat(get("/search?q=x", reader, null).body()).contains("hanako でログイン中", "action=\"/logout\"");
        assertThat(get("/iiif/3/item-text-lib/manifest", reader, null).statusCode()).isEqualTo(200);

        // staff make the reader an ordinary one, then suspend: the session stops at once
        assertThat(post("/admin/readers/hanako", staffCookie, "csrf", csrf, "displayName", "山田花子", "country", "").statusCode()).isEqualTo(303);
        assertThat(get("/account", reader, null).body()).contains("いいえ").doesNotContain(">JP<");
        assertThat(post("/admin/readers/hanako/disable", staffCookie, "csrf", csrf).statusCode()).isEqualTo(303);
        HttpResponse<String> after = get("/account", reader, null);
        assertThat(after.statusCode()).isEqualTo(303);
        assertThat(after.headers().firstValue("Location").orElseThrow()).isEqualTo("/login?return=/account");
        assertThat(get("/iiif/3/item-text-lib/manifest", reader, null).statusCode()).isEqualTo(401);
        assertThat(post("/login", null, "name", "hanako", "password", password).statusCode()).isEqualTo(401);
        assertThat(get("/admin/readers?status=disabled", staffCookie, null).body()).contains("/admin/readers/hanako");
        assertThat(get("/admin/readers?status=active", staffCookie, null).body()).doesNotContain("/admin/readers/hanako");
        assertThat(get("/admin/readers?q=" + PortalTest.enc("花子"), staffCookie, null).body()).contains("/admin/readers/hanako");
        assertThat(post("/admin/readers/hanako/enable", staffCookie, "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(post("/login", null, "name", "hanako", "password", password).statusCode()).isEqualTo(303);
        assertThat(post("/admin/readers/hanako/delete", staffCookie, "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(fx.store.reader("hanako")).isEmpty();
    }

    @Test
    void aReaderChangesTheirPassword() throws Exception {
        assertThat(post("/admin/readers", staffCookie, "csrf", csrf, "name", "taro", "password", "first password 1").statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = get("/account", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).isEqualTo("/login?return=/account");
        String reader = cookie(post("/login", null, "name", "taro", "password", "first password 1"));
        String token = csrf(get("/account", reader, null).body());
        assertThat(post("/account/password", reader, "current", "first password 1", "password", "second password 2",
                "password2", "second password 2").statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> wrong = post("/account/password", reader, "csrf", token, "current", "not it at all",
                "password", "short", "password2", "other");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"err-current\"", "id=\"err-password\"", "id=\"err-password2\"");
        assertThat(post("/account/password", reader, "csrf", token, "current", "first password 1", "password", "second password 2",
                "password2", "second password 2").statusCode()).isEqualTo(303);
        assertThat(post("/login", null, "name", "taro", "password", "first password 1").statusCode()).isEqualTo(401);
        assertThat(post("/login", null, "name", "taro", "password", "second password 2").statusCode()).isEqualTo(303);
        // guessing the current password counts like failed sign-ins (from an address of its own, not to lock the other tests out)
        for (int i = 0; i < 5; i++) {
            assertThat(postFrom("203.0.113.50", "/account/password", reader, "csrf", token, "current", "guess " + i, "password", "x",
                    "password2", "x").statusCode()).isEqualTo(400);
        }
        assertThat(postFrom("203.0.113.50", "/account/password", reader, "csrf", token, "current", "second password 2",
                "password", "third password 3", "password2", "third password 3").body()).contains("しばらくログインできません");
        assertThat(post("/login", null, "name", "taro", "password", "second password 2").statusCode()).isEqualTo(429);
    }

    @Test
    void theAdminApiKeepsTheSameRules() throws Exception {
        HttpResponse<String> bad = api("POST", "/api/admin/institutions", "{\"isil\":\"JP-3\",\"name\":\"API館\",\"ipRanges\":[\"10.0.0.0/99\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("ipRanges: Not an IP address or CIDR range");
        HttpResponse<String> ok = api("POST", "/api/admin/institutions",
                "{\"isil\":\"JP-3\",\"name\":\"API館\",\"ipRanges\":[\"10.9.0.0/16\"],\"issueKey\":true}");
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).contains("\"key\":\"kinst_", "\"hasKey\":true");
        assertThat(api("POST", "/api/admin/institutions", "{\"isil\":\"JP-3\",\"name\":\"again\"}").statusCode()).isEqualTo(409);
        assertThat(api("GET", "/api/admin/institutions", null).body()).contains("JP-3", "10.9.0.0/16").doesNotContain("kinst_");
        HttpResponse<String> reader = api("POST", "/api/admin/readers", "{\"name\":\"jiro\",\"country\":\"FR\"}");
        assertThat(reader.statusCode()).isEqualTo(201);
        assertThat(reader.body()).contains("\"password\":\"");
        assertThat(api("PUT", "/api/admin/readers/jiro", "{\"country\":\"DE\",\"disabled\":true}").body()).contains("\"country\":\"DE\"",
                "\"disabled\":true");
        assertThat(api("DELETE", "/api/admin/readers/jiro", null).statusCode()).isEqualTo(204);
        assertThat(api("DELETE", "/api/admin/institutions/JP-3", null).statusCode()).isEqualTo(204);
        assertThat(api("DELETE", "/api/admin/institutions/JP-3", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aTerminalStaffAddIsEntitledFromItsAddressAtTheNextRequest() throws Exception {
        String manifest = "/iiif/3/item-text-lib/manifest";
        // an address no other test registers (namesAreEscaped leaves an institution on 203.0.113.0/24)
        assertThat(get(manifest, null, "100.64.7.40").statusCode()).as("before: anonymous").isEqualTo(401);
        HttpResponse<String> added = post("/admin/terminals", staffCookie, "csrf", csrf, "id", "reading-room-2", "name", "閲覧室2",
                "ipRanges", "100.64.7.40/32");
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(get(manifest, null, "100.64.7.40").statusCode()).as("from the terminal").isEqualTo(200);
        assertThat(get(manifest, null, "100.64.7.41").statusCode()).as("the next address is not the terminal").isEqualTo(401);
        assertThat(get("/iiif/3/item-secret/manifest", null, "100.64.7.40").statusCode()).as("withheld stays withheld")
                .isIn(401, 403, 404);
        assertThat(post("/admin/terminals/reading-room-2/delete", staffCookie, "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(get(manifest, null, "100.64.7.40").statusCode()).as("removed at once").isEqualTo(401);
    }

    @Test
    void aRotatedInstitutionKeyEndsTheOldOneAtOnce() throws Exception {
        String manifest = "/iiif/3/item-text-lib/manifest";
        HttpResponse<String> made = api("POST", "/api/admin/institutions", "{\"isil\":\"JP-4\",\"name\":\"鍵の館\",\"issueKey\":true}");
        assertThat(made.statusCode()).isEqualTo(201);
        String first = key(made.body());
        assertThat(byKey(manifest, first)).isEqualTo(200);
        HttpResponse<String> rotated = api("POST", "/api/admin/institutions/JP-4/key", null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = key(rotated.body());
        assertThat(second).isNotEqualTo(first);
        assertThat(byKey(manifest, first)).as("the old key").isEqualTo(401);
        assertThat(byKey(manifest, second)).as("the new key").isEqualTo(200);
        assertThat(api("POST", "/api/admin/institutions/JP-none/key", null).statusCode()).isEqualTo(404);
        assertThat(api("DELETE", "/api/admin/institutions/JP-4", null).statusCode()).isEqualTo(204);
        assertThat(byKey(manifest, second)).as("removed with its institution").isEqualTo(401);
    }

    private static String key(String json) {
        Matcher m = Pattern.compile("\"key\":\"(kinst_[0-9a-f]+)\"").matcher(json);
        assertThat(m.find()).as("a key in %s", json).isTrue();
        return m.group(1);
    }

    private static int byKey(String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fx.base() + path)).header("X-Institution-Key", key).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
