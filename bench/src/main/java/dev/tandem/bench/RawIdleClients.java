package dev.tandem.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Raw WebSocket clients ({@link RawWebSocket}) on one selector thread: each one's first message is checked to be the
 * initial state; every payload is discarded.
 */
final class RawIdleClients extends IdleClients {
    private final InetSocketAddress address;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final List<Raw> all = new ArrayList<>();
    private final AtomicInteger joined = new AtomicInteger();
    private volatile boolean running = true;
    private Thread loop;

    RawIdleClients(int port) throws IOException {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.selector = Selector.open();
    }

    @Override
    String description() {
        return "raw: java.nio sockets on one selector thread; RFC 6455 upgrade by hand (GET /ws?batch=1, accept "
                + "key checked), then frames read and discarded; each client's first message checked to be the "
                + "complete initial state; nothing applied (idle clients have nothing to apply)";
    }

    @Override
    void connect(int count, long deadlineNanos) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop = new Thread(() -> {
            try {
                runLoop(count, deadlineNanos, done);
            } catch (Throwable t) {
                errors.add("selector loop: " + t);
                done.complete(null);
            }
        }, "idle-selector");
        loop.setDaemon(true);
        loop.start();
        done.get();
    }

    private void runLoop(int count, long deadlineNanos, CompletableFuture<Void> done) throws IOException {
        int started = 0;
        int inFlight = 0;
        List<Raw> connecting = new ArrayList<>();
        while (running) {
            if (!done.isDone()) {
                long now = System.nanoTime();
                while (started < count && inFlight < CONNECT_CONCURRENCY && now < deadlineNanos) {
                    Raw raw = openOne();
                    started++;
                    if (raw != null) {
                        inFlight++;
                        connecting.add(raw);
                    }
                }
            }
            selector.select(50);
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                ((Raw) key.attachment()).ready(key, readBuffer);
            }
            if (!done.isDone()) {
                long now = System.nanoTime();
                for (Iterator<Raw> it = connecting.iterator(); it.hasNext(); ) {
                    Raw raw = it.next();
                    if (raw.firstMessageDone || raw.gone()) {
                        it.remove();
                        inFlight--;
                    } else if (now - raw.startedNanos > CLIENT_TIMEOUT_NANOS || now > deadlineNanos) {
                        raw.fail("no initial state within the time limit");
                        it.remove();
                        inFlight--;
                    }
                }
                if (connecting.isEmpty() && (started >= count || now >= deadlineNanos)) {
                    if (started < count) {
                        errors.add("connect deadline: " + (count - started) + " clients not started");
                    }
                    done.complete(null);
                }
            }
        }
    }

    private Raw openOne() {
        try {
            Raw raw = new Raw();
            all.add(raw);
            return raw;
        } catch (IOException e) {
            errors.add("open: " + e);
            return null;
        }
    }

    @Override
    int joined() {
        return joined.get();
    }


    @Override
    int open() {
        return all.size() - closed.get();
    }


    @Override
    void stop() {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Raw raw : all) {
            raw.abort();
        }
    }

    /** One idle connection: its first message is checked to be the initial state, every payload discarded. */
    private final class Raw extends RawWebSocket {
        /** The first message: its leading bytes, to check it is the initial state. */
        final byte[] prefix = new byte[INITIAL_PREFIX.length];
        int prefixLength;
        boolean firstMessageDone;

        Raw() throws IOException {
            super(selector, address, "/ws?batch=1");
        }

        @Override
        void upgraded() {
            joined.incrementAndGet();
        }

        @Override
        void payload(ByteBuffer buffer, int length) {
            int take = Math.min(length, prefix.length - prefixLength);
            if (!firstMessageDone && take > 0) {
                buffer.get(prefix, prefixLength, take);
                prefixLength += take;
            }
        }

        @Override
        void frameEnded(int opcode, boolean fin) {
            if (!firstMessageDone && fin) {
                firstMessageDone = true;
                if (prefixLength == prefix.length && java.util.Arrays.equals(prefix, INITIAL_PREFIX)) {
                    initialStates.incrementAndGet();
                } else {
                    fail("first message is not the initial state: "
                            + new String(prefix, 0, prefixLength, StandardCharsets.UTF_8));
                }
            }
        }

        @Override
        void ended(String error) {
            if (error == null && !firstMessageDone) {
                error = "closed before the initial state";
            }
            if (error != null) {
                errors.add(error);
            }
            closed.incrementAndGet();
        }
    }
}
