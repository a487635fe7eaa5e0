package org.kura.server.portal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The portal map's optional tile layer, an operator's choice (off by default: the map draws its bundled
 * Natural Earth base map and asks no other server for anything). With a tile URL template such as the
 * GSI's {@code https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png}, the map shows those tiles too and
 * the pages' Content-Security-Policy names the tile server's origin in {@code img-src}.
 *
 * @param tileUrl         an http(s) URL template with {@code {z}}, {@code {x}}, {@code {y}} (and optionally
 *                        {@code {s}}), or null for none
 * @param tileAttribution the attribution the tile provider requires (shown on the map), or null
 */
public record MapSettings(String tileUrl, String tileAttribution) {

    public MapSettings {
        tileUrl = tileUrl == null || tileUrl.isBlank() ? null : tileUrl.strip();
        tileAttribution = tileAttribution == null || tileAttribution.isBlank() ? null : tileAttribution.strip();
        if (tileUrl != null) {
            if (!tileUrl.matches("https?://[^\\s\"'<>;,]+") || !tileUrl.contains("{z}") || !tileUrl.contains("{x}")
                    || !tileUrl.contains("{y}")) {
                throw new IllegalArgumentException("map tile URL must be an http(s) template with {z}, {x} and {y}: " + tileUrl);
            }
            origin(tileUrl);
        }
    }

    /** No tile layer: the bundled base map only. */
    public static MapSettings none() {
        return new MapSettings(null, null);
    }

    /** The CSP source of the tile server ({@code https://host[:port]}, {@code {s}} as a {@code *} label), or null. */
    public String tileOrigin() {
        return tileUrl == null ? null : origin(tileUrl);
    }

    private static String origin(String template) {
        try {
            URI u = new URI(template.replace("{s}", "s0").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
                    .replace("{r}", ""));
            if (u.getHost() == null) {
                throw new IllegalArgumentException("map tile URL has no host: " + template);
            }
            String host = template.contains("{s}.") ? u.getHost().replaceFirst("^s0\\.", "*.") : u.getHost();
            return u.getScheme() + "://" + host + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("map tile URL is not a URL: " + template, e);
        }
    }
}
