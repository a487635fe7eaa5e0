package org.kura.fulltext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The page-text fixtures in {@code src/test/resources/fixtures/text} (see the README there). */
final class TextFixtures {
    private TextFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TextFixtures.class.getResourceAsStream("/fixtures/text/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The texts of the page's lines. */
    static List<String> texts(PageText page) {
        return page.lines().stream().map(TextLine::text).toList();
    }

    /** The vertical flags of the page's lines. */
    static List<Boolean> verticals(PageText page) {
        return page.lines().stream().map(TextLine::vertical).toList();
    }
}
