package dev.tandem.bench;

import dev.tandem.bench.model.Entity;
import dev.tandem.bench.model.World;
import dev.tandem.json.jackson.JacksonJsonCodec;
import dev.tandem.sync.SyncClient;
import dev.tandem.sync.SyncException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The load tool's measured clients: N Tandem clients on one selector thread. Each is model-core's {@link SyncClient}
 * (the client core that {@code TandemClient} wraps) with its own {@link World} replica, fed by a {@link RawWebSocket}:
 * every frame is decoded and applied to the replica, and an update is counted when the entity's {@code change}
 * event fires; latency = the clock at that event − the entity's {@code ts}.
 *
 * <p>Everything about the clients happens on the selector thread; other threads ask through {@link #call}.
 */
final class RawLoadClients {
    /** Upgrades in flight at once, as in the Colyseus harness. */
    static final int JOIN_CONCURRENCY = 50;
    /** A client without its initial state this long after its connect started counts as an error. */
    static final long JOIN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);
    /** First size of a client's message buffer; it doubles for longer messages (the initial state is ~10 KB). */
    static final int INITIAL_MESSAGE_BUFFER = 16 * 1024;
    /** Read buffer shared by all clients (one selector thread). */
    static final int READ_BUFFER_BYTES = 256 * 1024;

    /** What all measured clients saw while measuring. */
    record Counts(long updates, long frames, long bytes, LatencyHistogram latency, long firstClientDeflatedBytes,
            long firstClientUpdates, int joined, int fullState, List<String> errors) {
    }

    private final InetSocketAddress address;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Client> clients = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private volatile boolean running = true;
    // Counted from the first update on and reset when the window starts (on the selector thread): the counting code
    // is then already compiled when the window opens, instead of being reached for the first time inside it (which
    // cost a deoptimisation and a 20-30 ms stall at the start of every window).
    private LatencyHistogram latency = new LatencyHistogram();
    private long updates;
    private long frames;
    private long bytes;
    private Thread loop;

    RawLoadClients(int port) throws IOException {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.selector = Selector.open();
    }

    /** Connects {@code count} clients; returns when each has its initial state, failed, or timed out. */
    void connect(int count) throws Exception {
        CompletableFuture<Void> joined = new CompletableFuture<>();
        loop = new Thread(() -> run(count, joined), "load-selector");
        loop.setDaemon(true);
        loop.start();
        joined.get();
    }

    /** Opens the measurement window: every counter starts again from zero. */
    void startWindow() throws Exception {
        call(() -> {
            latency = new LatencyHistogram();
            updates = 0;
            frames = 0;
            bytes = 0;
            for (Client client : clients) {
                client.updates = 0;
                if (client.deflated != null) {
                    client.deflated.reset();
                }
            }
            return null;
        });
    }

    /** Runs {@code question} on the selector thread and returns its answer. */
    <T> T call(Supplier<T> question) throws Exception {
        CompletableFuture<T> answer = new CompletableFuture<>();
        tasks.add(() -> answer.complete(question.get()));
        selector.wakeup();
        return answer.get(10, TimeUnit.SECONDS);
    }

    /** What was counted since {@link #startWindow()} (counting goes on). */
    Counts counts() throws Exception {
        return call(() -> {
            LatencyHistogram copy = new LatencyHistogram();
            copy.addAll(latency);
            Client first = clients.isEmpty() ? null : clients.get(0);
            int joined = 0;
            int fullState = 0;
            for (Client client : clients) {
                if (client.upgraded) {
                    joined++;
                }
                if (client.world.entities.size() == World.ENTITY_COUNT) {
                    fullState++;
                }
            }
            return new Counts(updates, frames, bytes, copy, first == null ? 0 : first.deflated.bytes(),
                    first == null ? 0 : first.updates, joined, fullState, new ArrayList<>(errors));
        });
    }

    void stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        loop.join(5000);
    }

    private void run(int count, CompletableFuture<Void> joined) {
        try {
            int started = 0;
            while (running) {
                if (!joined.isDone()) {
                    started = joinMore(count, started, joined);
                }
                selector.select(joined.isDone() ? 0 : 50);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    ((Client) key.attachment()).ready(key, readBuffer);
                }
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
            }
            for (Client client : clients) {
                client.abort();
            }
        } catch (Throwable t) {
            errors.add("selector loop: " + t);
        } finally {
            joined.complete(null);
        }
    }

    /** Opens clients up to the join concurrency; completes {@code joined} when every client is settled. */
    private int joinMore(int count, int started, CompletableFuture<Void> joined) {
        int inFlight = 0;
        long now = System.nanoTime();
        for (Client client : clients) {
            if (!client.settled()) {
                if (now - client.startedNanos > JOIN_TIMEOUT_NANOS) {
                    client.fail("no initial state within " + TimeUnit.NANOSECONDS.toSeconds(JOIN_TIMEOUT_NANOS) + " s");
                } else {
                    inFlight++;
                }
            }
        }
        while (started < count && inFlight < JOIN_CONCURRENCY) {
            started++;
            try {
                clients.add(new Client(clients.isEmpty()));
                inFlight++;
            } catch (IOException e) {
                errors.add("open: " + e);
            }
        }
        if (started >= count && inFlight == 0) {
            joined.complete(null);
        }
        return started;
    }

    /** An update's latency: the clock now − the entity's {@code ts} (shared with {@link ClientWarmup}). */
    static void recordLatency(LatencyHistogram histogram, Entity entity) {
        histogram.record(BenchServer.nowMs() - entity.get(Entity.TS));
    }

    /** One measured client: a replica, its sync client, and the message being read. */
    private final class Client extends RawWebSocket {
        final World world = new World();
        final SyncClient sync = new SyncClient(world, new JacksonJsonCodec(), text -> {
            throw new IllegalStateException("measured clients send nothing");
        });
        final DeflatedSize deflated;
        byte[] message = new byte[INITIAL_MESSAGE_BUFFER];
        int messageLength;
        boolean upgraded;
        long updates;

        Client(boolean first) throws IOException {
            super(selector, address, "/ws?batch=1");
            this.deflated = first ? new DeflatedSize() : null;
            world.entities.on("change", event -> {
                updates++;
                RawLoadClients.this.updates++;
                recordLatency(latency, (Entity) event.model());
            });
        }

        boolean settled() {
            return gone() || sync.replica().hasInitialState();
        }

        @Override
        void upgraded() {
            upgraded = true;
        }

        @Override
        void payload(ByteBuffer buffer, int length) {
            if (messageLength + length > message.length) {
                message = Arrays.copyOf(message, Math.max(message.length * 2, messageLength + length));
            }
            buffer.get(message, messageLength, length);
            messageLength += length;
        }

        @Override
        void frameEnded(int opcode, boolean fin) {
            if (!fin) {
                return;
            }
            String text = new String(message, 0, messageLength, StandardCharsets.UTF_8);
            frames++;
            bytes += messageLength;
            if (deflated != null) {
                deflated.add(text);
            }
            messageLength = 0;
            try {
                sync.receive(text);
            } catch (SyncException outOfStep) {
                fail("out of step: " + outOfStep.getMessage());
            }
        }

        @Override
        void ended(String error) {
            if (error == null && running) {
                error = "closed by the server";
            }
            if (error != null) {
                errors.add(error);
            }
        }
    }
}
