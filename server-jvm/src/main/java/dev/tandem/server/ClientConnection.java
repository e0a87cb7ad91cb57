package dev.tandem.server;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client's outgoing side: a bounded queue of text frames written one at a time.
 *
 * <p>Why a queue of our own: Jetty's own outgoing queue is unbounded and has no write timeout, so a slow or stuck
 * client would grow server memory without limit. Here, a client whose backlog passes
 * {@link ServerLimits#MAX_QUEUED_MESSAGES_PER_CLIENT}, or whose write stays unfinished past
 * {@link ServerLimits#WRITE_TIMEOUT}, is closed (1013 "try again later") — and only that client; nobody else waits for
 * it, because {@link #send} never blocks. Frames are written from bytes shared by all clients ({@link OutgoingText});
 * for a client that accepts batches, whatever piled up in its queue leaves as one frame. If the close handshake does not finish within
 * {@link ServerLimits#CLOSE_TIMEOUT} (a stuck client never reads the close frame), the connection is cut. Thread-safe:
 * the authority thread sends, Jetty threads complete writes.
 */
final class ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final CoreSession session;
    private final ClientInfo info;
    /** Small at first: an idle client holds at most a few messages; it grows for one that falls behind. */
    private final ArrayDeque<OutgoingText> queue = new ArrayDeque<>(ServerLimits.INITIAL_QUEUE_CAPACITY);
    private final boolean batching;
    private final AtomicInteger pendingCommands = new AtomicInteger();
    private boolean writing;
    private long writeStartedNanos;
    private boolean closed;
    /** When this side asked the session to close (System.nanoTime), or -1 if it did not. */
    private long closeRequestedNanos = -1;
    /** Jetty reported the close, or the connection was cut: nothing more to do. */
    private boolean gone;

    ClientConnection(CoreSession session, ClientInfo info, boolean batching) {
        this.session = session;
        this.info = info;
        this.batching = batching;
    }

    /** True when the client asked for batches ({@code ?batch=1}): several messages per frame, as a JSON array. */
    boolean batching() {
        return batching;
    }

    ClientInfo info() {
        return info;
    }

    /** Queues {@code text} for this client; drops the client if its backlog is full. Never blocks. */
    void send(String text) {
        send(new OutgoingText(text));
    }

    /** Queues a frame shared with other clients (its bytes are encoded once for all). Never blocks. */
    void send(OutgoingText text) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= ServerLimits.MAX_QUEUED_MESSAGES_PER_CLIENT) {
                closeLocked("too slow: more than " + ServerLimits.MAX_QUEUED_MESSAGES_PER_CLIENT
                        + " messages waiting");
                return;
            }
            queue.add(text);
            if (writing) {
                return;
            }
            writing = true;
        }
        writeNext();
    }

    /** Counts a received command; false when the client already has too many waiting. */
    boolean admitCommand() {
        if (pendingCommands.incrementAndGet() > ServerLimits.MAX_PENDING_COMMANDS_PER_CLIENT) {
            pendingCommands.decrementAndGet();
            return false;
        }
        return true;
    }

    void commandDone() {
        pendingCommands.decrementAndGet();
    }

    /** Closes the client if a write has been unfinished for longer than the write timeout. */
    void checkWriteTimeout(long nowNanos) {
        synchronized (this) {
            if (writing && !closed && nowNanos - writeStartedNanos > ServerLimits.WRITE_TIMEOUT.toNanos()) {
                closeLocked("stuck: a write took longer than " + ServerLimits.WRITE_TIMEOUT.toSeconds() + " s");
            }
        }
    }

    /**
     * Cuts the connection (without a close handshake) if this side closed it more than
     * {@link ServerLimits#CLOSE_TIMEOUT} ago and Jetty has still not reported it closed. Jetty then reports the close
     * and the authority forgets the client; the client, if it ever reads again, sees 1006.
     */
    void checkCloseTimeout(long nowNanos) {
        synchronized (this) {
            if (gone || closeRequestedNanos < 0 || nowNanos - closeRequestedNanos <= ServerLimits.CLOSE_TIMEOUT
                    .toNanos()) {
                return;
            }
            gone = true;
        }
        LOG.info("cutting {}: the close handshake did not finish within {} s", info,
                ServerLimits.CLOSE_TIMEOUT.toSeconds());
        session.abort();
    }

    /** Marks the connection gone (after Jetty reported the close); queued frames are dropped. */
    void closed() {
        synchronized (this) {
            closed = true;
            gone = true;
            queue.clear();
        }
    }

    int queuedMessages() {
        synchronized (this) {
            return queue.size();
        }
    }

    /**
     * Writes queued frames one after another. A write that completes inside {@code sendFrame} continues this loop
     * instead of recursing from its callback, so a long backlog cannot overflow the stack.
     */
    private void writeNext() {
        while (true) {
            OutgoingText next;
            synchronized (this) {
                next = closed ? null : batching ? pollBatch() : queue.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
                writeStartedNanos = System.nanoTime();
            }
            Write write = new Write();
            session.sendFrame(new Frame(OpCode.TEXT, next.bytes()), write, false);
            synchronized (this) {
                if (!write.finished) {
                    write.continueInCallback = true;
                    return;
                }
            }
        }
    }

    /**
     * For a batching client: everything queued (up to {@link ServerLimits#MAX_BATCH_CHARS}) as one frame, so a
     * client that fell behind catches up in few writes. Queued items are single messages or arrays of them.
     */
    private OutgoingText pollBatch() {
        OutgoingText first = queue.poll();
        if (first == null || queue.isEmpty()) {
            return first;
        }
        StringBuilder batch = new StringBuilder(Math.min(ServerLimits.MAX_BATCH_CHARS, first.length() * 4)).append('[');
        appendMessages(batch, first.text());
        while (!queue.isEmpty() && batch.length() + queue.peek().length() < ServerLimits.MAX_BATCH_CHARS) {
            batch.append(',');
            appendMessages(batch, queue.poll().text());
        }
        return new OutgoingText(batch.append(']').toString());
    }

    /** Appends the messages of a queued item: an object as it is, an array without its brackets. */
    private static void appendMessages(StringBuilder batch, String item) {
        if (item.charAt(0) == '[') {
            batch.append(item, 1, item.length() - 1);
        } else {
            batch.append(item);
        }
    }

    /** Completion of one frame's write; see {@link #writeNext()}. */
    private final class Write implements Callback {
        private boolean finished;
        private boolean continueInCallback;

        @Override
        public void succeeded() {
            boolean resume;
            synchronized (ClientConnection.this) {
                finished = true;
                resume = continueInCallback;
            }
            if (resume) {
                writeNext();
            }
        }

        @Override
        public void failed(Throwable failure) {
            synchronized (ClientConnection.this) {
                finished = true;
            }
            writeFailed(failure);
        }
    }

    private void writeFailed(Throwable failure) {
        synchronized (this) {
            if (!closed) {
                LOG.debug("write to {} failed: {}", info, failure.toString());
                closeLocked("write failed");
            }
            writing = false;
        }
    }

    private void closeLocked(String reason) {
        closed = true;
        closeRequestedNanos = System.nanoTime();
        queue.clear();
        LOG.info("closing {}: {}", info, reason);
        session.close(CloseStatus.TRY_AGAIN_LATER, reason, Callback.NOOP);
    }
}
