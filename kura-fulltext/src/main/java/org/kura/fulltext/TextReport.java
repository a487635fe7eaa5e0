package org.kura.fulltext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an item's text is made of, page by page: where each page's text came from, in which format
 * and encoding, and which files were quarantined and why. Kept in the item's object as
 * {@code text/report.json} and shown to staff.
 *
 * @param itemId the item
 * @param pages  the item's page count
 * @param status one entry per page that has text or had a problem, by page number; quarantined files
 *               that could not be tied to a page have page 0
 */
public record TextReport(String itemId, int pages, List<PageStatus> status) {

    /** How one page's text stands. */
    public enum State { TEXT, EMPTY, QUARANTINED, OCR_FAILED }

    /**
     * @param page    page number (0: the file could not be tied to a page)
     * @param file    the file the text came from (as received), or the engine for OCR
     * @param format  alto, hocr, ndlocr, plain
     * @param charset the encoding the bytes were read in, when the format is plain text
     * @param state   the outcome
     * @param reason  why it was quarantined or failed; null otherwise
     * @param at      when
     * @param origin  how the text came: {@code upload} or {@code ocr:<engine> <version>}
     */
    public record PageStatus(int page, String file, String format, String charset, State state, String reason, Instant at,
                             String origin) {
    }

    public TextReport {
        status = status == null ? List.of() : List.copyOf(status);
    }

    /** Pages that have text. */
    public int pagesWithText() {
        return (int) status.stream().filter(s -> s.state() == State.TEXT).count();
    }

    public List<PageStatus> problems() {
        return status.stream().filter(s -> s.state() == State.QUARANTINED || s.state() == State.OCR_FAILED).toList();
    }

    /** This report with newer entries laid over it: a page's newest entry wins; unplaced problems accumulate. */
    public TextReport merge(List<PageStatus> newer) {
        Map<Integer, PageStatus> byPage = new TreeMap<>();
        List<PageStatus> unplaced = new ArrayList<>();
        for (PageStatus s : status) {
            if (s.page() == 0) {
                unplaced.add(s);
            } else {
                byPage.put(s.page(), s);
            }
        }
        for (PageStatus s : newer) {
            if (s.page() == 0) {
                unplaced.add(s);
            } else {
                PageStatus old = byPage.get(s.page());
                // a failed OCR never hides text that a page already has
                if (!(s.state() == State.OCR_FAILED && old != null && old.state() == State.TEXT)) {
                    byPage.put(s.page(), s);
                }
            }
        }
        List<PageStatus> all = new ArrayList<>(byPage.values());
        all.addAll(unplaced);
        return new TextReport(itemId, pages, all);
    }
}
