package dev.tandem.server;

import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonValue;
import dev.tandem.model.BaseModel;
import dev.tandem.model.IdPolicy;
import dev.tandem.model.tree.TreeChange;
import dev.tandem.protocol.ServerMessages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner of one authoritative tree: the only place it changes, and the one place its changes leave from.
 *
 * <p>Every mutation — a client command, a connection coming or going, server code via {@link #update} (a timer, a
 * feed) — runs on the authority's single thread, one after another, so the tree needs no locks and every change has
 * a place in one total order. Each change the tree streams is stamped with the next {@code seq} and encoded once;
 * when the task ends, its changes are queued to every connected client (one shared frame per task for clients that
 * accept batches, see docs/protocol.md; with a coalescing window, everything since the last tick in one frame,
 * except that a command's changes always leave before its answer); a new client gets the whole tree at the current seq and joins the broadcast in
 * the same step, so it misses nothing and sees nothing twice. The thread never waits on I/O: sending only queues.
 */
public final class Authority<R extends BaseModel> {
    private static final Logger LOG = LoggerFactory.getLogger(Authority.class);

    private final R root;
    private final JsonCodec codec;
    private final CommandPipeline pipeline = new CommandPipeline();
    /** The authority thread; timed work is scheduled on it directly, so a timer costs no hand-off between threads. */
    private final ScheduledExecutorService thread;
    private final Set<ClientConnection> connections = new LinkedHashSet<>();
    /** Encoded changes of the task now running, not yet sent (authority thread only). */
    private final List<String> pending = new ArrayList<>();
    private final ConnectionListener<R> onConnect;
    private final ConnectionListener<R> onDisconnect;
    private volatile long seq;
    /** 0: changes leave when their task ends; else they leave together every this many ms (Colyseus-style ticks). */
    private final long coalesceMillis;

    Authority(R root, JsonCodec codec, ConnectionListener<R> onConnect, ConnectionListener<R> onDisconnect,
            long coalesceMillis) {
        this.root = root;
        this.coalesceMillis = coalesceMillis;
        this.codec = codec;
        this.onConnect = onConnect;
        this.onDisconnect = onDisconnect;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "tandem-authority"));
        call(tree -> {
            tree.registry(IdPolicy.GENERATE);
            tree.onTreeChange(this::broadcast);
            return null;
        });
        thread.scheduleAtFixedRate(guarded(this::checkWriteTimeouts), ServerLimits.WATCHDOG_PERIOD.toMillis(),
                ServerLimits.WATCHDOG_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        if (coalesceMillis > 0) {
            thread.scheduleAtFixedRate(this::flush, coalesceMillis, coalesceMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs {@code mutation} on the authority thread, after everything queued before it; returns at once. */
    public void update(Consumer<R> mutation) {
        execute(() -> mutation.accept(root));
    }

    /** Runs {@code mutation} every {@code periodMillis} on the authority thread (the demo's clock). */
    public void every(long periodMillis, Consumer<R> mutation) {
        thread.scheduleAtFixedRate(guarded(() -> mutation.accept(root)), periodMillis, periodMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Runs {@code mutation} once on the authority thread after {@code delayNanos} (a driver's next step). */
    public void after(long delayNanos, Consumer<R> mutation) {
        try {
            thread.schedule(guarded(() -> mutation.accept(root)), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.debug("authority stopped; dropping a timed task");
        }
    }

    /** Runs {@code reader} on the authority thread and waits for its result: a consistent view of the tree. */
    public <T> T call(Function<R, T> reader) {
        Future<T> result = thread.submit(() -> {
            try {
                return reader.apply(root);
            } finally {
                taskEnded();
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the authority", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the authority failed: " + e.getCause(), e.getCause());
        }
    }

    /** The seq of the last change applied (0 before the first). */
    public long seq() {
        return seq;
    }

    /** How many clients are connected right now. */
    public int connectionCount() {
        return call(tree -> connections.size());
    }

    // ---------------------------------------------------------------- called by the transport

    void connect(ClientConnection connection) {
        execute(() -> {
            flush(); // changes still waiting for a coalescing tick are in the initial state: others get them first
            connection.send(codec.encode(ServerMessages.initial(seq, root.xport())));
            connections.add(connection);
            if (onConnect != null) {
                onConnect.on(root, connection.info());
            }
        });
    }

    void disconnect(ClientConnection connection) {
        execute(() -> {
            if (connections.remove(connection) && onDisconnect != null) {
                onDisconnect.on(root, connection.info());
            }
        });
    }

    /** A decoded command from {@code connection}; applied in order with everything else, answered to it alone. */
    void command(ClientConnection connection, JsonValue command) {
        execute(() -> {
            try {
                String answer = codec.encode(pipeline.execute(root, connection.info().user(), command, () -> seq));
                flush(); // the command's change goes out before its answer, so an ack means "you have it"
                connection.send(answer);
            } finally {
                connection.commandDone();
            }
        });
    }

    void stop() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(ServerLimits.STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- on the authority thread

    /** Sends what is pending now, unless a coalescing window collects changes until its tick. */
    private void taskEnded() {
        if (coalesceMillis == 0) {
            flush();
        }
    }

    /** Stamps and encodes a change (once, for everyone); it is sent when the current task ends (or at the tick). */
    private void broadcast(TreeChange change) {
        seq++;
        pending.add(codec.encode(ServerMessages.of(change, seq)));
    }

    /**
     * Sends what the current task changed: to a batching client as one frame (a JSON array, built once and
     * shared), to a v1 client as one frame per change. Called when every task ends, and before an answer.
     */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        OutgoingText batch = null;
        List<OutgoingText> singles = null;
        for (ClientConnection connection : connections) {
            if (connection.batching()) {
                if (batch == null) {
                    batch = new OutgoingText(pending.size() == 1 ? pending.get(0)
                            : "[" + String.join(",", pending) + "]");
                }
                connection.send(batch);
            } else {
                if (singles == null) {
                    singles = new ArrayList<>(pending.size());
                    for (String text : pending) {
                        singles.add(new OutgoingText(text));
                    }
                }
                for (OutgoingText text : singles) {
                    connection.send(text);
                }
            }
        }
        pending.clear();
    }

    private void checkWriteTimeouts() {
        long now = System.nanoTime();
        for (ClientConnection connection : new ArrayList<>(connections)) {
            connection.checkWriteTimeout(now);
            connection.checkCloseTimeout(now);
        }
    }

    private void execute(Runnable task) {
        try {
            thread.execute(guarded(task));
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.debug("authority stopped; dropping a task");
        }
    }

    /** {@code task} as the authority runs every task: a failure is logged, and its changes are sent when it ends. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException failure) {
                LOG.error("an update on the authority thread failed; the tree keeps what was applied", failure);
            } finally {
                taskEnded();
            }
        };
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

}
