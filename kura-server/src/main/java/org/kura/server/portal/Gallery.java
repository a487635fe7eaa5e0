package org.kura.server.portal;

import java.util.List;

/**
 * A curated exhibition: ordered sections of text, each with chosen records and their captions, in
 * both languages. Items name records as {@code provider:identifier}.
 */
public record Gallery(String id, String titleJa, String titleEn, String introJa, String introEn, List<Section> sections) {
    public record Section(String headingJa, String headingEn, String textJa, String textEn, List<Item> items) {
        public Section {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public String heading(Lang lang) {
            return pick(lang, headingJa, headingEn);
        }

        public String text(Lang lang) {
            return pick(lang, textJa, textEn);
        }
    }

    public record Item(String record, String captionJa, String captionEn) {
        public String caption(Lang lang) {
            return pick(lang, captionJa, captionEn);
        }
    }

    public Gallery {
        if (id == null || !Theme.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a gallery id is 1-64 of a-z, 0-9 and '-': " + id);
        }
        if (titleJa == null || titleJa.isBlank()) {
            throw new IllegalArgumentException("a gallery needs a Japanese title");
        }
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public String title(Lang lang) {
        return pick(lang, titleJa, titleEn);
    }

    public String intro(Lang lang) {
        return pick(lang, introJa, introEn);
    }

    static String pick(Lang lang, String ja, String en) {
        String v = lang == Lang.EN && en != null && !en.isBlank() ? en : ja;
        return v == null ? "" : v;
    }
}
