package dev.tandem.bench;

import dev.tandem.client.jvm.TandemClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** The JDK's WebSocket client, one per idle connection, over the shared HttpClient; messages discarded. */
final class JdkIdleClients extends IdleClients {
    private final HttpClient http;
    private final URI uri;
    private final List<WebSocket> sockets = Collections.synchronizedList(new ArrayList<>());

    JdkIdleClients(HttpClient http, URI uri) {
        this.http = http;
        this.uri = URI.create(uri + "?batch=1");
    }

    @Override
    String description() {
        return "jdk: java.net.http WebSocket (what TandemClient runs on) over one shared HttpClient, messages "
                + "discarded after checking the first is the initial state";
    }

    @Override
    void connect(int count, long deadlineNanos) throws Exception {
        Semaphore slots = new Semaphore(CONNECT_CONCURRENCY);
        ConcurrentLinkedQueue<CompletableFuture<?>> all = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < count && System.nanoTime() < deadlineNanos; i++) {
            if (!slots.tryAcquire(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            CompletableFuture<Void> first = new CompletableFuture<>();
            first.whenComplete((ok, error) -> slots.release());
            all.add(first);
            http.newWebSocketBuilder().buildAsync(uri, new Discard(first))
                    .orTimeout(CLIENT_TIMEOUT_NANOS, TimeUnit.NANOSECONDS)
                    .whenComplete((socket, error) -> {
                        if (error != null) {
                            errors.add("connect: " + error);
                            first.complete(null);
                        } else {
                            sockets.add(socket);
                        }
                    });
            first.orTimeout(CLIENT_TIMEOUT_NANOS, TimeUnit.NANOSECONDS).exceptionally(e -> {
                errors.add("no initial state: " + e);
                return null;
            });
        }
        for (CompletableFuture<?> future : all) {
            long left = deadlineNanos - System.nanoTime();
            try {
                future.get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // counted by the listener or the timeout above
            }
        }
    }

    private final class Discard implements WebSocket.Listener {
        private final CompletableFuture<Void> first;
        private final StringBuilder head = new StringBuilder();
        private boolean firstDone;

        Discard(CompletableFuture<Void> first) {
            this.first = first;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!firstDone) {
                if (head.length() < INITIAL_PREFIX.length) {
                    head.append(data, 0, Math.min(data.length(), INITIAL_PREFIX.length - head.length()));
                }
                if (last) {
                    firstDone = true;
                    if (head.toString().equals(new String(INITIAL_PREFIX, StandardCharsets.US_ASCII))) {
                        initialStates.incrementAndGet();
                    } else {
                        errors.add("first message is not the initial state: " + head);
                    }
                    first.complete(null);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.incrementAndGet();
            first.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.incrementAndGet();
            errors.add("error: " + error);
            first.complete(null);
        }
    }

    @Override
    int joined() {
        return sockets.size();
    }


    @Override
    int open() {
        return sockets.size() - closed.get();
    }


    @Override
    void stop() {
        synchronized (sockets) {
            for (WebSocket socket : sockets) {
                socket.abort();
            }
        }
    }
}
