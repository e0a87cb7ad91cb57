package dev.tandem.model;

import dev.tandem.model.schema.Violation;
import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.AttributeValueException;
import dev.tandem.model.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes a model tree equal to a JSON tree in {@link TreeExporter}'s shape: all of it, or none of it.
 *
 * <p>Two phases. The plan phase reads and validates the whole JSON tree against the models' schemas without
 * touching them: shape, ids (set once, unique across the image and the tree), every attribute value, required
 * attributes, the validation hooks, declared children. Any problem ends the import with one
 * {@link ModelValidationException} whose {@code where} is the JSON path. Only a valid plan is applied: first every
 * collection member missing from the image is removed (so a model may move between collections), then every node
 * the image names gets its id (before anything joins the tree, whose registry may be created then), then attributes
 * are replaced (keys absent from {@code attrs} are unset), child models are re-used by name, collection members are
 * re-used by id, new members are built by the collection's factory and added, and members are moved into the
 * image's order — each with its events unless silent.
 *
 * <p>A member key that is missing ({@code "models"} or {@code "collections"}) leaves those children as they are,
 * so an import of {@code xportWithoutChildren} touches the attributes only. Unknown keys are ignored (forward
 * compatibility, like the wire protocol).
 */
final class TreeImporter {
    private final Map<String, Path> imageIds = new HashMap<>();
    private final Set<TreeNode> inTarget = Collections.newSetFromMap(new IdentityHashMap<>());

    private TreeImporter() {
    }

    static void mport(BaseModel target, JsonValue tree, Notify notify) {
        if (target.parent() != null) {
            target.registry(); // so that id clashes with the rest of the tree are found while planning
        }
        TreeImporter importer = new TreeImporter();
        target.forEachNode(importer.inTarget::add);
        ModelPlan plan = importer.planModel(target, tree, Path.ROOT);
        plan.removeMissing(notify);
        plan.assignIds();
        plan.apply(notify);
    }

    // ---------------------------------------------------------------- plan (reads, changes nothing)

