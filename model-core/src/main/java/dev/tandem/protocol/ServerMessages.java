package dev.tandem.protocol;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.model.BaseModel;
import dev.tandem.model.tree.AttributesChanged;
import dev.tandem.model.tree.ModelAdded;
import dev.tandem.model.tree.ModelMoved;
import dev.tandem.model.tree.ModelRemoved;
import dev.tandem.model.tree.TreeChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the server's messages: the initial state, one message per tree change, and command answers. */
public final class ServerMessages {
    private ServerMessages() {
    }

    /** {@code {"event":"initial","seq":S,"data":TREE}} */
    public static JsonObject initial(long seq, JsonObject tree) {
        return JsonObject.builder().put(Protocol.EVENT, JsonString.of(Protocol.INITIAL))
                .put(Protocol.SEQ, JsonNumber.of(seq)).put(Protocol.DATA, tree).build();
    }

    /** The message announcing {@code change}, stamped {@code seq}. */
    public static JsonObject of(TreeChange change, long seq) {
        JsonObject.Builder message = JsonObject.builder();
        if (change instanceof AttributesChanged changed) {
            message.put(Protocol.EVENT, JsonString.of(Protocol.CHANGE)).put(Protocol.SEQ, JsonNumber.of(seq))
                    .put(Protocol.ID, id(changed.model().id()))
                    .put(Protocol.ATTRS, attributes(changed.model(), changed.changed()));
            if (!changed.unset().isEmpty()) {
                List<JsonValue> keys = new ArrayList<>();
                for (String key : changed.unset()) {
                    keys.add(JsonString.of(key));
                }
                message.put(Protocol.UNSET_KEYS, JsonArray.of(keys));
            }
        } else if (change instanceof ModelAdded added) {
            message.put(Protocol.EVENT, JsonString.of(Protocol.ADD)).put(Protocol.SEQ, JsonNumber.of(seq))
                    .put(Protocol.COLLECTION, id(added.collection().id()))
                    .put(Protocol.AT, JsonNumber.of(added.index()))
                    .put(Protocol.MODEL, added.model().xport());
        } else if (change instanceof ModelRemoved removed) {
            message.put(Protocol.EVENT, JsonString.of(Protocol.REMOVE)).put(Protocol.SEQ, JsonNumber.of(seq))
                    .put(Protocol.COLLECTION, id(removed.collection().id()))
                    .put(Protocol.ID, id(removed.model().id()));
        } else {
            ModelMoved moved = (ModelMoved) change;
            message.put(Protocol.EVENT, JsonString.of(Protocol.MOVE)).put(Protocol.SEQ, JsonNumber.of(seq))
                    .put(Protocol.COLLECTION, id(moved.collection().id()))
                    .put(Protocol.ID, id(moved.model().id()))
                    .put(Protocol.TO, JsonNumber.of(moved.to()));
        }
        return message.build();
    }

    /** {@code {"event":"ack","ref":R}}, with {@code "id"} of a model the command created (or null). */
    public static JsonObject ack(JsonValue ref, String createdId) {
        JsonObject.Builder message = JsonObject.builder().put(Protocol.EVENT, JsonString.of(Protocol.ACK))
                .put(Protocol.REF, ref == null ? JsonNull.INSTANCE : ref);
        if (createdId != null) {
            message.put(Protocol.ID, JsonString.of(createdId));
        }
        return message.build();
    }

    /** {@code {"event":"error","ref":R,"code":C,"message":M}} */
    public static JsonObject error(JsonValue ref, String code, String text) {
        return JsonObject.builder().put(Protocol.EVENT, JsonString.of(Protocol.ERROR))
                .put(Protocol.REF, ref == null ? JsonNull.INSTANCE : ref)
                .put(Protocol.CODE, JsonString.of(code))
                .put(Protocol.MESSAGE, JsonString.of(text == null ? code : text)).build();
    }

    private static JsonObject attributes(BaseModel model, Map<String, Object> values) {
        JsonObject.Builder attrs = JsonObject.builder();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            attrs.put(entry.getKey(), model.schema().attribute(entry.getKey()).toJson(entry.getValue()));
        }
        return attrs.build();
    }

    private static JsonValue id(String id) {
        return id == null ? JsonNull.INSTANCE : JsonString.of(id);
    }
}
