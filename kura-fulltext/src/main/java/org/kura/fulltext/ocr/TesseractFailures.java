package org.kura.fulltext.ocr;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Says why a Tesseract run failed, from how it ended and the end of its error output. */
final class TesseractFailures {
    /** What Leptonica and Tesseract say when they cannot read the image. */
    private static final List<String> UNREADABLE = List.of("pixRead", "findFileFormat", "cannot read input file",
            "cannot be read", "libpng error", "Not a JPEG file", "Unsupported image", "Unknown format");
    private static final List<String> NO_LANGUAGE = List.of("Failed loading language", "couldn't load any languages");
    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 4, "SIGILL",
            6, "SIGABRT", 7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");
    private static final int TAIL_LINES = 6;
    private static final int TAIL_CHARS = 2000;

    private TesseractFailures() {
    }

    /** The failure of a run that did not end with exit code 0. */
    static OcrException of(ProcessRunner.Outcome outcome, Path image, Duration timeout, long maxOutput) {
        String name = image.getFileName().toString();
        return switch (outcome.ending()) {
            case TIMED_OUT -> new OcrException(OcrException.Kind.TIMEOUT,
                    "tesseract did not finish " + name + " within " + timeout.toMillis() + " ms; it was ended" + tail(outcome.stderr()));
            case TOO_MUCH_OUTPUT -> new OcrException(OcrException.Kind.OUTPUT_TOO_LARGE,
                    "tesseract wrote more than " + maxOutput + " bytes for " + name + "; it was ended" + tail(outcome.stderr()));
            case EXITED -> exited(outcome.exitCode(), outcome.stderr(), name);
        };
    }

    private static OcrException exited(int code, String stderr, String name) {
        if (code > 128 && code < 128 + 65) {
            int signal = code - 128;
            String hint = signal == 9 ? " (out of memory?)" : "";
            return new OcrException(OcrException.Kind.CRASHED, "tesseract was killed by signal " + signal + " ("
                    + SIGNALS.getOrDefault(signal, "?") + ")" + hint + " on " + name + ", exit code " + code + tail(stderr));
        }
        if (containsAny(stderr, UNREADABLE)) {
            return new OcrException(OcrException.Kind.BAD_IMAGE, "tesseract cannot read the image " + name + tail(stderr));
        }
        if (containsAny(stderr, NO_LANGUAGE)) {
            return new OcrException(OcrException.Kind.NOT_INSTALLED, "tesseract cannot load its language data" + tail(stderr));
        }
        return new OcrException(OcrException.Kind.CRASHED, "tesseract failed on " + name + " with exit code " + code + tail(stderr));
    }

    /** The last lines of the error output, on one line: {@code ": line | line"}. */
    static String tail(String stderr) {
        List<String> lines = new ArrayList<>();
        for (String l : stderr.split("\\R")) {
            if (!l.isBlank()) {
                lines.add(l.strip());
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        String joined = String.join(" | ", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        return ": " + (joined.length() > TAIL_CHARS ? "…" + joined.substring(joined.length() - TAIL_CHARS) : joined);
    }

    private static boolean containsAny(String text, List<String> needles) {
        return needles.stream().anyMatch(text::contains);
    }
}