    private ModelPlan planModel(BaseModel model, JsonValue image, Path path) {
        JsonObject tree = object(image, path);
        ModelPlan plan = new ModelPlan(model);
        plan.id = id(model, tree, path);
        JsonValue attrs = tree.get("attrs");
        if (attrs == null) {
            throw new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), "attrs", "is missing; a tree needs an attrs object");
        }
        Path attrsPath = path.member("attrs");
        planAttributes(plan, object(attrs, attrsPath), attrsPath);
        JsonValue children = tree.get("models");
        if (children != null) {
            Path modelsPath = path.member("models");
            JsonObject images = object(children, modelsPath);
            checkNames(images, model.children().keySet(), model, modelsPath, "child model");
            for (Map.Entry<String, BaseModel> child : model.children().entrySet()) {
                plan.children.add(planModel(child.getValue(), images.get(child.getKey()),
                        modelsPath.member(child.getKey())));
            }
        }
        JsonValue collections = tree.get("collections");
        if (collections != null) {
            Path collectionsPath = path.member("collections");
            JsonObject images = object(collections, collectionsPath);
            checkNames(images, model.collections().keySet(), model, collectionsPath, "collection");
            for (Map.Entry<String, ModelCollection<?>> entry : model.collections().entrySet()) {
                plan.collections.add(planCollection(entry.getValue(), images.get(entry.getKey()),
                        collectionsPath.member(entry.getKey())));
            }
        }
        return plan;
    }

    private void planAttributes(ModelPlan plan, JsonObject attrs, Path path) {
        BaseModel model = plan.model;
        Schema schema = model.schema();
        AttributeWrite write = new AttributeWrite(schema.size());
        for (int i = 0, size = attrs.size(); i < size; i++) { // by position: no entry objects
            String key = attrs.keyAt(i);
            int p = schema.position(key);
            if (p < 0) {
                throw new ModelValidationException(Violation.UNDECLARED_KEY, path.toString(), key, "is not declared by " + schema.modelName()
                        + " (declared: " + schema.names() + ")");
            }
            Object value;
            try {
                value = schema.attributeAt(p).acceptJson(attrs.valueAt(i));
            } catch (AttributeValueException rejected) {
                throw new ModelValidationException(rejected.violation(), path.toString(), key, rejected.getMessage());
            }
            model.checkSetOnce(p, value, path);
            write.set(p, value);
        }
        for (int p = 0, size = schema.size(); p < size; p++) {
            if (!write.sets(p)) {
                Attribute<?> attribute = schema.attributeAt(p);
                if (attribute.isRequired()) {
                    throw new ModelValidationException(Violation.REQUIRED, path.toString(), attribute.name(), "is required but missing");
                }
                if (model.holdsAt(p)) {
                    write.unset(p);
                }
            }
        }
        model.checkCandidate(write, path);
        plan.write = write;
    }

    private CollectionPlan planCollection(ModelCollection<?> collection, JsonValue image, Path path) {
        JsonObject tree = object(image, path);
        CollectionPlan plan = new CollectionPlan(collection);
        plan.id = id(collection, tree, path);
        JsonValue members = tree.get("models");
        if (!(members instanceof JsonArray array)) {
            throw new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), "models", "must be an array of model trees, got "
                    + describe(members));
        }
        // An empty collection (a new tree) has nothing to keep or remove: no set to fill.
        Set<BaseModel> kept = collection.isEmpty() ? null : Collections.newSetFromMap(new IdentityHashMap<>());
        Path membersPath = path.member("models");
        for (int i = 0; i < array.size(); i++) {
            Path memberPath = membersPath.item(i);
            JsonObject memberTree = object(array.get(i), memberPath);
            JsonValue memberId = memberTree.get("id");
            BaseModel existing = kept != null && memberId instanceof JsonString s ? collection.get(s.value()) : null;
            if (existing != null && existing.id() == null) {
                existing = null; // a client-id match is not an id match
            }
            BaseModel member = existing != null ? existing : collection.create();
            if (kept != null) {
                kept.add(member);
            }
            plan.members.add(planModel(member, memberTree, memberPath));
        }
        if (kept != null) {
            for (BaseModel current : collection) {
                if (!kept.contains(current)) {
                    plan.removals.add(current);
                }
            }
        }
        return plan;
    }

    /** The image's id for {@code node}, checked: a string or null, set once, unique in the image and the tree. */
    private String id(TreeNode node, JsonObject tree, Path path) {
        JsonValue value = tree.get("id");
        if (value == null || value == JsonNull.INSTANCE) {
            return null;
        }
        if (!(value instanceof JsonString string) || string.value().isEmpty()) {
            throw new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), "id", "must be a non-empty string or null, got "
                    + describe(value));
        }
        String id = string.value();
        if (node.id() != null && !node.id().equals(id)) {
            throw new ModelValidationException(Violation.ID_CONFLICT, path.toString(), "id", "is \"" + id + "\" but " + node.describe()
                    + " already has id \"" + node.id() + "\" (ids are set once)");
        }
        Path earlier = imageIds.put(id, path);
        if (earlier != null) {
            throw new ModelValidationException(Violation.ID_CONFLICT, path.toString(), "id", "\"" + id + "\" is also used at " + earlier);
        }
        Registry registry = node.treeRegistry();
        TreeNode holder = registry == null ? null : registry.find(id);
        if (holder != null && holder != node && !inTarget.contains(holder)) {
            throw new ModelValidationException(Violation.ID_CONFLICT, path.toString(), "id", "\"" + id + "\" is already used by " + holder.describe()
                    + " elsewhere in this tree");
        }
        return id;
    }

    private static JsonObject object(JsonValue value, Path path) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), null, "must be an object, got " + describe(value));
    }

    private static void checkNames(JsonObject given, Set<String> declared, BaseModel model, Path path,
            String what) {
        for (int i = 0, size = given.size(); i < size; i++) {
            String name = given.keyAt(i);
            if (!declared.contains(name)) {
                throw new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), name, "is not a " + what + " of "
                        + model.schema().modelName() + " (declared: " + String.join(", ", declared) + ")");
            }
        }
        for (String name : declared) {
            if (!given.has(name)) {
                throw new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), name, "is missing; " + model.schema().modelName()
                        + " declares this " + what);
            }
        }
    }

    private static String describe(JsonValue value) {
        return value == null ? "nothing" : value.kind().name().toLowerCase();
    }

    /**
     * A JSON path into the image ({@code $}, {@code $.attrs}, {@code $.collections.cards.models[3]}), built as a
     * chain of segments and rendered only when an error names it: a valid import, the common case, renders none.
     */
    private static final class Path implements Supplier<String> {
        static final Path ROOT = new Path(null, "$", -1);

        private final Path parent;
        private final String name;
        private final int index;

        private Path(Path parent, String name, int index) {
            this.parent = parent;
            this.name = name;
            this.index = index;
        }

        Path member(String member) {
            return new Path(this, member, -1);
        }

        Path item(int at) {
            return new Path(this, null, at);
        }

        @Override
        public String get() {
            return toString();
        }

        @Override
        public String toString() {
            if (parent == null) {
                return name;
            }
            return parent + (name != null ? "." + name : "[" + index + "]");
        }
    }

    // ---------------------------------------------------------------- apply (validated; changes the tree)

    private static final class ModelPlan {
        final BaseModel model;
        String id;
        AttributeWrite write;
        final List<ModelPlan> children = new ArrayList<>();
        final List<CollectionPlan> collections = new ArrayList<>();

        ModelPlan(BaseModel model) {
            this.model = model;
        }

        void removeMissing(Notify notify) {
            for (ModelPlan child : children) {
                child.removeMissing(notify);
            }
            for (CollectionPlan collection : collections) {
                collection.removeMissing(notify);
            }
        }

        /**
         * Gives every node its id from the image before anything joins the tree, so that a registry created by
         * the first add finds them (and generates none for nodes the image names).
         */
        void assignIds() {
            if (id != null) {
                model.assignId(id);
            }
            for (ModelPlan child : children) {
                child.assignIds();
            }
            for (CollectionPlan collection : collections) {
                if (collection.id != null) {
                    collection.collection.assignId(collection.id);
                }
                for (ModelPlan member : collection.members) {
                    member.assignIds();
                }
            }
        }

        void apply(Notify notify) {
            model.applyValidated(write, notify);
            for (ModelPlan child : children) {
                child.apply(notify);
            }
            for (CollectionPlan collection : collections) {
                collection.apply(notify);
            }
        }
    }

    private static final class CollectionPlan {
        final ModelCollection<?> collection;
        String id;
        final List<ModelPlan> members = new ArrayList<>();
        final List<BaseModel> removals = new ArrayList<>();

        CollectionPlan(ModelCollection<?> collection) {
            this.collection = collection;
        }

        void removeMissing(Notify notify) {
            for (BaseModel removal : removals) {
                collection.remove(removal, notify);
            }
            for (ModelPlan member : members) {
                member.removeMissing(notify);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void apply(Notify notify) {
            ModelCollection raw = collection;
            for (int i = 0; i < members.size(); i++) {
                ModelPlan member = members.get(i);
                if (member.model.parent() == collection) {
                    member.apply(notify);
                    if (collection.indexOf(member.model) != i) {
                        collection.move(member.model, i, notify);
                    }
                } else {
                    // A new member is completed while detached (no one listens yet), then added in place.
                    member.apply(Notify.SILENT);
                    raw.add(member.model, i, notify);
                }
            }
        }
    }
}
