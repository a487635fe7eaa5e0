package org.kura.fulltext.export;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import com.adobe.epubcheck.util.ReportingLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One run of the W3C's EPUBCheck on a file, with every message it reported (usage hints included). */
final class EpubCheckRun extends MasterReport {
    final List<String> messages = new ArrayList<>();
    final List<String> usage = new ArrayList<>();

    private EpubCheckRun() {
        setReportingLevel(ReportingLevel.Usage);
    }

    static EpubCheckRun check(byte[] epub, Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".epub");
        Files.write(file, epub);
        EpubCheckRun report = new EpubCheckRun();
        report.setEpubFileName(file.toString());
        new EpubCheck(file.toFile(), report).doValidate();
        return report;
    }

    static String version() {
        return EpubCheck.version();
    }

    @Override
    public void message(Message message, EPUBLocation location, Object... args) {
        String line = message.getSeverity() + " " + message.getID() + " " + location + ": " + message.getMessage(args);
        if (message.getSeverity() == Severity.USAGE || message.getSeverity() == Severity.INFO) {
            usage.add(line);
        } else if (message.getSeverity() != Severity.SUPPRESSED) {
            messages.add(line);
        }
    }

    @Override
    public void info(String resource, FeatureEnum feature, String value) {
    }

    @Override
    public int generate() {
        return 0;
    }

    @Override
    public void initialize() {
    }

    @Override
    public String toString() {
        return "EPUBCheck " + version() + ": " + getFatalErrorCount() + " fatal, " + getErrorCount() + " errors, "
                + getWarningCount() + " warnings" + (messages.isEmpty() ? "" : "\n  " + String.join("\n  ", messages));
    }
}
