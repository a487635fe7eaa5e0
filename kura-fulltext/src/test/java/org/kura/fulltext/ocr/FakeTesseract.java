package org.kura.fulltext.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A shell script standing in for Tesseract: it answers {@code --version} and {@code --list-langs}
 * (eng, jpn, jpn_vert) like Tesseract 5, and does what the test says for a page, with the page's
 * image path in {@code $1}.
 */
final class FakeTesseract {
    /** What the script writes for a page that works. */
    static final String HOCR = "<div class='ocr_page' id='page_1'><span class='ocrx_word' id='word_1_1'>猫</span></div>";

    private FakeTesseract() {
    }

    /**
     * @param dir  where to write the script
     * @param page the shell commands run for a page
     */
    static Path script(Path dir, String page) {
        String text = "#!/bin/sh\n"
                + "case \"$1\" in\n"
                + "  --version) echo 'tesseract 5.3.0'; echo ' leptonica-1.82.0'; exit 0 ;;\n"
                + "  --list-langs) echo 'List of available languages in \"/fake/tessdata/\" (3):'; echo eng; echo jpn; echo jpn_vert; exit 0 ;;\n"
                + "esac\n"
                + page + "\n";
        try {
            Path script = Files.createTempFile(dir, "tesseract-", ".sh");
            Files.writeString(script, text);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shell commands writing {@link #HOCR}. */
    static String hocr() {
        return "printf '%s' \"" + HOCR + "\"";
    }

    /** Shell-quoted path. */
    static String q(Path p) {
        return "'" + p.toString().replace("'", "'\\''") + "'";
    }
}
