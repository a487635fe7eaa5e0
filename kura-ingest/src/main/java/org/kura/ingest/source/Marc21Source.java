package org.kura.ingest.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.kura.model.RawRecord;

/**
 * MARC 21 in ISO 2709: records delimited by the record terminator (0x1D), checked against the
 * length in the leader, so one damaged record does not stop the file. The identifier is the 001
 * control number found through the directory.
 */
final class Marc21Source implements RecordSource {
    private static final int TERMINATOR = 0x1D;
    private static final int FIELD_END = 0x1E;

    private final InputStream in;
    private final String fileName;
    private final String providerId;
    private final long maxRecordBytes;
    private long offset;
    private int count;
    private boolean done;

    Marc21Source(InputStream in, String fileName, String providerId, long maxRecordBytes) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.fileName = fileName;
        this.providerId = providerId;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public Iterator<SourceItem> iterator() {
        return new Iterator<>() {
            private SourceItem next;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = read();
                }
                return next != null;
            }

            @Override
            public SourceItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceItem item = next;
                next = null;
                return item;
            }
        };
    }

    private SourceItem read() {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
            int b;
            long start = offset;
            while ((b = in.read()) >= 0) {
                offset++;
                if (buf.size() == 0 && (b == '\n' || b == '\r' || b == ' ')) {
                    start = offset;
                    continue; // line breaks some tools put between records
                }
                buf.write(b);
                if (b == TERMINATOR) {
                    break;
                }
                if (buf.size() > maxRecordBytes) {
                    done = true;
                    return new SourceItem.Unreadable(null, Arrays.copyOf(buf.toByteArray(), 2048), fileName
                            + ": no record terminator within " + maxRecordBytes + " bytes from offset " + start);
                }
            }
            if (buf.size() == 0) {
                done = true;
                return null;
            }
            count++;
            byte[] bytes = buf.toByteArray();
            String problem = check(bytes);
            String id = controlNumber(bytes);
            if (problem != null) {
                return new SourceItem.Unreadable(id, bytes, fileName + ": record " + count + " at offset " + start + ": " + problem);
            }
            return new SourceItem.Read(new RawRecord(providerId, id == null ? fileName + "#" + count : id, "marc21",
                    null, false, null, bytes));
        } catch (IOException e) {
            done = true;
            return new SourceItem.Unreadable(null, new byte[0], fileName + ": read failed at offset " + offset + ": " + e);
        }
    }

    /** A reason the record cannot be trusted as delimited, or null. marc4j repairs lesser damage later. */
    private static String check(byte[] r) {
        if (r.length < 24) {
            return "shorter than a leader (" + r.length + " bytes)";
        }
        if (r[r.length - 1] != TERMINATOR) {
            return "no record terminator (truncated file?)";
        }
        String length = new String(r, 0, 5, StandardCharsets.US_ASCII);
        if (!length.matches("\\d{5}")) {
            return "leader record length '" + length + "' is not numeric";
        }
        return null;
    }

    /** The 001 field through the directory, or null. */
    static String controlNumber(byte[] r) {
        if (r.length < 24) {
            return null;
        }
        String baseText = new String(r, 12, 5, StandardCharsets.US_ASCII);
        if (!baseText.matches("\\d{5}")) {
            return null;
        }
        int base = Integer.parseInt(baseText);
        for (int p = 24; p + 12 <= r.length && r[p] != FIELD_END; p += 12) {
            String entry = new String(r, p, 12, StandardCharsets.US_ASCII);
            if (entry.startsWith("001") && entry.substring(3).matches("\\d{9}")) {
                int len = Integer.parseInt(entry.substring(3, 7));
                int at = base + Integer.parseInt(entry.substring(7, 12));
                if (at >= 0 && at + len <= r.length && len > 1) {
                    String v = new String(r, at, len - 1, StandardCharsets.UTF_8).strip();
                    return v.isEmpty() ? null : v;
                }
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
