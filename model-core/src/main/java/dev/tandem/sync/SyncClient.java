package dev.tandem.sync;

import dev.tandem.protocol.Protocol;
import dev.tandem.protocol.ServerMessages;
import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonReader;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.json.MalformedJsonException;
import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.AttributeValueException;
import dev.tandem.model.ModelValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client side of protocol v1, independent of any transport: feed it the server's frames with
 * {@link #receive}, and it keeps a {@link Replica} in step and completes commands; its {@code …Server} methods send
 * commands through the {@link Transport}. The browser client (TeaVM) and the JVM client both wrap this one class,
 * which is why they behave the same.
 *
 * <p>Commands are checked locally first (declared keys, types, allowed values) and fail at once with a
 * {@link ModelValidationException}; the server checks again, since it trusts no client. Not thread-safe: call it
 * from one thread (the browser's, or the JVM client's receiving thread).
 */
public final class SyncClient {
    /** Sends one text frame to the server. */
    @FunctionalInterface
    public interface Transport {
        void send(String text);
    }

    /** How the server starts an initial-state message (ServerMessages writes {@code event} first). */
    private static final String CHANGE_PREFIX = "{\"" + Protocol.EVENT + "\":\"" + Protocol.CHANGE + "\"";
    private static final String INITIAL_PREFIX = "{\"" + Protocol.EVENT + "\":\"" + Protocol.INITIAL + "\"";
    /** How a batch frame of change messages starts (see {@link #receiveBatch}). */
    private static final String CHANGE_BATCH_PREFIX = "[" + CHANGE_PREFIX;

    private final Replica replica;
    private final JsonCodec codec;
    private final Transport transport;
    private final Map<Long, CommandCallback> pending = new HashMap<>();
    private final List<Runnable> initialListeners = new ArrayList<>();
    private long nextRef = 1;

    public SyncClient(BaseModel root, JsonCodec codec, Transport transport) {
        this.replica = new Replica(root);
        this.codec = codec;
        this.transport = transport;
    }

    public Replica replica() {
        return replica;
    }

    /** Commands sent and not yet answered. */
    public int pendingCommands() {
        return pending.size();
    }

    /** Runs {@code listener} after each initial state is imported (the first, and any after a reconnect). */
    public void onInitialState(Runnable listener) {
        initialListeners.add(listener);
    }

    /** Handles one text frame from the server: one message, or (batching clients) a JSON array of messages. */
    public void receive(String text) {
        JsonValue decoded = text.startsWith(CHANGE_PREFIX) ? receiveChange(text)
                : text.startsWith(CHANGE_BATCH_PREFIX) ? receiveBatch(text)
                : text.startsWith(INITIAL_PREFIX) ? receiveInitial(text) : decode(text);
        if (decoded == null) {
            return; // an initial state, imported straight from the text
        }
        if (decoded instanceof JsonArray batch) {
            for (JsonValue item : batch) {
                receive(item);
            }
            return;
        }
        receive(decoded);
    }

    private JsonValue decode(String text) {
        try {
            return codec.decode(text);
        } catch (MalformedJsonException e) {
            throw new SyncException("the server sent malformed JSON: " + e.getMessage());
        }
    }

    /**
     * A change message, read straight from the text into the model's write when the codec's reader streams: no JSON
     * tree per message. Null once applied; otherwise, nothing having changed, the decoded message (see
     * {@link #receiveInitial}).
     */
    private JsonValue receiveChange(String text) {
        JsonReader reader = readerOf(text);
        if (reader == null || !reader.streams()) {
            return reader == null ? decode(text) : reader.readValue();
        }
        return replica.applyChange(reader) ? null : decode(text);
    }

    /** The codec's reader of {@code text}, or null when the text is malformed (then {@link #decode} says why). */
    private JsonReader readerOf(String text) {
        try {
            return codec.reader(text);
        } catch (MalformedJsonException malformed) {
            return null;
        }
    }

    /**
     * A batch frame that starts with a change message (what a batching client gets for every authority task), read
     * item by item as {@link #receiveChange} reads one: no JSON tree per frame. The first item the reader path does
     * not take (another kind of message, unset keys, any problem) has changed nothing; the frame is then decoded and
     * the items from that one on go the decoded way, in order, deciding and failing as they always did. Null when
     * every item was handled. (Text that a streaming parser finds malformed after some items leaves those applied;
     * decoding it then fails with a {@link SyncException}, and a client out of step reconnects for a fresh state.)
     */
    private JsonValue receiveBatch(String text) {
        JsonReader reader = readerOf(text);
        if (reader == null || !reader.streams()) {
            return reader == null ? decode(text) : reader.readValue();
        }
        // Only the reader's own steps are guarded: what applying throws (a seq gap, a listener's exception) reaches
        // the caller as it does on the decoded path, instead of sending an applied item down that path again.
        int applied = 0;
        try {
            reader.beginArray();
        } catch (RuntimeException unreadable) {
            return receiveDecodedFrom(text, 0);
        }
        while (true) {
            boolean more;
            try {
                more = reader.hasNext();
            } catch (RuntimeException unreadable) {
                return receiveDecodedFrom(text, applied);
            }
            if (!more) {
                break;
            }
            if (!replica.applyChange(reader)) {
                return receiveDecodedFrom(text, applied);
            }
            applied++;
        }
        try {
            reader.endArray(); // also checks that nothing follows the frame's array
        } catch (RuntimeException unreadable) {
            return receiveDecodedFrom(text, applied);
        }
        return null;
    }

    /** A batch frame decoded, its items from {@code from} on received the decoded way; null when it was an array. */
    private JsonValue receiveDecodedFrom(String text, int from) {
        JsonValue decoded = decode(text);
        if (!(decoded instanceof JsonArray batch)) {
            return decoded;
        }
        for (int i = from; i < batch.size(); i++) {
            receive(batch.get(i));
        }
        return null;
    }

    /**
     * The initial state, read straight from the text when the codec's reader streams (the JVM's): the whole tree
     * goes into the import plan without a JSON tree between, and null is returned once it is applied. Otherwise
     * nothing has changed and the decoded message is returned for {@link #receive(JsonValue)}, which decides as it
     * always did (a codec that does not stream has decoded it already; a streamed message that needs the decoded
     * path is decoded again).
     */
    private JsonValue receiveInitial(String text) {
        JsonReader reader = readerOf(text);
        if (reader == null || !reader.streams()) {
            return reader == null ? decode(text) : reader.readValue();
        }
        if (!replica.applyInitial(reader)) {
            return decode(text);
        }
        for (Runnable listener : new ArrayList<>(initialListeners)) {
            listener.run();
        }
        return null;
    }

    /** Handles one message (an object); a batch frame's items come here one by one. */
    private void receive(JsonValue decoded) {
        if (!(decoded instanceof JsonObject message)) {
            throw new SyncException("the server sent a " + decoded.kind() + " instead of an object");
        }
        JsonValue event = message.get(Protocol.EVENT);
        if (event instanceof JsonString name && (name.value().equals(Protocol.ACK)
                || name.value().equals(Protocol.ERROR))) {
            answer(message, name.value());
            return;
        }
        if (replica.apply(message) && Protocol.INITIAL.equals(((JsonString) event).value())) {
            for (Runnable listener : new ArrayList<>(initialListeners)) {
                listener.run();
            }
        }
    }

    /** Asks the server to set attributes of {@code model}: the post's {@code setServer}. */
    public long setServer(BaseModel model, Map<String, ?> changes, CommandCallback callback) {
        JsonObject.Builder change = JsonObject.builder();
        for (Map.Entry<String, ?> entry : changes.entrySet()) {
            change.put(entry.getKey(), json(model, entry.getKey(), entry.getValue()));
        }
        return send(command(Protocol.SET).put(Protocol.ID, id(model)).put(Protocol.CHANGE_FIELD, change.build()),
                callback);
    }

    public long unsetServer(BaseModel model, Collection<String> keys, CommandCallback callback) {
        List<JsonValue> names = new ArrayList<>();
        for (String key : keys) {
            if (model.schema().attribute(key) == null) {
                throw new ModelValidationException(dev.tandem.model.schema.Violation.UNDECLARED_KEY,
                        model.describe(), key, "is not declared by " + model.schema().modelName());
            }
            names.add(JsonString.of(key));
        }
        return send(command(Protocol.UNSET).put(Protocol.ID, id(model)).put(Protocol.KEYS, JsonArray.of(names)),
                callback);
    }

    /** Asks the server to add a model with {@code attrs} to {@code collection} at {@code at} (-1: the server's choice). */
    public long addServer(ModelCollection<?> collection, Map<String, ?> attrs, int at, CommandCallback callback) {
        BaseModel probe = collection.create();
        probe.set(attrs);
        probe.checkComplete();
        JsonObject.Builder values = JsonObject.builder();
        for (String key : attrs.keySet()) {
            values.put(key, probe.schema().attribute(key).toJson(probe.get(key)));
        }
        JsonObject.Builder message = command(Protocol.ADD).put(Protocol.COLLECTION, id(collection))
                .put(Protocol.ATTRS, values.build());
        if (at >= 0) {
            message.put(Protocol.AT, JsonNumber.of(at));
        }
        return send(message, callback);
    }

    public long removeServer(BaseModel model, CommandCallback callback) {
        return send(command(Protocol.REMOVE).put(Protocol.COLLECTION, id(model.parent()))
                .put(Protocol.ID, id(model)), callback);
    }

    public long moveServer(BaseModel model, int to, CommandCallback callback) {
        return send(command(Protocol.MOVE).put(Protocol.COLLECTION, id(model.parent()))
                .put(Protocol.ID, id(model)).put(Protocol.TO, JsonNumber.of(to)), callback);
    }

    /** Fails every pending command with {@code code} (the connection closed before they were answered). */
    public void failPending(String code, String message) {
        List<CommandCallback> callbacks = new ArrayList<>(pending.values());
        pending.clear();
        for (CommandCallback callback : callbacks) {
            callback.refused(code, message);
        }
    }

    private void answer(JsonObject message, String event) {
        JsonValue ref = message.get(Protocol.REF);
        if (!(ref instanceof JsonNumber number) || !number.isSafeInteger()) {
            return; // an answer to something this client did not number (e.g. a malformed frame)
        }
        CommandCallback callback = pending.remove(number.longValue());
        if (callback == null) {
            return;
        }
        if (event.equals(Protocol.ACK)) {
            callback.acknowledged(message);
        } else {
            JsonValue code = message.get(Protocol.CODE);
            JsonValue text = message.get(Protocol.MESSAGE);
            callback.refused(code instanceof JsonString c ? c.value() : Protocol.INTERNAL,
                    text instanceof JsonString t ? t.value() : "");
        }
    }

    private JsonObject.Builder command(String event) {
        return JsonObject.builder().put(Protocol.EVENT, JsonString.of(event));
    }

    private long send(JsonObject.Builder message, CommandCallback callback) {
        long ref = nextRef++;
        message.put(Protocol.REF, JsonNumber.of(ref));
        pending.put(ref, callback == null ? CommandCallback.IGNORE : callback);
        transport.send(codec.encode(message.build()));
        return ref;
    }

    private static JsonValue json(BaseModel model, String key, Object value) {
        Attribute<?> attribute = model.schema().attribute(key);
        if (attribute == null) {
            throw new ModelValidationException(dev.tandem.model.schema.Violation.UNDECLARED_KEY, model.describe(),
                    key, "is not declared by " + model.schema().modelName() + " (declared: "
                    + model.schema().names() + ")");
        }
        try {
            return attribute.toJson(attribute.accept(value));
        } catch (AttributeValueException rejected) {
            throw new ModelValidationException(rejected.violation(), model.describe(), key, rejected.getMessage());
        }
    }

    private static JsonValue id(dev.tandem.model.TreeNode node) {
        if (node == null || node.id() == null) {
            throw new IllegalArgumentException("the server knows nodes by id; this one has none (is it part of"
                    + " the synchronized tree?)");
        }
        return JsonString.of(node.id());
    }
}
