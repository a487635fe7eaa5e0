package org.kura.fulltext.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.kura.fulltext.PageText;

/**
 * What an accessible text export of a digitized item holds: the item's description and its pages'
 * text in reading order. The exports ({@link PlainTextExport}, {@link EpubExport}) read {@link #pages}
 * once, in order, page by page, so that a long book can be passed as a list that loads each page's
 * text when asked ({@code get(i)}) and never holds the whole text; the list is therefore not copied.
 * The descriptive texts and labels are kept without control characters, stripped, a blank one as null.
 *
 * @param itemId     the item's id in Kura (the EPUB's identifier is {@link #urn()})
 * @param title      the item's title
 * @param language   the text's language as a BCP 47 tag ({@code ja}, {@code en}, {@code ja-Latn})
 * @param creators   creators' names as they should be read, in order (may be empty)
 * @param publisher  the publisher, or null
 * @param date       the date of publication as the catalog gives it ({@code 1905}, {@code 明治38}), or null
 * @param rights     the rights statement to show with the text (what may be done with it), or null
 * @param pages      the pages' text in reading order
 * @param pageLabels the printed page labels ({@code 表紙}, {@code p. 1}), one per page in the same
 *                   order, an entry null or blank where a page has none; or empty when no page has one
 * @param modified   when the item's text last changed: the EPUB's {@code dcterms:modified}, never the
 *                   clock, so that the same text always gives the same bytes
 */
public record AccessibleText(String itemId, String title, String language, List<String> creators,
                             String publisher, String date, String rights, List<PageText> pages,
                             List<String> pageLabels, Instant modified) {

    /** The prefix of an item's identifier in exported files. */
    public static final String URN_PREFIX = "urn:kura:item:";

    public AccessibleText {
        requireText(itemId, "itemId");
        title = blankToNull(title);
        requireText(title, "title");
        requireText(language, "language");
        try {
            language = new Locale.Builder().setLanguageTag(language).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("not a BCP 47 language tag: " + language, e);
        }
        creators = creators == null ? List.of()
                : creators.stream().map(AccessibleText::blankToNull).filter(Objects::nonNull).toList();
        publisher = blankToNull(publisher);
        date = blankToNull(date);
        rights = blankToNull(rights);
        Objects.requireNonNull(pages, "pages");
        pages = Collections.unmodifiableList(pages);
        if (pageLabels == null || pageLabels.isEmpty()) {
            pageLabels = List.of();
        } else {
            if (pageLabels.size() != pages.size()) {
                throw new IllegalArgumentException(
                        pageLabels.size() + " page labels for " + pages.size() + " pages");
            }
            List<String> copy = new ArrayList<>(pageLabels.size());
            for (String l : pageLabels) {
                copy.add(blankToNull(l));
            }
            pageLabels = Collections.unmodifiableList(copy);
        }
        Objects.requireNonNull(modified, "modified");
    }

    /** A text with no publisher, date, rights statement or page labels. */
    public static AccessibleText of(String itemId, String title, String language, List<String> creators,
                                    List<PageText> pages, Instant modified) {
        return new AccessibleText(itemId, title, language, creators, null, null, null, pages, List.of(), modified);
    }

    /** The same text with these page labels (one per page, null where a page has none). */
    public AccessibleText withPageLabels(List<String> labels) {
        return new AccessibleText(itemId, title, language, creators, publisher, date, rights, pages, labels, modified);
    }

    /** The same text with this publisher, date and rights statement. */
    public AccessibleText withPublication(String publisher, String date, String rights) {
        return new AccessibleText(itemId, title, language, creators, publisher, date, rights, pages, pageLabels, modified);
    }

    /** The printed label of the page at this index in {@link #pages}, or null when it has none. */
    public String labelAt(int index) {
        return pageLabels.isEmpty() ? null : pageLabels.get(index);
    }

    /**
     * The page's name for page navigation: its printed label, else its number ({@code 12}). The
     * page-break markers' {@code aria-label} and the page list use it.
     */
    public String pageName(int index, PageText page) {
        String label = labelAt(index);
        return label != null ? label : Integer.toString(page.page());
    }

    /**
     * The item's identifier as a URN, {@code urn:kura:item:<id>}, the id percent-encoded (UTF-8)
     * where it has characters a URN may not hold.
     */
    public String urn() {
        StringBuilder sb = new StringBuilder(URN_PREFIX);
        for (byte b : itemId.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~:@!$&'()*+,;=".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    private static void requireText(String s, String name) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Without characters that are not text (see {@link Xml#clean}), stripped; null when nothing is left. */
    private static String blankToNull(String s) {
        String c = Xml.clean(s).strip();
        return c.isEmpty() ? null : c;
    }
}
