package dev.tandem.client.jvm;

/** The server refused a command (an {@code error} answer); the command changed nothing. */
public final class CommandRefusedException extends RuntimeException {
    private final String code;

    public CommandRefusedException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** The protocol error code, e.g. "forbidden" or "not-allowed". */
    public String code() {
        return code;
    }
}
