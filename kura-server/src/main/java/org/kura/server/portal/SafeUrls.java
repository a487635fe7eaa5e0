package org.kura.server.portal;

import java.util.Locale;

/**
 * The only URLs a page puts into {@code href} and {@code src}: never {@code javascript:}, {@code data:} or
 * a protocol-relative {@code //host}; anything else is shown as text or left out.
 */
final class SafeUrls {
    private SafeUrls() {
    }

    /** An http(s) URL, stripped, or null. */
    static String external(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? u : null;
    }

    /** An http(s) URL or a path on this site, stripped, or null. */
    static String externalOrSameSite(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        return u.startsWith("/") && !u.startsWith("//") ? u : external(u);
    }
}
