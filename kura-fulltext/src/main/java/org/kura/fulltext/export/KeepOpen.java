package org.kura.fulltext.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The caller's stream, which closing a writer on it only flushes: the caller closes its own stream. */
final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
