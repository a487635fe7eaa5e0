package org.kura.fulltext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads ALTO (Analyzed Layout and Text Object) v2, v3 and v4, and the older un-namespaced or CCS
 * ({@code http://schema.ccs-gmbh.com/ALTO}) files: the {@code Page}'s WIDTH and HEIGHT, and each
 * {@code TextLine} (wherever it sits: TextBlock, ComposedBlock, margins) in document order, which is
 * taken as reading order. A line's words are its {@code String}s (CONTENT and box); {@code SP} only
 * separates them; a line-end {@code HYP} is kept as the hyphen at the end of the last word (words
 * split over two lines are not joined). {@code Glyph}s and alternatives are not read.
 *
 * <p>Coordinates (HPOS, VPOS, WIDTH, HEIGHT; decimals are rounded) are kept in the file's
 * {@code MeasurementUnit}. For {@code pixel}, the usual unit, they are the image's pixels. For
 * {@code mm10} or {@code inch1200} they are not converted: ALTO has no field for the image's
 * resolution, so the page's width and height are returned in that same unit, and whoever draws a box
 * on the image scales it by image width / page width (and height). A box with a missing or broken
 * number is dropped; its text is kept.
 *
 * <p>A line is vertical when its box is taller than wide and it has more than one character, or when
 * it or an enclosing block is rotated by about 90 or 270 degrees ({@code ROTATION}); the page is
 * vertical when most lines are. One {@code Page} per file: a file with several is refused. A DOCTYPE
 * is refused before anything else is read (no DTD or entity is ever resolved).
 */
public final class AltoReader implements PageTextReader {
    private static final String SOURCE = "alto";

    @Override
    public String format() {
        return SOURCE;
    }

    /** True when the root element is {@code alto}. */
    @Override
    public boolean accepts(byte[] head) {
        return "alto".equals(XmlSniffer.rootName(head));
    }

    @Override
    public PageText read(byte[] bytes, int page) {
        PageLimits.checkSize(bytes);
        return XmlSource.parse(bytes, "ALTO", r -> parse(r, page));
    }

    /** True for the namespaces of ALTO v1 (none, or CCS's) to v4, and later ones of the Library of Congress. */
    static boolean isAltoNamespace(String ns) {
        return ns == null || ns.isEmpty()
                || ns.equals("http://schema.ccs-gmbh.com/ALTO")
                || ns.startsWith("http://www.loc.gov/standards/alto/");
    }

    private static PageText parse(XMLStreamReader r, int page) throws XMLStreamException {
        String ns = null;
        PageLines lines = new PageLines();
        int width = 0;
        int height = 0;
        int pages = 0;
        Deque<Boolean> rotatedBlocks = new ArrayDeque<>();
        Line line = null;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new TextFormatException(
                        "ALTO with a DOCTYPE is refused: DTDs and entities are never read");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new TextFormatException(
                        "ALTO refers to an undeclared entity &" + r.getLocalName() + ";");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (ns == null) {
                        ns = root(r);
                        continue;
                    }
                    if (!ns.equals(namespace(r))) {
                        continue;
                    }
                    switch (r.getLocalName()) {
                        case "Page" -> {
                            if (++pages > 1) {
                                throw new TextFormatException("ALTO file has more than one Page; one file per page image is expected");
                            }
                            width = Coords.size(XmlSource.attr(r, "WIDTH"));
                            height = Coords.size(XmlSource.attr(r, "HEIGHT"));
                        }
                        case "TextBlock", "ComposedBlock" ->
                                rotatedBlocks.push(rotated(r) || Boolean.TRUE.equals(rotatedBlocks.peek()));
                        case "TextLine" -> line = new Line(box(r), rotated(r) || Boolean.TRUE.equals(rotatedBlocks.peek()));
                        case "String" -> {
                            String content = XmlSource.attr(r, "CONTENT");
                            if (line != null && content != null && !content.isBlank()) {
                                line.words.add(new TextLine.Word(content.strip(), box(r)));
                            }
                        }
                        case "HYP" -> {
                            if (line != null) {
                                line.hyphen(XmlSource.attr(r, "CONTENT"), Coords.number(XmlSource.attr(r, "HPOS")),
                                        Coords.number(XmlSource.attr(r, "WIDTH")));
                            }
                        }
                        default -> {
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (!ns.equals(namespace(r))) {
                        continue;
                    }
                    switch (r.getLocalName()) {
                        case "TextBlock", "ComposedBlock" -> rotatedBlocks.pop();
                        case "TextLine" -> {
                            if (line != null && !line.words.isEmpty()) {
                                lines.add(TextLine.fromWords(line.words, line.box, line.rotated));
                            }
                            line = null;
                        }
                        default -> {
                        }
                    }
                }
                default -> {
                }
            }
        }
        return lines.build(page, width, height, SOURCE);
    }

    /** Checks the root element; its namespace, "" for none. */
    private static String root(XMLStreamReader r) {
        String ns = namespace(r);
        if (!r.getLocalName().equals("alto")) {
            throw new TextFormatException("not ALTO: the root element is <" + r.getLocalName() + ">, not <alto>");
        }
        if (!isAltoNamespace(ns)) {
            throw new TextFormatException("not ALTO: the root element <alto> is in the namespace " + ns);
        }
        return ns;
    }

    private static String namespace(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    private static Box box(XMLStreamReader r) {
        return Coords.box(XmlSource.attr(r, "HPOS"), XmlSource.attr(r, "VPOS"), XmlSource.attr(r, "WIDTH"), XmlSource.attr(r, "HEIGHT"));
    }

    /** True when ROTATION is within 45 degrees of 90 or 270 (text set sideways, or columns). */
    static boolean rotated(XMLStreamReader r) {
        String value = XmlSource.attr(r, "ROTATION");
        if (value == null) {
            return false;
        }
        try {
            double degrees = Double.parseDouble(value.strip()) % 180;
            if (degrees < 0) {
                degrees += 180;
            }
            return degrees > 45 && degrees < 135;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A TextLine being read. */
    private static final class Line {
        final Box box;
        final boolean rotated;
        final List<TextLine.Word> words = new ArrayList<>();

        Line(Box box, boolean rotated) {
            this.box = box;
            this.rotated = rotated;
        }

        /**
         * The line-end hyphen joins the last word: its text, and its box widened to the HYP's (a HYP
         * has a position and a width, no height).
         */
        void hyphen(String content, Integer hpos, Integer width) {
            String hyphen = content == null || content.isBlank() ? "-" : content.strip();
            if (words.isEmpty()) {
                words.add(new TextLine.Word(hyphen, null));
                return;
            }
            TextLine.Word last = words.remove(words.size() - 1);
            Box box = last.box();
            if (box != null && hpos != null && width != null && width >= 0) {
                box = box.union(new Box(hpos, box.y(), width, box.h()));
            }
            words.add(new TextLine.Word(last.text() + hyphen, box));
        }
    }
}
