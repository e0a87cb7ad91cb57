package dev.tandem.json;

/** Text that is not strict JSON, or nests deeper than {@link JsonLimits#MAX_DEPTH}. */
public final class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String message) {
        super(message);
    }
}
