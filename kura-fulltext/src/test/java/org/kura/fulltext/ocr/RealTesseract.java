package org.kura.fulltext.ocr;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's Tesseract for the tests. Without it (or its Japanese models) the tests are skipped,
 * with the reason; with {@code -Dkura.require.tesseract=true} (CI) they fail instead.
 */
final class RealTesseract {
    static final List<String> LANGUAGES = List.of("eng", "jpn", "jpn_vert");

    private RealTesseract() {
    }

    static boolean required() {
        return Boolean.getBoolean("kura.require.tesseract") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Tesseract on the PATH with eng, jpn and jpn_vert, or the test is skipped (or fails where required). */
    static TesseractEngine engine() {
        TesseractEngine engine = new TesseractEngine(TesseractEngine.DEFAULT_COMMAND, 2);
        String why = null;
        if (!engine.available()) {
            why = "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-jpn tesseract-ocr-jpn-vert)";
        } else if (!engine.languages().containsAll(LANGUAGES)) {
            why = "Tesseract lacks a language of " + LANGUAGES + ", it has " + engine.languages()
                    + " (apt-get install tesseract-ocr-jpn tesseract-ocr-jpn-vert)";
        }
        if (why != null) {
            if (required()) {
                fail(why + "; -Dkura.require.tesseract=true says it must be there");
            }
            Assumptions.abort(why);
        }
        return engine;
    }
}
