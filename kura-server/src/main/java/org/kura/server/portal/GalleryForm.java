package org.kura.server.portal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The gallery editor as plain form fields (no JavaScript needed): the gallery's titles and introduction,
 * then each section ({@code s0.headingJa}, …) with its items ({@code s0.i0.record}, {@code s0.i0.captionJa},
 * …), each with an order number. The form always offers one empty section and two empty item rows per
 * section to fill in; rows left empty are dropped, a section is removed by ticking {@code s0.remove}, an
 * item by emptying its record. {@link #toGallery} reads the posted form back in the chosen order.
 */
public record GalleryForm(String id, String titleJa, String titleEn, String introJa, String introEn, List<SectionRow> sections) {
    static final int MAX_SECTIONS = 50;
    static final int MAX_ITEMS = 100;
    static final int SPARE_ITEMS = 2;

    public record ItemRow(String prefix, int order, String record, String captionJa, String captionEn) {
    }

    public record SectionRow(String prefix, int order, String headingJa, String headingEn, String textJa, String textEn,
                             List<ItemRow> items) {
    }

    /** The form for a gallery (null: a new one), with the empty rows to fill in. */
    static GalleryForm of(Gallery g) {
        List<SectionRow> rows = new ArrayList<>();
        List<Gallery.Section> sections = g == null ? List.of() : g.sections();
        for (int i = 0; i <= sections.size() && i < MAX_SECTIONS; i++) {
            Gallery.Section s = i < sections.size() ? sections.get(i) : null;
            List<ItemRow> items = new ArrayList<>();
            List<Gallery.Item> given = s == null ? List.of() : s.items();
            for (int j = 0; j < given.size() + SPARE_ITEMS && j < MAX_ITEMS; j++) {
                Gallery.Item it = j < given.size() ? given.get(j) : null;
                items.add(new ItemRow("s" + i + ".i" + j, j + 1, it == null ? "" : it.record(), it == null ? "" : nz(it.captionJa()),
                        it == null ? "" : nz(it.captionEn())));
            }
            rows.add(new SectionRow("s" + i, i + 1, s == null ? "" : nz(s.headingJa()), s == null ? "" : nz(s.headingEn()),
                    s == null ? "" : nz(s.textJa()), s == null ? "" : nz(s.textEn()), items));
        }
        return g == null ? new GalleryForm("", "", "", "", "", rows)
                : new GalleryForm(g.id(), g.titleJa(), nz(g.titleEn()), nz(g.introJa()), nz(g.introEn()), rows);
    }

    /**
     * The gallery a posted form describes.
     *
     * @param field a form field's value by name (null when absent)
     * @throws IllegalArgumentException with a message for the editor when something is wrong
     */
    static Gallery toGallery(Function<String, String> field) {
        record Ordered<T>(int order, int index, T value) {
        }
        List<Ordered<Gallery.Section>> sections = new ArrayList<>();
        for (int i = 0; i < MAX_SECTIONS; i++) {
            String p = "s" + i;
            if (field.apply(p + ".headingJa") == null && field.apply(p + ".i0.record") == null) {
                break;
            }
            List<Ordered<Gallery.Item>> items = new ArrayList<>();
            for (int j = 0; j < MAX_ITEMS; j++) {
                String q = p + ".i" + j;
                String record = trim(field.apply(q + ".record"));
                if (field.apply(q + ".record") == null) {
                    break;
                }
                if (record.isEmpty()) {
                    continue;
                }
                if (!record.matches("[A-Za-z0-9._-]{1,64}:\\S.{0,1000}")) {
                    throw new IllegalArgumentException("an item names a record as provider:identifier: " + record);
                }
                items.add(new Ordered<>(order(field.apply(q + ".order"), j), j, new Gallery.Item(record, blankToNull(field.apply(q + ".captionJa")),
                        blankToNull(field.apply(q + ".captionEn")))));
            }
            String headingJa = trim(field.apply(p + ".headingJa"));
            boolean empty = headingJa.isEmpty() && trim(field.apply(p + ".headingEn")).isEmpty() && trim(field.apply(p + ".textJa")).isEmpty()
                    && trim(field.apply(p + ".textEn")).isEmpty() && items.isEmpty();
            if (empty || "on".equals(field.apply(p + ".remove"))) {
                continue;
            }
            items.sort(Comparator.comparingInt((Ordered<Gallery.Item> o) -> o.order()).thenComparingInt(Ordered::index));
            sections.add(new Ordered<>(order(field.apply(p + ".order"), i), i, new Gallery.Section(blankToNull(headingJa),
                    blankToNull(field.apply(p + ".headingEn")), blankToNull(field.apply(p + ".textJa")), blankToNull(field.apply(p + ".textEn")),
                    items.stream().map(Ordered::value).toList())));
        }
        sections.sort(Comparator.comparingInt((Ordered<Gallery.Section> o) -> o.order()).thenComparingInt(Ordered::index));
        return new Gallery(trim(field.apply("id")), trim(field.apply("titleJa")), blankToNull(field.apply("titleEn")),
                blankToNull(field.apply("introJa")), blankToNull(field.apply("introEn")), sections.stream().map(Ordered::value).toList());
    }

    static Function<String, String> from(Map<String, List<String>> form) {
        return name -> {
            List<String> v = form.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        };
    }

    private static int order(String v, int index) {
        try {
            return v == null || v.isBlank() ? index + 1 : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an order is a number: " + v);
        }
    }

    private static String trim(String v) {
        return v == null ? "" : v.strip();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }
}
