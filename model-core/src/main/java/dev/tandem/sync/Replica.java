package dev.tandem.sync;

import dev.tandem.protocol.Protocol;
import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonReader;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.model.BaseModel;
import dev.tandem.model.IdPolicy;
import dev.tandem.model.ModelCollection;
import dev.tandem.model.Notify;
import dev.tandem.model.PlannedChange;
import dev.tandem.model.Registry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A client's copy of the server's tree, kept in step by applying the server's state messages in order.
 *
 * <p>{@code initial} imports the whole tree; {@code change}, {@code add}, {@code remove} and {@code move} are
 * applied through the registry, by id, so the replica's models fire the same events a server-side listener would
 * see. Every state message carries the next {@code seq}; a gap means something was lost, and the replica refuses to
 * guess ({@link SyncException}). The same class runs in the browser (TeaVM) and in the JVM client.
 */
public final class Replica {
    private final BaseModel root;
    private final Registry registry;
    private long seq = -1;
    // What a streamed message read so far (one message at a time: a replica is used by one thread), and the member
    // readers, made once rather than per message (this is every change message's path).
    private String streamedId;
    private PlannedChange streamedPlan;
    private final MessageMember initialMember = this::readInitialMember;
    private final MessageMember changeMember = this::readChangeMember;

    public Replica(BaseModel root) {
        this.root = root;
        this.registry = root.registry(IdPolicy.ASSIGNED);
    }

    public BaseModel root() {
        return root;
    }

    /** The seq of the last state message applied; -1 before the initial state. */
    public long seq() {
        return seq;
    }

    public boolean hasInitialState() {
        return seq >= 0;
    }

    /**
     * Applies one state message ({@code initial}, {@code change}, {@code add}, {@code remove}, {@code move});
     * returns false for any other event, which it leaves to the caller.
     */
    public boolean apply(JsonObject message) {
        String event = text(message, Protocol.EVENT);
        switch (event) {
            case Protocol.INITIAL:
                root.mport(field(message, Protocol.DATA), Notify.EVENTS);
                seq = number(message, Protocol.SEQ);
                return true;
            case Protocol.CHANGE:
                next(message);
                applyChange(message);
                return true;
            case Protocol.ADD: {
                next(message);
                ModelCollection<?> collection = collection(message);
                BaseModel model = collection.create();
                model.mport(field(message, Protocol.MODEL), Notify.SILENT);
                add(collection, model, (int) number(message, Protocol.AT));
                return true;
            }
            case Protocol.REMOVE: {
                next(message);
                ModelCollection<?> collection = collection(message);
                collection.remove(member(collection, text(message, Protocol.ID)));
                return true;
            }
            case Protocol.MOVE: {
                next(message);
                ModelCollection<?> collection = collection(message);
                collection.move(member(collection, text(message, Protocol.ID)), (int) number(message, Protocol.TO));
                return true;
            }
            default:
                return false;
        }
    }

    /** A seq read from a message: a safe non-negative integer, or -1 for any other number. */
    private static long readSeq(JsonReader in) {
        double number = in.nextDouble();
        return number < 0 || number != Math.floor(number) || number > JsonNumber.MAX_SAFE_INTEGER ? -1 : (long) number;
    }

    /**
     * Applies an {@code initial} message read straight from {@code in}, without its JSON tree: the same import, seq
     * and events as {@link #apply} of the decoded message. It takes only a message made of {@code event} (the string
     * {@code "initial"}), {@code seq} (an integer) and {@code data}, each once, in any order, and applies nothing
     * until the whole message has been read and the import planned. For anything else (another event, another shape,
     * an invalid tree, malformed text) it returns false having changed nothing, and the caller decodes the text and
     * calls {@link #apply}, which then decides (and reports any error) exactly as before.
     */
    public boolean applyInitial(JsonReader in) {
        PlannedChange plan;
        long incoming;
        try {
            streamedPlan = null;
            incoming = readMessage(in, Protocol.INITIAL, initialMember);
        } catch (RuntimeException problem) {
            return false; // nothing was applied; the decoded message decides
        } finally {
            plan = streamedPlan;
            streamedPlan = null;
        }
        if (incoming < 0 || plan == null) {
            return false;
        }
        plan.apply();
        seq = incoming;
        return true;
    }

    private boolean readInitialMember(String name, JsonReader value) {
        if (!name.equals(Protocol.DATA) || streamedPlan != null) {
            return false;
        }
        streamedPlan = root.planImport(value, Notify.EVENTS);
        return true;
    }

