package dev.tandem.protocol;

/**
 * The names of wire protocol v1 (docs/protocol.md is the contract): events, fields and protocol-level error codes.
 * Errors about refused values use the model's violation codes ({@code wrong-type}, {@code not-allowed}, …).
 */
public final class Protocol {
    public static final int VERSION = 1;

    /** The WebSocket path. */
    public static final String PATH = "/ws";

    /**
     * Query parameter a client adds to the WebSocket URL ({@code ?batch=1}) to accept batched frames: a frame may
     * then hold a JSON array of messages, applied in order. Without it, every frame is one message (plain v1).
     */
    public static final String BATCH_PARAMETER = "batch";

    // Events, server to client.
    public static final String INITIAL = "initial";
    public static final String CHANGE = "change";
    public static final String ACK = "ack";
    public static final String ERROR = "error";
    // Events both ways (a client asks, the server announces).
    public static final String ADD = "add";
    public static final String REMOVE = "remove";
    public static final String MOVE = "move";
    // Events, client to server.
    public static final String SET = "set";
    public static final String UNSET = "unset";

    // Fields.
    public static final String EVENT = "event";
    public static final String SEQ = "seq";
    public static final String DATA = "data";
    public static final String ID = "id";
    public static final String ATTRS = "attrs";
    public static final String UNSET_KEYS = "unset";
    public static final String COLLECTION = "collection";
    public static final String AT = "at";
    public static final String MODEL = "model";
    public static final String TO = "to";
    public static final String REF = "ref";
    public static final String CODE = "code";
    public static final String MESSAGE = "message";
    public static final String CHANGE_FIELD = "change";
    public static final String KEYS = "keys";

    // Protocol-level error codes.
    /** The frame is not JSON text, or not a JSON object. */
    public static final String MALFORMED_JSON = "malformed-json";
    /** A field the event needs is missing or of the wrong JSON type. */
    public static final String BAD_MESSAGE = "bad-message";
    /** The event name is not one the server knows. */
    public static final String UNKNOWN_EVENT = "unknown-event";
    /** No model or collection has the given id (or the model is not in the given collection). */
    public static final String UNKNOWN_ID = "unknown-id";
    /** The authorization hook refused the command. */
    public static final String FORBIDDEN = "forbidden";
    /** The client has too many commands waiting; it should slow down. */
    public static final String OVERLOADED = "overloaded";
    /** The server failed unexpectedly; the command changed nothing. */
    public static final String INTERNAL = "internal";

    private Protocol() {
    }
}
