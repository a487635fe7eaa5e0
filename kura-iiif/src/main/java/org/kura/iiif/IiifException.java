package org.kura.iiif;

/** A IIIF request that cannot be answered, with the HTTP status the Image API prescribes (400, 404, 413, 501), or 503 when the object store cannot be read now. */
public final class IiifException extends RuntimeException {
    private final int status;

    public IiifException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
