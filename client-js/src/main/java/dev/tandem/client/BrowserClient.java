package dev.tandem.client;

import dev.tandem.client.json.BrowserJsonCodec;
import dev.tandem.model.BaseModel;
import dev.tandem.protocol.Protocol;
import dev.tandem.sync.SyncClient;
import dev.tandem.sync.SyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.teavm.jso.JSBody;
import org.teavm.jso.websocket.WebSocket;

/**
 * The browser runtime: one WebSocket to the server, and the {@link SyncClient} (shared with the JVM client) that
 * keeps the page's model tree in step with it. Frames enter in {@code onMessage}, become state in the
 * {@link dev.tandem.sync.Replica}, and the models' own events tell the page what changed.
 */
public final class BrowserClient {
    private final BaseModel root;
    private final WebSocket socket;
    private final SyncClient sync;
    private final List<Consumer<String>> statusListeners = new ArrayList<>();
    private String status = "connecting";

    private BrowserClient(BaseModel root, String url) {
        this.root = root;
        this.socket = new WebSocket(url);
        // A lambda, not socket::send: a method reference null-checks the socket as a Java object, which makes TeaVM
        // bundle its wrapper for JavaScript values held by Java (about 6 KB).
        this.sync = new SyncClient(root, new BrowserJsonCodec(), text -> socket.send(text));
        socket.onOpen(event -> status("open"));
        socket.onMessage(event -> receive(event.getDataAsString()));
        socket.onClose(event -> {
            sync.failPending("disconnected", "the connection closed");
            status("closed " + event.getCode() + (event.getReason() == null || event.getReason().isEmpty() ? ""
                    : " " + event.getReason()));
        });
    }

    /**
     * Connects {@code root} to the page's own server: {@code ws://host/ws} (or {@code wss://} under https) plus the
     * page's query string, which the server's authenticator can read, plus {@code batch=1} (this client applies
     * batched frames).
     */
    public static BrowserClient connect(BaseModel root) {
        return connect(root, defaultUrl());
    }

    public static BrowserClient connect(BaseModel root, String url) {
        return new BrowserClient(root, url);
    }

    public BaseModel root() {
        return root;
    }

    public SyncClient sync() {
        return sync;
    }

    /** "connecting", "open", "ready" (initial state applied), "closed CODE REASON" or "out of step: …". */
    public String status() {
        return status;
    }

    public void onStatus(Consumer<String> listener) {
        statusListeners.add(listener);
    }

    private void receive(String text) {
        boolean wasReady = sync.replica().hasInitialState();
        try {
            sync.receive(text);
        } catch (SyncException outOfStep) {
            status("out of step: " + outOfStep.getMessage());
            socket.close(4000, "out of step");
            return;
        }
        if (!wasReady && sync.replica().hasInitialState()) {
            status("ready");
        }
    }

    private void status(String value) {
        status = value;
        for (Consumer<String> listener : new ArrayList<>(statusListeners)) {
            listener.accept(value);
        }
    }

    /**
     * The page's own server, passing the page's query string on (so {@code ?name=…} reaches the authenticator) and
     * asking for batched frames.
     */
    @JSBody(script = "return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '"
            + Protocol.PATH + "' + (location.search ? location.search + '&' : '?') + '" + Protocol.BATCH_PARAMETER
            + "=1';")
    private static native String defaultUrl();
}
