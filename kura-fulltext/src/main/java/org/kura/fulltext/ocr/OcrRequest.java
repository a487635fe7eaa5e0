package org.kura.fulltext.ocr;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to recognize a page as.
 *
 * @param languages the engine's language models joined with {@code +}, most likely first
 *                  ({@code jpn+jpn_vert+eng})
 * @param vertical  a hint that the page is written mainly in vertical lines (tategaki)
 * @param timeout   how long one page may take once the engine has started on it
 */
public record OcrRequest(String languages, boolean vertical, Duration timeout) {
    private static final Pattern LANGUAGES = Pattern.compile("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*");

    public OcrRequest {
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(timeout, "timeout");
        if (!LANGUAGES.matcher(languages).matches()) {
            throw new IllegalArgumentException("languages are names joined with '+' (jpn+jpn_vert+eng): " + languages);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a page's timeout is positive: " + timeout);
        }
    }
}
