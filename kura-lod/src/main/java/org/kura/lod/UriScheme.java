package org.kura.lod;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Kura's stable Linked Data URIs: {@code {base}/id/record/{provider}/{identifier}} (the identifier
 * URL-encoded), {@code {base}/id/provider/{id}}, {@code {base}/id/agent/{key}}. The server answers
 * them with 303 to a description, so they name things, not documents.
 */
public final class UriScheme {
    private final String base;

    public UriScheme(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String record(String providerId, String identifier) {
        return base + "/id/record/" + providerId + "/" + encode(identifier);
    }

    public String provider(String providerId) {
        return base + "/id/provider/" + providerId;
    }

    /** A provider and an identifier, when {@code uri} is a record URI of this scheme. */
    public Optional<String[]> parseRecord(String uri) {
        String prefix = base + "/id/record/";
        if (uri == null || !uri.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = uri.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String[] {rest.substring(0, slash),
                    URLDecoder.decode(rest.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
