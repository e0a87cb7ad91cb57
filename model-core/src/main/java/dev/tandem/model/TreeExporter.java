package dev.tandem.model;

import dev.tandem.json.JsonName;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonTreeWriter;
import dev.tandem.json.JsonWriter;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;
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
 *
 * <p>One walk serves both forms: it writes into a {@link JsonWriter}, which is a codec's streaming writer (straight
 * to text, no tree in between) or a {@link JsonTreeWriter} (for {@code xport()}, the tree). Because a streaming
 * writer reorders nothing, the walk itself gives members in {@link JsonObject}'s order: names that look like array
 * indices ("0", "12") first, ascending, as JavaScript orders them; in the usual case, declaration order.
 */
final class TreeExporter {
    // The fixed keys, as tokens a codec's writer can keep its ready text in (JsonName).
    private static final JsonName ID = JsonName.of("id");
    private static final JsonName ATTRS = JsonName.of("attrs");
    private static final JsonName MODELS = JsonName.of("models");
    private static final JsonName COLLECTIONS = JsonName.of("collections");

    private TreeExporter() {
    }

    static JsonObject xport(BaseModel model, boolean withChildren) {
        JsonTreeWriter tree = new JsonTreeWriter();
        xport(model, withChildren, tree);
        return (JsonObject) tree.result();
    }

    static void xport(BaseModel model, boolean withChildren, JsonWriter out) {
        model.registry();
        tree(model, withChildren, out);
    }

    private static void tree(BaseModel model, boolean withChildren, JsonWriter out) {
        out.beginObject();
        out.name(ID);
        id(model, out);
        out.name(ATTRS);
        out.beginObject();
        Schema schema = model.schema();
        List<Attribute<?>> attributes = schema.attributesInJsonOrder();
        for (int i = 0, n = attributes.size(); i < n; i++) {
            int p = schema.positionInJsonOrder(i);
            if (model.holdsAt(p)) {
                Attribute<?> attribute = attributes.get(i);
                out.name(attribute.jsonName());
                attribute.writeJson(model.valueAt(p), out);
            }
        }
        out.endObject();
        if (withChildren) {
            Map<String, BaseModel> children = model.childMap();
            if (!children.isEmpty()) {
                out.name(MODELS);
                out.beginObject();
                for (String name : JsonObject.inPropertyOrder(children.keySet())) {
                    out.name(name);
                    tree(children.get(name), true, out);
                }
                out.endObject();
            }
            Map<String, ModelCollection<?>> collections = model.collectionMap();
            if (!collections.isEmpty()) {
                out.name(COLLECTIONS);
                out.beginObject();
                for (String name : JsonObject.inPropertyOrder(collections.keySet())) {
                    ModelCollection<?> collection = collections.get(name);
                    out.name(name);
                    out.beginObject();
                    out.name(ID);
                    id(collection, out);
                    out.name(MODELS);
                    out.beginArray();
                    for (int i = 0, n = collection.size(); i < n; i++) {
                        tree(collection.at(i), true, out);
                    }
                    out.endArray();
                    out.endObject();
                }
                out.endObject();
            }
        }
        out.endObject();
    }

    private static void id(TreeNode node, JsonWriter out) {
        if (node.id() == null) {
            out.nullValue();
        } else {
            out.value(node.id());
        }
    }
}