    /**
     * Applies a {@code change} message read straight from {@code in}, without its JSON tree: the same checks, in the
     * same order, the same write and events as {@link #apply} of the decoded message. It takes only a message made
     * of {@code event} ({@code "change"}), {@code seq}, {@code id} and then {@code attrs}, each once, and changes
     * nothing until all of it is read and every value checked. For anything else (unset keys, another order, an
     * unknown model, an invalid value, malformed text) it returns false having changed nothing, and the caller
     * decodes the text and calls {@link #apply}, which decides (and fails) exactly as before.
     */
    public boolean applyChange(JsonReader in) {
        PlannedChange plan;
        long incoming;
        try {
            streamedId = null;
            streamedPlan = null;
            incoming = readMessage(in, Protocol.CHANGE, changeMember);
        } catch (RuntimeException problem) {
            incoming = -1; // nothing was applied; the decoded message decides
        } finally {
            plan = streamedPlan;
            streamedId = null;
            streamedPlan = null;
        }
        if (incoming < 0 || plan == null) {
            if (plan != null) {
                plan.discard(); // the model's write it holds is free again
            }
            return false;
        }
        try {
            next(incoming);
        } catch (SyncException gap) {
            plan.discard();
            throw gap;
        }
        plan.apply();
        return true;
    }

    private boolean readChangeMember(String name, JsonReader value) {
        if (name.equals(Protocol.ID) && streamedId == null && value.peek() == JsonValue.Kind.STRING) {
            streamedId = value.nextString();
            return true;
        }
        if (!name.equals(Protocol.ATTRS) || streamedPlan != null || streamedId == null) {
            return false;
        }
        BaseModel model = registry.model(streamedId);
        if (model == null) {
            return false;
        }
        streamedPlan = model.planSetFromJson(value, Notify.EVENTS);
        return true;
    }

    /** Reads one member of a streamed message other than its event and seq; false refuses the message. */
    private interface MessageMember {
        boolean read(String name, JsonReader value);
    }

    /**
     * Reads a streamed message object: its {@code event} must be {@code event}, its {@code seq} a safe integer, each
     * once; every other member goes to {@code members}. Returns the seq, or -1 when the message is refused (nothing
     * having been applied: the readers only plan).
     */
    private static long readMessage(JsonReader in, String event, MessageMember members) {
        boolean eventSeen = false;
        long incoming = -1;
        if (in.peek() != JsonValue.Kind.OBJECT) {
            return -1;
        }
        in.beginObject();
        while (in.hasNext()) {
            String name = in.nextName();
            if (name.equals(Protocol.EVENT) && !eventSeen && in.peek() == JsonValue.Kind.STRING) {
                if (!event.equals(in.nextString())) {
                    return -1;
                }
                eventSeen = true;
            } else if (name.equals(Protocol.SEQ) && incoming < 0 && in.peek() == JsonValue.Kind.NUMBER) {
                incoming = readSeq(in);
                if (incoming < 0) {
                    return -1;
                }
            } else if (!members.read(name, in)) {
                return -1;
            }
        }
        in.endObject();
        return eventSeen ? incoming : -1;
    }

    private void applyChange(JsonObject message) {
        BaseModel model = registry.model(text(message, Protocol.ID));
        if (model == null) {
            throw new SyncException("change for unknown model " + text(message, Protocol.ID));
        }
        JsonValue attrs = message.get(Protocol.ATTRS);
        JsonValue unset = message.get(Protocol.UNSET_KEYS);
        List<String> keys = Collections.emptyList(); // most changes unset nothing: no list for them
        if (unset instanceof JsonArray array && array.size() > 0) {
            keys = new ArrayList<>(array.size());
            for (JsonValue key : array) {
                keys.add(((JsonString) key).value());
            }
        }
        model.setFromJson(attrs instanceof JsonObject object ? object : JsonObject.EMPTY, keys, Notify.EVENTS);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void add(ModelCollection collection, BaseModel model, int at) {
        collection.add(model, at);
    }

    private void next(JsonObject message) {
        next(number(message, Protocol.SEQ));
    }

    private void next(long incoming) {
        if (seq < 0) {
            throw new SyncException("state message seq " + incoming + " before the initial state");
        }
        if (incoming != seq + 1) {
            throw new SyncException("expected seq " + (seq + 1) + " but got " + incoming + "; reconnect to resync");
        }
        seq = incoming;
    }

    private ModelCollection<?> collection(JsonObject message) {
        String id = text(message, Protocol.COLLECTION);
        ModelCollection<?> collection = registry.collection(id);
        if (collection == null) {
            throw new SyncException("unknown collection " + id);
        }
        return collection;
    }

    private static BaseModel member(ModelCollection<?> collection, String id) {
        BaseModel model = collection.get(id);
        if (model == null) {
            throw new SyncException("unknown model " + id + " in " + collection.describe());
        }
        return model;
    }

    static JsonValue field(JsonObject message, String key) {
        JsonValue value = message.get(key);
        if (value == null) {
            throw new SyncException("message lacks \"" + key + "\"");
        }
        return value;
    }

    static String text(JsonObject message, String key) {
        if (field(message, key) instanceof JsonString string) {
            return string.value();
        }
        throw new SyncException("\"" + key + "\" must be a string");
    }

    static long number(JsonObject message, String key) {
        if (field(message, key) instanceof JsonNumber number && number.isSafeInteger()) {
            return number.longValue();
        }
        throw new SyncException("\"" + key + "\" must be an integer");
    }
}
