package org.kura.fulltext;

/** A page's text could not be read (malformed ALTO/hOCR, unknown format, undecodable bytes); the message is the quarantine reason. */
public class TextFormatException extends RuntimeException {
    public TextFormatException(String message) {
        super(message);
    }

    public TextFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
