package dev.tandem.model;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.model.schema.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a model tree as a plain JSON tree, the shape every Tandem end understands:
 * <pre>
 * TREE = {"id": ID, "attrs": {key: value, …},
 *         "models": {name: TREE, …},
 *         "collections": {name: {"id": ID, "models": [TREE, …]}, …}}
 * </pre>
 * {@code attrs} lists the attributes that hold a value, in declaration order; {@code models} and
 * {@code collections} appear when the model declares any (and are left out by {@code xportWithoutChildren}).
 * An id not yet assigned is {@code null}; exporting first makes sure the tree has a registry, so in an
 * authoritative tree every node has its id.
 */
final class TreeExporter {
    private TreeExporter() {
    }

    static JsonObject xport(BaseModel model, boolean withChildren) {
        model.registry();
        return tree(model, withChildren);
    }

    private static JsonObject tree(BaseModel model, boolean withChildren) {
        JsonObject.Builder attrs = JsonObject.builder();
        Map<String, Object> current = model.currentAttributes();
        for (Attribute<?> attribute : model.schema().attributes()) {
            if (current.containsKey(attribute.name())) {
                attrs.put(attribute.name(), attribute.toJson(current.get(attribute.name())));
            }
        }
        JsonObject.Builder out = JsonObject.builder().put("id", id(model)).put("attrs", attrs.build());
        if (!withChildren) {
            return out.build();
        }
        if (!model.children().isEmpty()) {
            JsonObject.Builder children = JsonObject.builder();
            for (Map.Entry<String, BaseModel> child : model.children().entrySet()) {
                children.put(child.getKey(), tree(child.getValue(), true));
            }
            out.put("models", children.build());
        }
        if (!model.collections().isEmpty()) {
            JsonObject.Builder collections = JsonObject.builder();
            for (Map.Entry<String, ModelCollection<?>> entry : model.collections().entrySet()) {
                ModelCollection<?> collection = entry.getValue();
                List<JsonValue> members = new ArrayList<>(collection.size());
                for (BaseModel member : collection) {
                    members.add(tree(member, true));
                }
                collections.put(entry.getKey(), JsonObject.builder().put("id", id(collection))
                        .put("models", JsonArray.of(members)).build());
            }
            out.put("collections", collections.build());
        }
        return out.build();
    }

    private static JsonValue id(TreeNode node) {
        return node.id() == null ? JsonNull.INSTANCE : JsonString.of(node.id());
    }
}
