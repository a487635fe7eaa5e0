package org.kura.server.portal;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The interface language of a page: the {@code lang} query parameter, else the {@code kura_lang}
 * cookie set by the language switch, else the browser's {@code Accept-Language}, else Japanese.
 */
public enum Lang {
    JA("ja"), EN("en");

    static final String COOKIE = "kura_lang";
    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Lang other() {
        return this == JA ? EN : JA;
    }

    /** The language for {@code code}, or null when it is not one of ours. */
    public static Lang of(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        return c.equals("ja") ? JA : c.equals("en") ? EN : null;
    }

    public static Lang of(Context ctx) {
        Lang l = of(ctx.queryParam("lang"));
        if (l == null) {
            l = of(ctx.cookie(COOKIE));
        }
        if (l == null) {
            l = fromAcceptLanguage(ctx.header("Accept-Language"));
        }
        return l == null ? JA : l;
    }

    /** The first of ja/en in the header's preference order (q-values honoured), or null. */
    static Lang fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                String range = r.getRange();
                Lang l = of(range.length() >= 2 ? range.substring(0, 2) : range);
                if (l != null && r.getWeight() > 0) {
                    return l;
                }
            }
        } catch (IllegalArgumentException e) {
            return null; // a malformed header: use the default
        }
        return null;
    }
}
