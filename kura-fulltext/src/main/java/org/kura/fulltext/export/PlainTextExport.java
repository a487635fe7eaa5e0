package org.kura.fulltext.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kura.fulltext.PageText;
import org.kura.fulltext.TextLine;

/**
 * The text as UTF-8 plain text (no byte order mark, {@code \n} line ends), for any reader or braille
 * display: a header naming the item (title, creators, publisher, date, identifier, rights, language;
 * in Japanese for a Japanese text), a blank line, then each page after a separator line
 * {@code --- 表紙 ---} (its printed label) or {@code --- p. 12 ---} (its number when it has no label),
 * its lines in reading order as the source has them. Characters that are not text (controls, lone
 * surrogates) are dropped; everything else is kept as it is.
 */
public final class PlainTextExport implements TextExport {

    @Override
    public String mediaType() {
        return "text/plain; charset=UTF-8";
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public void write(AccessibleText text, OutputStream out) throws IOException {
        Wording w = Wording.forLanguage(text.language());
        Writer wr = new BufferedWriter(new OutputStreamWriter(new KeepOpen(out), StandardCharsets.UTF_8));
        field(wr, w.title(), text.title());
        if (!text.creators().isEmpty()) {
            field(wr, w.creators(), String.join(w.listSeparator(), text.creators()));
        }
        field(wr, w.publisher(), text.publisher());
        field(wr, w.date(), text.date());
        field(wr, w.identifier(), text.urn());
        field(wr, w.rights(), text.rights());
        field(wr, w.language(), text.language());
        List<PageText> pages = text.pages();
        for (int i = 0; i < pages.size(); i++) {
            PageText page = pages.get(i);
            String label = text.labelAt(i);
            wr.write('\n');
            wr.write("--- ");
            wr.write(label != null ? Xml.clean(label) : "p. " + page.page());
            wr.write(" ---\n");
            for (TextLine line : page.lines()) {
                wr.write(Xml.clean(line.text()));
                wr.write('\n');
            }
        }
        wr.close();
    }

    private static void field(Writer wr, String name, String value) throws IOException {
        if (value != null) {
            wr.write(name);
            wr.write(": ");
            wr.write(Xml.clean(value));
            wr.write('\n');
        }
    }
}
