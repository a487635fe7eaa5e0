package org.kura.server.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The portal's interface texts in Japanese and English ({@code portal/messages_ja.properties} and
 * {@code _en}, UTF-8). A key missing in one language is a build error caught by the tests; at run
 * time it shows as the key itself rather than failing the page.
 */
public final class Messages {
    private final Map<Lang, Properties> texts = new EnumMap<>(Lang.class);

    public Messages() {
        for (Lang l : Lang.values()) {
            texts.put(l, load("/portal/messages_" + l.code() + ".properties"));
        }
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public String get(Lang lang, String key, Object... args) {
        String text = texts.get(lang).getProperty(key);
        if (text == null) {
            return key;
        }
        return args.length == 0 ? text : new MessageFormat(text, java.util.Locale.forLanguageTag(lang.code())).format(args);
    }

    public boolean has(Lang lang, String key) {
        return texts.get(lang).containsKey(key);
    }

    /** Keys present in one language and not the other (for the tests). */
    public java.util.Set<String> unmatchedKeys() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Lang l : Lang.values()) {
            for (String k : texts.get(l).stringPropertyNames()) {
                if (!texts.get(l.other()).containsKey(k)) {
                    out.add(l.other().code() + ": " + k);
                }
            }
        }
        return out;
    }
}
