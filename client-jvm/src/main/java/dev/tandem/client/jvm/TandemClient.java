package dev.tandem.client.jvm;

import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonValue;
import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;
import dev.tandem.json.jackson.JacksonJsonCodec;
import dev.tandem.sync.CommandCallback;
import dev.tandem.protocol.Protocol;
import dev.tandem.sync.SyncClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A JVM client of a Tandem server, for tests, bots and load tools: the same {@link SyncClient} the browser runs,
 * over the JDK's WebSocket. It keeps a replica tree in step and offers the browser client's commands as futures.
 *
 * <p>Thread-safety: every touch of the replica happens under this client's lock; read it with {@link #read}. A
 * future of a command completes on the receiving thread, after the answer arrived (and, since the server answers
 * after broadcasting, after the command's own change was applied here).
 */
public final class TandemClient<R extends BaseModel> implements AutoCloseable {
    /** How long {@link #connect} waits for the connection and the initial state. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final R root;
    private final JsonCodec codec;
    private final Object lock = new Object();
    private final SyncClient sync;
    private final List<Consumer<JsonObject>> frameListeners = new ArrayList<>();
    private final List<Consumer<String>> textListeners = new ArrayList<>();
    private final CompletableFuture<Void> initialState = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;
    private CompletableFuture<WebSocket> sending = null;
    private volatile Throwable failure;

    private TandemClient(R root, JsonCodec codec) {
        this.root = root;
        this.codec = codec;
        this.sync = new SyncClient(root, codec, this::transmit);
        sync.onInitialState(() -> initialState.complete(null));
    }

    /** Connects to {@code uri} (ws://host:port/ws), waits for the initial state, and returns the client. */
    public static <R extends BaseModel> TandemClient<R> connect(URI uri, R root) {
        return connect(uri, root, HttpClient.newHttpClient());
    }

    /**
     * Like {@link #connect(URI, BaseModel)} over a shared {@link HttpClient}: many clients in one JVM (a load tool)
     * should share one, which shares its selector thread.
     */
    public static <R extends BaseModel> TandemClient<R> connect(URI uri, R root, HttpClient http) {
        TandemClient<R> client = new TandemClient<>(root, new JacksonJsonCodec());
        client.socket = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                .buildAsync(withBatching(uri), client.new Listener()).orTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        client.sending = CompletableFuture.completedFuture(client.socket);
        client.initialState.orTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        return client;
    }

    /**
     * {@code uri} asking for batched frames ({@code batch=1}) unless it already says {@code batch=…}; pass
     * {@code ?batch=0} to be served plain v1 frames, one message each.
     */
    static URI withBatching(URI uri) {
        String query = uri.getRawQuery();
        if (query != null && (query.startsWith(Protocol.BATCH_PARAMETER + "=")
                || query.contains("&" + Protocol.BATCH_PARAMETER + "="))) {
            return uri;
        }
        String batch = Protocol.BATCH_PARAMETER + "=1";
        return URI.create(uri.toString() + (query == null ? "?" : "&") + batch);
    }

    /** Reads the replica under the client's lock: a consistent snapshot between two server messages. */
    public <T> T read(Function<R, T> reader) {
        synchronized (lock) {
            return reader.apply(root);
        }
    }

    /** The replica's xport as JSON text. */
    public String xportText() {
        return read(tree -> codec.encode(tree.xport()));
    }

    /** The seq of the last state message applied. */
    public long seq() {
        return read(tree -> sync.replica().seq());
    }

    /** Waits until the replica has applied {@code seq} (or fails after {@code timeout}). */
    public void awaitSeq(long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (sync.replica().seq() < seq) {
                checkHealthy();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("seq " + seq + " not reached within " + timeout + "; at "
                            + sync.replica().seq());
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    /** Calls {@code listener} with the text of every frame before it is applied (receiving thread, under the lock). */
    public void onText(Consumer<String> listener) {
        synchronized (lock) {
            textListeners.add(listener);
        }
    }

    /**
     * Calls {@code listener} with every message the server sends, one by one even when they came batched in one
     * frame (on the receiving thread, under the lock).
     */
    public void onFrame(Consumer<JsonObject> listener) {
        synchronized (lock) {
            frameListeners.add(listener);
        }
    }

    public CompletableFuture<JsonObject> setServer(BaseModel model, Map<String, ?> changes) {
        return command(callback -> sync.setServer(model, changes, callback));
    }

    public CompletableFuture<JsonObject> unsetServer(BaseModel model, Collection<String> keys) {
        return command(callback -> sync.unsetServer(model, keys, callback));
    }

    /** Adds a model to {@code collection} ({@code at} -1: the server's choice); the ack carries the new "id". */
    public CompletableFuture<JsonObject> addServer(ModelCollection<?> collection, Map<String, ?> attrs, int at) {
        return command(callback -> sync.addServer(collection, attrs, at, callback));
    }

    public CompletableFuture<JsonObject> removeServer(BaseModel model) {
        return command(callback -> sync.removeServer(model, callback));
    }

    public CompletableFuture<JsonObject> moveServer(BaseModel model, int to) {
        return command(callback -> sync.moveServer(model, to, callback));
    }

    /** Sends any text as a frame, bypassing every local check (for tests of the server's defences). */
    public void sendRaw(String text) {
        synchronized (lock) {
            transmit(text);
        }
    }

    /** Completes with the close status code when the server (or the network) closes the connection. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
        socket.abort();
    }

    private CompletableFuture<JsonObject> command(Function<CommandCallback, Long> sender) {
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        synchronized (lock) {
            checkHealthy();
            sender.apply(new CommandCallback() {
                @Override
                public void acknowledged(JsonObject ack) {
                    answer.complete(ack);
                }

                @Override
                public void refused(String code, String message) {
                    answer.completeExceptionally(new CommandRefusedException(code, message));
                }
            });
        }
        return answer;
    }

    /** Sends one frame after the previous one (the JDK WebSocket allows one outstanding send). Under the lock. */
    private void transmit(String text) {
        sending = sending.thenCompose(ws -> ws.sendText(text, true));
    }

    private void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("the client is out of step or disconnected: " + failure, failure);
        }
    }

    private void receive(String text) {
        synchronized (lock) {
            try {
                for (Consumer<String> listener : textListeners) {
                    listener.accept(text);
                }
                if (!frameListeners.isEmpty()) {
                    JsonValue frame = codec.decode(text);
                    List<JsonValue> messages = frame instanceof dev.tandem.json.JsonArray batch ? batch.items()
                            : List.of(frame);
                    for (JsonValue message : messages) {
                        if (message instanceof JsonObject object) {
                            for (Consumer<JsonObject> listener : frameListeners) {
                                listener.accept(object);
                            }
                        }
                    }
                }
                sync.receive(text);
            } catch (RuntimeException e) {
                failure = e;
                initialState.completeExceptionally(e);
            } finally {
                lock.notifyAll();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last && partial.length() == 0) {
                receive(data.toString()); // the usual case: the whole frame in one piece, no extra copy
            } else {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    receive(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            disconnected(new IllegalStateException("closed by the server: " + statusCode + " " + reason));
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            disconnected(error);
            closed.complete(-1);
        }

        private void disconnected(Throwable cause) {
            synchronized (lock) {
                if (failure == null) {
                    failure = cause;
                }
                sync.failPending("disconnected", String.valueOf(cause.getMessage()));
                initialState.completeExceptionally(cause);
                lock.notifyAll();
            }
        }
    }
}
