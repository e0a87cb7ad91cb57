package dev.tandem.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A set of idle connections for {@link IdleTest}: what every kind counts (errors, initial states received, closes)
 * and how it is asked; {@link RawIdleClients} and {@link JdkIdleClients} open the connections.
 */
abstract class IdleClients {
    /** Upgrades in flight at once. */
    static final int CONNECT_CONCURRENCY = 100;
    /** A client that has not received its initial state this long after its connect started counts as an error. */
    static final long CLIENT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);
    /** How every connection's first message must start: the initial state. */
    static final byte[] INITIAL_PREFIX = "{\"event\":\"initial\"".getBytes(StandardCharsets.US_ASCII);

    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger initialStates = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    /** Opens {@code count} connections and returns when each got its initial state, failed, or the deadline. */
    abstract void connect(int count, long deadlineNanos) throws Exception;

    /** Connections whose upgrade succeeded. */
    abstract int joined();

    /** Connections not closed (by either side) now. */
    abstract int open();

    abstract String description();

    abstract void stop();

    /** Connections whose first message was the complete initial state. */
    final int initialStates() {
        return initialStates.get();
    }

    final List<String> errors() {
        synchronized (errors) {
            return new ArrayList<>(errors);
        }
    }
}
