package org.kura.ingest.xml;

/** Unescapes the five predefined XML entities (in identifiers cut out of serialized XML). */
public final class Entities {
    private Entities() {
    }

    public static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
