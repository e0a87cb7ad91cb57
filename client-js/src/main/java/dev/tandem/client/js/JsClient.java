package dev.tandem.client.js;

import dev.tandem.client.BrowserClient;
import dev.tandem.client.json.BrowserJsonCodec;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonValue;
import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;
import dev.tandem.model.ModelValidationException;
import dev.tandem.model.TreeNode;
import dev.tandem.model.events.Event;
import dev.tandem.sync.CommandCallback;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;

/**
 * The JavaScript API of a connected client, for hand-written page code: read the tree by id, subscribe to model
 * events, send commands, export the tree. Models and collections are named by their ids (the root's is
 * {@code rootId()}); values cross as plain JavaScript values.
 * <pre>
 * const board = tandem;                       // the handle the bundle hands to the page
 * board.ready(() => {
 *   const cards = board.collectionId(board.rootId(), "cards");
 *   board.on(cards, "change:votes", (name, id, key, value) => console.log(id, value));
 *   board.add(cards, {text: "Hello"}, -1, (error, message, id) => console.log(error || id));
 * });
 * </pre>
 */
public final class JsClient {
    private final BrowserClient client;

    public JsClient(BrowserClient client) {
        this.client = client;
    }

    /** Calls {@code callback} once the initial state is in (at once if it already is). */
    @JSExport
    public void ready(JsCallback callback) {
        if (client.sync().replica().hasInitialState()) {
            callback.call();
        } else {
            client.sync().onInitialState(() -> callback.call()); // not callback::call: see BrowserClient's socket
        }
    }

    /** "connecting", "open", "ready", "closed …" or "out of step: …". */
    @JSExport
    public String status() {
        return client.status();
    }

    /** The seq of the last server change applied (-1 before the initial state). */
    @JSExport
    public double seq() {
        return client.sync().replica().seq();
    }

    @JSExport
    public String rootId() {
        return client.root().id();
    }

    /** The value of {@code key} of model {@code id}, as a JavaScript value (undefined-free: null when unset). */
    @JSExport
    public JSObject get(String id, String key) {
        BaseModel model = model(id);
        return BrowserJsonCodec.toJs(model.schema().attribute(key) == null ? dev.tandem.json.JsonNull.INSTANCE
                : model.schema().attribute(key).toJson(model.get(key)));
    }

    /** All attributes of model {@code id} as one object. */
    @JSExport
    public JSObject attributes(String id) {
        return BrowserJsonCodec.toJs(model(id).xportWithoutChildren().get("attrs"));
    }

    /** The id of child model {@code name} of model {@code id}. */
    @JSExport
    public String childId(String id, String name) {
        BaseModel child = model(id).child(name);
        return child == null ? null : child.id();
    }

    /** The id of child collection {@code name} of model {@code id}. */
    @JSExport
    public String collectionId(String id, String name) {
        ModelCollection<?> collection = model(id).collection(name);
        return collection == null ? null : collection.id();
    }

    /** The ids of the members of collection {@code id}, in order. */
    @JSExport
    public String[] members(String collectionId) {
        ModelCollection<?> collection = collection(collectionId);
        String[] ids = new String[collection.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = collection.at(i).id();
        }
        return ids;
    }

    /** Subscribes to events of the model or collection {@code id} (e.g. "change", "change:title", "add", "all"). */
    @JSExport
    public JsSubscription on(String id, String eventName, JsEventCallback callback) {
        TreeNode node = node(id);
        return new JsSubscription(node.on(eventName, event -> deliver(callback, event)));
    }

    /** Asks the server to set attributes: {@code set(id, {votes: 3}, answer)}. */
    @JSExport
    public void set(String id, JSObject changes, JsAnswer answer) {
        CommandCallback callback = callback(answer);
        try {
            client.sync().setServer(model(id), values(changes), callback);
        } catch (RuntimeException problem) {
            refuse(callback, problem);
        }
    }

    @JSExport
    public void unset(String id, String[] keys, JsAnswer answer) {
        CommandCallback callback = callback(answer);
        try {
            client.sync().unsetServer(model(id), Arrays.asList(keys), callback);
        } catch (RuntimeException problem) {
            refuse(callback, problem);
        }
    }

