package dev.tandem.server;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.model.BaseModel;
import dev.tandem.model.ClientAccess;
import dev.tandem.model.ModelCollection;
import dev.tandem.model.ModelValidationException;
import dev.tandem.model.Notify;
import dev.tandem.model.Registry;
import dev.tandem.protocol.Protocol;
import dev.tandem.protocol.ServerMessages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path a client command takes into the tree, run on the authority thread:
 * <b>parse</b> (fields and their JSON types) → <b>resolve</b> (ids to models and collections, keys to declared
 * attributes) → <b>authorize</b>
 * (the target model's {@link BaseModel#authorize} hook) → <b>validate and apply</b> (the model validates the whole
 * command before changing anything; the change is then streamed and broadcast with its seq) → <b>answer</b>
 * ({@code ack}, or {@code error} with a specific code). A refused command changes nothing. Used by the authority
 * thread only.
 */
final class CommandPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(CommandPipeline.class);

    /** The model the current add created (so its id reaches the ack even if a listener fails afterwards). */
    private BaseModel created;

    /** A command refused before it touched the tree. */
    private static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /**
     * Runs one decoded command for {@code user}; returns the answer to send back. {@code seq} reads the authority's
     * sequence number: if it moved, the command reached the tree, so a failure after that (a listener's) does not
     * turn into an error — the change stands and was broadcast.
     */
    JsonObject execute(BaseModel root, String user, JsonValue decoded, LongSupplier seq) {
        if (!(decoded instanceof JsonObject command)) {
            return ServerMessages.error(JsonNull.INSTANCE, Protocol.MALFORMED_JSON,
                    "a command must be a JSON object, got " + decoded.kind().name().toLowerCase());
        }
        JsonValue ref = command.get(Protocol.REF);
        long seqBefore = seq.getAsLong();
        created = null;
        try {
            String event = string(command, Protocol.EVENT);
            String createdId = switch (event) {
                case Protocol.SET -> set(root.registry(), user, command);
                case Protocol.UNSET -> unset(root.registry(), user, command);
                case Protocol.ADD -> add(root.registry(), user, command);
                case Protocol.REMOVE -> remove(root.registry(), user, command);
                case Protocol.MOVE -> move(root.registry(), user, command);
                default -> throw new Refused(Protocol.UNKNOWN_EVENT, "unknown event \"" + event
                        + "\"; expected set, unset, add, remove or move");
            };
            return ServerMessages.ack(ref, createdId);
        } catch (Refused refused) {
            return ServerMessages.error(ref, refused.code, refused.getMessage());
        } catch (RuntimeException failure) {
            if (seq.getAsLong() != seqBefore) {
                // The change is in the tree and was broadcast; a listener failed afterwards. The command stands.
                LOG.warn("a listener failed after a command was applied", failure);
                return ServerMessages.ack(ref, created == null ? null : created.id());
            }
            if (failure instanceof ModelValidationException invalid) {
                return ServerMessages.error(ref, invalid.violation().code(), invalid.getMessage());
            }
            LOG.error("command failed unexpectedly: {}", command, failure);
            return ServerMessages.error(ref, Protocol.INTERNAL, "the server failed to apply this command");
        }
    }

    private String set(Registry registry, String user, JsonObject command) {
        BaseModel model = model(registry, string(command, Protocol.ID));
        JsonObject change = object(command, Protocol.CHANGE_FIELD);
        declared(model, change.keys());
        authorize(model, new ClientAccess(user, ClientAccess.Kind.SET, model, null, change.keys()));
        model.setFromJson(change, Collections.emptyList(), Notify.EVENTS);
        return null;
    }

    private String unset(Registry registry, String user, JsonObject command) {
        BaseModel model = model(registry, string(command, Protocol.ID));
        List<String> keys = strings(command, Protocol.KEYS);
        declared(model, keys);
        authorize(model, new ClientAccess(user, ClientAccess.Kind.UNSET, model, null, new LinkedHashSet<>(keys)));
        model.setFromJson(JsonObject.EMPTY, keys, Notify.EVENTS);
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private String add(Registry registry, String user, JsonObject command) {
        ModelCollection collection = collection(registry, string(command, Protocol.COLLECTION));
        JsonObject attrs = object(command, Protocol.ATTRS);
        int at = command.has(Protocol.AT) ? index(command, Protocol.AT) : -1;
        BaseModel created = collection.create();
        declared(created, attrs.keys());
        authorize(owner(collection), new ClientAccess(user, ClientAccess.Kind.ADD, created, collection,
                attrs.keys()));
        created.setFromJson(attrs, Collections.emptyList(), Notify.SILENT);
        this.created = created;
        collection.add(created, at, Notify.EVENTS);
        return created.id();
    }

    private String remove(Registry registry, String user, JsonObject command) {
        ModelCollection<?> collection = collection(registry, string(command, Protocol.COLLECTION));
        BaseModel model = member(collection, string(command, Protocol.ID));
        authorize(owner(collection), new ClientAccess(user, ClientAccess.Kind.REMOVE, model, collection, null));
        collection.remove(model, Notify.EVENTS);
        return null;
    }

    private String move(Registry registry, String user, JsonObject command) {
        ModelCollection<?> collection = collection(registry, string(command, Protocol.COLLECTION));
        BaseModel model = member(collection, string(command, Protocol.ID));
        int to = index(command, Protocol.TO);
        authorize(owner(collection), new ClientAccess(user, ClientAccess.Kind.MOVE, model, collection, null));
        if (to >= collection.size()) {
            throw new Refused("bad-index", "index " + to + " is out of range 0…" + (collection.size() - 1));
        }
        collection.move(model, to, Notify.EVENTS);
        return null;
    }

    // ---------------------------------------------------------------- resolve and authorize

    private static BaseModel model(Registry registry, String id) {
        BaseModel model = registry.model(id);
        if (model == null) {
            throw new Refused(Protocol.UNKNOWN_ID, "no model has id \"" + id + "\"");
        }
        return model;
    }

    private static ModelCollection<?> collection(Registry registry, String id) {
        ModelCollection<?> collection = registry.collection(id);
        if (collection == null) {
            throw new Refused(Protocol.UNKNOWN_ID, "no collection has id \"" + id + "\"");
        }
        return collection;
    }

    /** The member with {@code id}, by id only (never by a process-local client id), or a refusal. */
    private static BaseModel member(ModelCollection<?> collection, String id) {
        BaseModel model = collection.registry().model(id);
        if (model == null || model.parent() != collection) {
            throw new Refused(Protocol.UNKNOWN_ID, "no model with id \"" + id + "\" in " + collection.describe());
        }
        return model;
    }

    private static BaseModel owner(ModelCollection<?> collection) {
        if (collection.parent() instanceof BaseModel owner) {
            return owner;
        }
        throw new Refused(Protocol.FORBIDDEN, collection.describe() + " has no owning model to authorize changes");
    }

    /** Undeclared keys are refused as such, before authorization would call them forbidden. */
    private static void declared(BaseModel model, java.util.Collection<String> keys) {
        for (String key : keys) {
            if (!model.schema().declares(key)) {
                throw new Refused(dev.tandem.model.schema.Violation.UNDECLARED_KEY.code(), model.describe() + ": '"
                        + key + "' is not declared by " + model.schema().modelName() + " (declared: "
                        + model.schema().names() + ")");
            }
        }
    }

    private static void authorize(BaseModel decider, ClientAccess access) {
        if (!decider.authorize(access)) {
            String what = access.collection() != null
                    ? access.kind().name().toLowerCase() + " on " + access.collection().describe()
                    : access.kind().name().toLowerCase() + " of " + access.keys() + " on " + access.model().describe();
            throw new Refused(Protocol.FORBIDDEN, "user " + access.user() + " may not " + what);
        }
    }

    // ---------------------------------------------------------------- parse

    private static String string(JsonObject command, String field) {
        if (command.get(field) instanceof JsonString string) {
            return string.value();
        }
        throw new Refused(Protocol.BAD_MESSAGE, "\"" + field + "\" must be a string");
    }

    private static JsonObject object(JsonObject command, String field) {
        if (command.get(field) instanceof JsonObject object) {
            return object;
        }
        throw new Refused(Protocol.BAD_MESSAGE, "\"" + field + "\" must be an object");
    }

    private static int index(JsonObject command, String field) {
        if (command.get(field) instanceof JsonNumber number && number.isSafeInteger() && number.value() >= 0
                && number.value() <= Integer.MAX_VALUE) {
            return (int) number.longValue();
        }
        throw new Refused(Protocol.BAD_MESSAGE, "\"" + field + "\" must be a non-negative integer");
    }

    private static List<String> strings(JsonObject command, String field) {
        if (command.get(field) instanceof JsonArray array) {
            Set<String> keys = new LinkedHashSet<>();
            for (JsonValue item : array) {
                if (!(item instanceof JsonString key)) {
                    throw new Refused(Protocol.BAD_MESSAGE, "\"" + field + "\" must be an array of strings");
                }
                keys.add(key.value());
            }
            return new ArrayList<>(keys);
        }
        throw new Refused(Protocol.BAD_MESSAGE, "\"" + field + "\" must be an array of strings");
    }
}
