package org.kura.fulltext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kura.repository.Item;
import org.kura.repository.ItemIngester;
import org.kura.repository.RepositoryException;

/**
 * Adds text to a stored item: a folder of per-page files (ALTO, hOCR, NDLOCR XML or plain text in
 * UTF-8, Shift_JIS or EUC-JP), or pages an OCR engine produced. Each file is tied to a page by the
 * last number in its name ({@code 0001.xml}, {@code page-12.txt}; numbering from 0 is recognised), read
 * by {@link PageTextReaders}, and stored with {@link TextStore}. A file that cannot be read or tied to a
 * page is quarantined with its reason and the others go on; nothing received is lost.
 */
public final class TextIngester {
    /** Larger text files are refused (a page's OCR is kilobytes; a few MB with word boxes). */
    public static final long MAX_FILE = 32L << 20;
    private static final Pattern DIGITS = Pattern.compile("(\\d+)");

    private final TextStore texts;
    private final PageTextReaders readers;

    public TextIngester(TextStore texts, PageTextReaders readers) {
        this.texts = texts;
        this.readers = readers;
    }

    /** One page's file: its page number (0: tie it by its name), its name and bytes. */
    public record Input(int page, String fileName, byte[] bytes) {
    }

    /** What an ingest did. */
    public record Result(String itemId, int version, List<Integer> pages, List<TextReport.PageStatus> problems, TextReport report) {
    }

    /** Reads every regular file of a folder (one level, no links, no hidden files) as page text. */
    public Result ingest(String itemId, Path folder, String user) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new RepositoryException("not a folder: " + folder);
        }
        List<Input> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") || Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (Files.isSymbolicLink(f) || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    throw new RepositoryException("links and special files are not accepted: " + name);
                }
                if (Files.size(f) > MAX_FILE) {
                    inputs.add(new Input(0, name, null));
                } else {
                    inputs.add(new Input(0, name, Files.readAllBytes(f)));
                }
            }
        } catch (IOException e) {
            throw new RepositoryException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        return ingest(itemId, inputs, "upload", user);
    }

    /** Reads and stores pages' text; {@code origin} is {@code upload} or {@code ocr:<engine>}. */
    public Result ingest(String itemId, List<Input> inputs, String origin, String user) {
        return ingest(itemId, inputs, origin, user, List.of());
    }

    /**
     * As {@link #ingest(String, List, String, String)}, recording also what happened to pages that produced
     * no file (an OCR engine that failed on them).
     */
    public Result ingest(String itemId, List<Input> inputs, String origin, String user, List<TextReport.PageStatus> failures) {
        Item item = ItemIngester.read(texts.objects(), itemId);
        int pageCount = item.pages().size();
        Map<Input, Integer> placed = place(inputs, pageCount);
        Instant now = Instant.now();
        List<TextStore.Stored> stored = new ArrayList<>();
        List<TextStore.Quarantined> quarantined = new ArrayList<>();
        List<TextReport.PageStatus> statuses = new ArrayList<>();
        Map<Integer, String> taken = new HashMap<>();
        for (Input in : inputs) {
            int page = placed.getOrDefault(in, 0);
            String reason = null;
            if (in.bytes() == null) {
                reason = "larger than " + (MAX_FILE >> 20) + " MiB";
            } else if (page < 1) {
                reason = page == 0 ? "cannot tell which page it belongs to: give the page number in the file name (0001.xml)"
                        : "page " + (-page) + " is beyond the item's " + pageCount + " pages";
            } else if (taken.containsKey(page)) {
                reason = "page " + page + " already has text from " + taken.get(page);
            }
            if (reason == null) {
                try {
                    PageText text = readers.read(in.fileName(), in.bytes(), page);
                    taken.put(page, in.fileName());
                    stored.add(new TextStore.Stored(text, in.fileName(), in.bytes()));
                    String charset = "plain".equals(text.source()) ? TextDecoding.decode(in.bytes()).charset() : null;
                    statuses.add(new TextReport.PageStatus(page, in.fileName(), text.source(), charset,
                            text.isEmpty() ? TextReport.State.EMPTY : TextReport.State.TEXT, null, now, origin));
                    continue;
                } catch (TextFormatException e) {
                    reason = e.getMessage();
                }
            }
            if (in.bytes() != null) {
                quarantined.add(new TextStore.Quarantined(in.fileName(), in.bytes()));
            }
            statuses.add(new TextReport.PageStatus(Math.max(page, 0), in.fileName(), null, null, TextReport.State.QUARANTINED,
                    reason, now, origin));
        }
        statuses.addAll(failures);
        int version = texts.save(itemId, pageCount, stored, quarantined, statuses,
                "text of " + stored.size() + " page(s) (" + origin + ")", user == null ? "kura" : user);
        List<TextReport.PageStatus> problems = statuses.stream().filter(s -> s.state() == TextReport.State.QUARANTINED).toList();
        return new Result(itemId, version, stored.stream().map(s -> s.text().page()).sorted().toList(), problems,
                texts.report(itemId).orElseThrow());
    }

    /**
     * Page numbers from the inputs' names (the last run of digits), 1-based unless some file is
     * numbered 0; inputs that carry their page keep it. 0 = no number; negative = beyond the item.
     */
    static Map<Input, Integer> place(List<Input> inputs, int pageCount) {
        Map<Input, Integer> numbers = new HashMap<>();
        boolean fromZero = false;
        for (Input in : inputs) {
            int n = in.page() > 0 ? in.page() : lastNumber(in.fileName());
            numbers.put(in, n);
            fromZero |= in.page() <= 0 && n == 0 && hasNumber(in.fileName());
        }
        Map<Input, Integer> out = new HashMap<>();
        for (Input in : inputs) {
            int n = numbers.get(in);
            if (in.page() <= 0 && hasNumber(in.fileName()) && fromZero) {
                n = n + 1;
            }
            if (n > pageCount) {
                n = -n;
            }
            out.put(in, n);
        }
        return out;
    }

    private static boolean hasNumber(String name) {
        return DIGITS.matcher(stem(name)).find();
    }

    private static int lastNumber(String name) {
        Matcher m = DIGITS.matcher(stem(name));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            return 0;
        }
        return last.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(last);
    }

    /** The name without its extensions ({@code 0001.alto.xml} → {@code 0001}). */
    private static String stem(String name) {
        String base = name.toLowerCase(Locale.ROOT);
        int dot = base.indexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