    /** Asks the server to add a model to collection {@code collectionId} at {@code at} (-1: the server's choice). */
    @JSExport
    public void add(String collectionId, JSObject attrs, int at, JsAnswer answer) {
        CommandCallback callback = callback(answer);
        try {
            client.sync().addServer(collection(collectionId), values(attrs), at, callback);
        } catch (RuntimeException problem) {
            refuse(callback, problem);
        }
    }

    @JSExport
    public void remove(String id, JsAnswer answer) {
        CommandCallback callback = callback(answer);
        try {
            client.sync().removeServer(model(id), callback);
        } catch (RuntimeException problem) {
            refuse(callback, problem);
        }
    }

    @JSExport
    public void move(String id, int to, JsAnswer answer) {
        CommandCallback callback = callback(answer);
        try {
            client.sync().moveServer(model(id), to, callback);
        } catch (RuntimeException problem) {
            refuse(callback, problem);
        }
    }

    /** The client's whole tree as JSON text (xport), the same text the server's xport encodes to. */
    @JSExport
    public String xport() {
        return new BrowserJsonCodec().encode(client.root().xport());
    }

    // ---------------------------------------------------------------- internals

    // Each command method sends directly, without a lambda per command: every lambda is a class of its own in the
    // bundle. They share the answer (callback) and the refusal of what fails before sending (refuse).

    /** The callback that hands the server's answer to {@code answer}: (null, null, created id) or (code, message). */
    private static CommandCallback callback(JsAnswer answer) {
        return new CommandCallback() {
            @Override
            public void acknowledged(JsonObject ack) {
                if (!absent(answer)) {
                    JsonValue id = ack.get("id");
                    answer.call(null, null, id instanceof dev.tandem.json.JsonString s ? s.value() : null);
                }
            }

            @Override
            public void refused(String code, String message) {
                if (!absent(answer)) {
                    answer.call(code, message, null);
                }
            }
        };
    }

    /** A command that failed before it was sent is refused through its callback, like one the server refused. */
    private static void refuse(CommandCallback callback, RuntimeException problem) {
        if (problem instanceof ModelValidationException invalid) {
            callback.refused(invalid.violation().code(), invalid.getMessage());
        } else if (problem instanceof UnknownIdException unknown) {
            callback.refused(dev.tandem.protocol.Protocol.UNKNOWN_ID, unknown.getMessage());
        } else if (problem instanceof IllegalArgumentException invalid) {
            callback.refused(dev.tandem.protocol.Protocol.BAD_MESSAGE, invalid.getMessage());
        } else {
            throw problem;
        }
    }

    private static Map<String, Object> values(JSObject object) {
        JsonValue json = BrowserJsonCodec.fromJs(object);
        if (!(json instanceof JsonObject attrs)) {
            throw new IllegalArgumentException("expected an object of attribute values");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0, size = attrs.size(); i < size; i++) { // by position: no Map view of the object in the bundle
            values.put(attrs.keyAt(i), attrs.valueAt(i));
        }
        return values;
    }

    private static void deliver(JsEventCallback callback, Event event) {
        JSObject value = null;
        if (event.key() != null && event.model() != null) {
            value = BrowserJsonCodec.toJs(event.model().schema().attribute(event.key()).toJson(event.value()));
        }
        callback.call(event.name(), event.model() == null ? null : event.model().id(), event.key(), value,
                event.index());
    }

    private BaseModel model(String id) {
        BaseModel model = client.root().registry().model(id);
        if (model == null) {
            throw new UnknownIdException("no model has id " + id);
        }
        return model;
    }

    private ModelCollection<?> collection(String id) {
        ModelCollection<?> collection = client.root().registry().collection(id);
        if (collection == null) {
            throw new UnknownIdException("no collection has id " + id);
        }
        return collection;
    }

    private TreeNode node(String id) {
        TreeNode node = client.root().registry().find(id);
        if (node == null) {
            throw new UnknownIdException("no model or collection has id " + id);
        }
        return node;
    }

    /** An id the client's tree does not hold. */
    private static final class UnknownIdException extends IllegalArgumentException {
        UnknownIdException(String message) {
            super(message);
        }
    }

    @JSBody(params = "value", script = "return value == null;")
    private static native boolean absent(JSObject value);
}
