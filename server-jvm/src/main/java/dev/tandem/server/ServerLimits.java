package dev.tandem.server;

import java.time.Duration;

/** Every limit and timeout of the server, in one place, each with the reason for its value. */
public final class ServerLimits {
    /** Largest client frame, in bytes; a bigger one closes the connection with 1009 (a command is far smaller). */
    public static final int MAX_TEXT_MESSAGE_BYTES = 64 * 1024;

    /**
     * Messages waiting to be written to one client. A client that falls this far behind is dropped rather than
     * letting its backlog grow server memory; it can reconnect for a fresh initial state.
     */
    public static final int MAX_QUEUED_MESSAGES_PER_CLIENT = 4_096;

    /**
     * Starting capacity of a client's outgoing queue: an idle client holds at most a few messages at once, so 10,000
     * idle clients pay for 4-slot arrays instead of the default 16; a client that falls behind grows its queue.
     */
    public static final int INITIAL_QUEUE_CAPACITY = 4;

    /**
     * Largest frame, in characters, that merging queued messages for a batching client builds (a single message
     * may be larger; it is never split). Large enough to catch up fast, small enough to keep writes short.
     */
    public static final int MAX_BATCH_CHARS = 64 * 1024;

    /** Longest coalescing window a server may be given: beyond a second, a "real-time" board would feel stale. */
    public static final long MAX_COALESCE_MILLIS = 1_000;

    /** Longest one write to a client may stay unfinished before that client is dropped as stuck. */
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How long a client the server closes may take to complete the close handshake before its connection is cut.
     * A stuck client never reads the close frame (it waits behind the unread backlog), and Jetty alone would hold
     * such a connection until the idle timeout; a live client answers a close within milliseconds.
     */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    /** How often the watchdog looks for stuck writes and unfinished closes. */
    public static final Duration WATCHDOG_PERIOD = Duration.ofSeconds(1);

    /** A connection with no frames either way for this long is closed (the demo clock alone keeps it alive). */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Commands one client may have received-but-not-yet-applied; past it, further commands are refused with
     * {@code overloaded} so one flooding client cannot fill the authority's queue.
     */
    public static final int MAX_PENDING_COMMANDS_PER_CLIENT = 256;

    /** Longest wait for the authority thread to finish its queue when the server stops. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private ServerLimits() {
    }
}
