package org.kura.ingest.oai;

/**
 * A harvest could not go on: the provider answered with an OAI-PMH error, an HTTP error after every
 * retry, a response that is not OAI-PMH, or one too large. The message names the URL.
 */
public class OaiPmhException extends Exception {
    private final OaiErrorCode code;

    public OaiPmhException(OaiErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public OaiPmhException(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
    }

    /** The OAI-PMH error code, or null for transport and format failures. */
    public OaiErrorCode code() {
        return code;
    }
}
