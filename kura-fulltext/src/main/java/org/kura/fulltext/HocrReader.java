package org.kura.fulltext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads hOCR as Tesseract writes it ({@code tesseract image out hocr}): XHTML whose {@code ocr_page}
 * gives the page size ({@code bbox x0 y0 x1 y1} in its {@code title}), whose lines are the elements
 * of class {@code ocr_line}, {@code ocrx_line}, {@code ocr_textfloat}, {@code ocr_header} or
 * {@code ocr_caption}, and whose words are {@code ocrx_word}s with their own bbox. Lines are read in
 * document order; a line without words gives its own text. The alternatives Tesseract can add
 * inside a word ({@code lstm_choice_mode}) are not read; per-character boxes are not kept.
 *
 * <p>Tesseract's {@code <!DOCTYPE html PUBLIC … xhtml1-transitional.dtd>} is passed over, never
 * fetched; a DOCTYPE with an internal subset (entity declarations) is refused. The XML entities and
 * character references decode; a few HTML entities ({@code &nbsp;} and the like) are mapped, other
 * undeclared ones are kept as written. Not-well-formed HTML is refused.
 *
 * <p>A bbox that is not four numbers with x0 ≤ x1 and y0 ≤ y1 is dropped: the word or line keeps its
 * text without a box (a line then takes the box around its words). A line is vertical when its box
 * is taller than wide (Tesseract's {@code jpn_vert} writes each column as a line) or its
 * {@code textangle} is about 90 or 270; the page is vertical when most lines are. One
 * {@code ocr_page} per file: a file with several is refused.
 */
public final class HocrReader implements PageTextReader {
    private static final String SOURCE = "hocr";
    private static final Set<String> LINE_CLASSES = Set.of("ocr_line", "ocrx_line", "ocr_textfloat", "ocr_header", "ocr_caption");
    private static final Map<String, String> HTML_ENTITIES = Map.ofEntries(
            Map.entry("nbsp", "\u00A0"), Map.entry("shy", "\u00AD"), Map.entry("ensp", "\u2002"),
            Map.entry("emsp", "\u2003"), Map.entry("thinsp", "\u2009"), Map.entry("ndash", "\u2013"),
            Map.entry("mdash", "\u2014"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"), Map.entry("hellip", "\u2026"),
            Map.entry("middot", "\u00B7"), Map.entry("laquo", "\u00AB"), Map.entry("raquo", "\u00BB"),
            Map.entry("copy", "\u00A9"), Map.entry("deg", "\u00B0"), Map.entry("yen", "\u00A5"));

    @Override
    public String format() {
        return SOURCE;
    }

    /** True when the root element is {@code html} and {@code ocr_page} appears in the first 8 KiB. */
    @Override
    public boolean accepts(byte[] head) {
        return "html".equalsIgnoreCase(XmlSniffer.rootName(head)) && XmlSniffer.headMentions(head, "ocr_page");
    }

    @Override
    public PageText read(byte[] bytes, int page) {
        PageLimits.checkSize(bytes);
        return XmlSource.parse(bytes, "hOCR", r -> new Parse().run(r, page));
    }

    /**
     * A property of an hOCR {@code title} ({@code ;}-separated, {@code ;} inside double quotes not
     * separating): its value after the name, or null.
     */
    static String property(String title, String name) {
        if (title == null) {
            return null;
        }
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= title.length(); i++) {
            char c = i < title.length() ? title.charAt(i) : ';';
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && (!quoted || i == title.length())) {
                String p = title.substring(start, i).strip();
                if (p.startsWith(name) && (p.length() == name.length() || Character.isWhitespace(p.charAt(name.length())))) {
                    return p.substring(name.length()).strip();
                }
                start = i + 1;
            }
        }
        return null;
    }

    /** The {@code bbox x0 y0 x1 y1} of a title as a box, or null when absent or not four ordered numbers. */
    static Box bbox(String title) {
        String value = property(title, "bbox");
        if (value == null) {
            return null;
        }
        String[] parts = value.split("\\s+");
        if (parts.length != 4) {
            return null;
        }
        Integer x0 = Coords.number(parts[0]);
        Integer y0 = Coords.number(parts[1]);
        Integer x1 = Coords.number(parts[2]);
        Integer y1 = Coords.number(parts[3]);
        if (x0 == null || y0 == null || x1 == null || y1 == null || x1 < x0 || y1 < y0) {
            return null;
        }
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** True when the title's textangle is within 45 degrees of 90 or 270. */
    static boolean sideways(String title) {
        Integer angle = Coords.number(property(title, "textangle"));
        if (angle == null) {
            return false;
        }
        int a = Math.floorMod(angle, 180);
        return a > 45 && a < 135;
    }

    private static Set<String> classes(XMLStreamReader r) {
        String c = XmlSource.attr(r, "class");
        return c == null || c.isBlank() ? Set.of() : Set.of(c.strip().split("\\s+"));
    }

    private static String collapse(CharSequence s) {
        return s.toString().strip().replaceAll("\\s+", " ");
    }

    /** One document's parse state. */
    private static final class Parse {
        final PageLines lines = new PageLines();
        final Deque<Line> open = new ArrayDeque<>();
        int depth;
        int pages;
        int width;
        int height;
        int wordDepth = -1;
        int skipDepth = -1;
        Box wordBox;
        final StringBuilder word = new StringBuilder();

        PageText run(XMLStreamReader r, int page) throws XMLStreamException {
            boolean root = true;
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.DTD -> {
                        if (!r.getText().isBlank()) {
                            throw new TextFormatException("hOCR with declarations in its DOCTYPE is refused: DTDs and entities are never read");
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (root) {
                            if (!r.getLocalName().equalsIgnoreCase("html")) {
                                throw new TextFormatException("not hOCR: the root element is <" + r.getLocalName() + ">, not <html>");
                            }
                            root = false;
                        }
                        start(r);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        end();
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text(r.getText());
                    case XMLStreamConstants.ENTITY_REFERENCE -> text(HTML_ENTITIES.getOrDefault(r.getLocalName(), "&" + r.getLocalName() + ";"));
                    default -> {
                    }
                }
            }
            if (pages == 0) {
                throw new TextFormatException("not hOCR: no element of class ocr_page");
            }
            return lines.build(page, width, height, SOURCE);
        }

        void start(XMLStreamReader r) {
            if (skipDepth >= 0) {
                return;
            }
            Set<String> classes = classes(r);
            String title = XmlSource.attr(r, "title");
            if (wordDepth >= 0) {
                // inside a word: per-character boxes hold the word's characters, LSTM choices do not
                if (classes.contains("ocr_symbol") || classes.contains("ocrx_cinfo") && property(title, "x_bboxes") == null) {
                    skipDepth = depth;
                }
                return;
            }
            if (classes.contains("ocr_page")) {
                if (++pages > 1) {
                    throw new TextFormatException("hOCR file has more than one ocr_page; one file per page image is expected");
                }
                Box box = bbox(title);
                if (box != null) {
                    width = box.w();
                    height = box.h();
                }
            } else if (classes.stream().anyMatch(LINE_CLASSES::contains)) {
                Line outer = open.peek();
                if (outer != null) {
                    outer.flush(lines);
                }
                open.push(new Line(depth, bbox(title), sideways(title)));
            } else if (classes.contains("ocrx_word")) {
                wordDepth = depth;
                wordBox = bbox(title);
                word.setLength(0);
            }
        }

        void end() {
            if (depth == skipDepth) {
                skipDepth = -1;
            } else if (depth == wordDepth) {
                wordDepth = -1;
                String text = collapse(word);
                if (!text.isEmpty()) {
                    TextLine.Word w = new TextLine.Word(text, wordBox);
                    if (open.isEmpty()) {
                        lines.add(TextLine.fromWords(List.of(w), null, false));
                    } else {
                        open.peek().words.add(w);
                    }
                }
            } else if (!open.isEmpty() && depth == open.peek().depth) {
                open.pop().flush(lines);
            }
        }

        void text(String s) {
            if (skipDepth >= 0 || s.isBlank() && wordDepth >= 0) {
                return;
            }
            if (wordDepth >= 0) {
                word.append(s);
            } else if (!open.isEmpty()) {
                open.peek().text.append(s);
            }
        }
    }

    /** A line being read: its words, or its own text when it has none. */
    private static final class Line {
        final int depth;
        final Box box;
        final boolean sideways;
        final List<TextLine.Word> words = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Line(int depth, Box box, boolean sideways) {
            this.depth = depth;
            this.box = box;
            this.sideways = sideways;
        }

        /** Adds what was read so far as a line (words first, else the line's own text) and starts afresh. */
        void flush(PageLines lines) {
            if (!words.isEmpty()) {
                lines.add(TextLine.fromWords(words, box, sideways));
            } else if (!text.isEmpty() && !collapse(text).isEmpty()) {
                lines.add(new TextLine(collapse(text), box, List.of(), sideways));
            }
            words.clear();
            text.setLength(0);
        }
    }
}
