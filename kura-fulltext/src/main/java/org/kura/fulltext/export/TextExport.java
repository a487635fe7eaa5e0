package org.kura.fulltext.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** A way of writing an item's text for readers: one file, streamed. */
public interface TextExport {

    /** The file's media type ({@code text/plain; charset=UTF-8}, {@code application/epub+zip}). */
    String mediaType();

    /** The file name extension, without the dot ({@code txt}, {@code epub}). */
    String fileExtension();

    /**
     * Writes the file to the stream, reading the pages once in order. The stream is flushed, not
     * closed.
     */
    void write(AccessibleText text, OutputStream out) throws IOException;

    /** The file in memory (for small items and tests; {@link #write} streams). */
    default byte[] toBytes(AccessibleText text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(text, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
