package dev.tandem.model;

import dev.tandem.model.schema.Violation;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonReader;
import dev.tandem.json.JsonTreeReader;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.AttributeValueException;
import dev.tandem.model.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
    private static final String[] TREE_MEMBERS = {"id", "attrs", "models", "collections"};
    private static final int ID = 0;
    private static final int ATTRS = 1;
    private static final int MODELS = 2;
    private static final int COLLECTIONS = 3;

    private final Map<String, Path> imageIds = new HashMap<>();
    private final Set<TreeNode> inTarget = new HashSet<>();
    private AttributeWrite scratch = new AttributeWrite(8); // the write of each filled model in turn

    private TreeImporter() {
    }

    static void mport(BaseModel target, JsonValue tree, Notify notify) {
        apply(plan(target, new JsonTreeReader(tree)), notify);
    }

    /**
     * {@code mport(target, codec.decode(text), notify)}, with the same result and the same errors, but read straight
     * from the text when the codec's reader streams. A stream cannot go back, so when the streamed plan meets any
     * problem (an invalid value, a key given twice, members in an order whose first problem the tree would report
     * differently, malformed text) it is dropped, nothing having changed, and the import is planned again from the
     * decoded tree, which decides the outcome exactly as before. Only a valid image is ever planned once.
     */
    static void mport(BaseModel target, String text, JsonCodec codec, Notify notify) {
        JsonReader reader = codec.reader(text);
        ModelPlan plan;
        if (!reader.streams()) {
            plan = plan(target, reader);
        } else {
            try {
                plan = plan(target, reader);
            } catch (RuntimeException dropped) {
                plan = plan(target, new JsonTreeReader(codec.decode(text)));
            }
        }
        apply(plan, notify);
    }

    /**
     * Plans the import of the tree {@code in} is positioned before (which it consumes) and returns what applies it;
     * nothing changes until then. Errors are those of {@code mport} for that tree, except that a streaming reader
     * may also stop at a problem only the tree can settle (a key given twice; see {@link #mport(BaseModel, String,
     * JsonCodec, Notify)}): a caller that streams must then import from the decoded tree instead.
     */
    static PlannedChange plan(BaseModel target, JsonReader in, Notify notify) {
        ModelPlan plan = plan(target, in);
        return () -> apply(plan, notify);
    }

    private static ModelPlan plan(BaseModel target, JsonReader image) {
        if (target.parent() != null) {
            target.registry(); // so that id clashes with the rest of the tree are found while planning
        }
        TreeImporter importer = new TreeImporter();
        target.forEachNode(importer.inTarget::add);
        return importer.planModel(target, image, Path.ROOT, false);
    }

    private static void apply(ModelPlan plan, Notify notify) {
        plan.removeMissing(notify);
        plan.assignIds();
        plan.apply(notify);
    }

    /** Thrown by a streaming plan for what only the tree can settle (a repeated key); the tree plan decides. */
    private static final class NeedsTree extends RuntimeException {
        NeedsTree() {
            super(null, null, false, false);
        }
    }

    // ---------------------------------------------------------------- plan (reads, changes nothing)
    //
    // Each object is read in the reader's order. A streaming reader's members are planned as they come; a tree's
    // are planned in the order the checks are defined in (id, attrs, models, collections; child names before the
    // children), which the tree allows at no cost (reading a member of a tree hands out the subtree). So a tree
    // reports, of several problems, always the same first one, and a stream that meets a problem defers to it.

    /**
     * Plans the import of one model tree into {@code model}. A {@code fresh} model is one the importer has just
     * made for a new collection member: no one else holds it or its subtree, and it joins the target only when the
     * plan is applied. Such a model is filled as it is planned (its id assigned, its validated attributes applied
     * silently, its own collections' members added silently) instead of being planned for later: if the plan fails,
     * the unfinished model is dropped with it, so the import stays all or nothing, and its plan only says
     * {@code filled}. It takes the same steps, in the same order, as applying its plan would (the id, then the
     * attributes, then the members once the whole model is read), so it ends in the same state, previous values
     * included. A model with tree-change listeners (only its constructor could have added them) is planned as usual.
     */
    private ModelPlan planModel(BaseModel model, JsonReader in, Path path, boolean fresh) {
        expectObject(in, path);
        ModelPlan plan = new ModelPlan(model, path);
        plan.filled = fresh && !model.hasTreeListeners();
        in.beginObject();
        if (in.streams()) {
            int seen = 0;
            while (in.hasNext()) {
                int member = treeMember(in.nextName());
                if (member < 0) {
                    in.skipValue(); // unknown keys are ignored
                    continue;
                }
                if ((seen & 1 << member) != 0) {
                    throw new NeedsTree();
                }
                seen |= 1 << member;
                planMember(plan, member, in, path);
            }
            if ((seen & 1 << ATTRS) == 0) {
                throw missingAttrs(path);
            }
        } else {
            JsonValue[] members = new JsonValue[TREE_MEMBERS.length];
            while (in.hasNext()) {
                int member = treeMember(in.nextName());
                if (member < 0) {
                    in.skipValue();
                } else {
                    members[member] = in.readValue();
                }
            }
            for (int member = 0; member < members.length; member++) {
                if (members[member] != null) {
                    planMember(plan, member, new JsonTreeReader(members[member]), path);
                } else if (member == ATTRS) {
                    throw missingAttrs(path);
                }
            }
        }
        in.endObject();
        if (plan.filled) {
            plan.fill();
        }
        return plan;
    }

    private static int treeMember(String name) {
        for (int i = 0; i < TREE_MEMBERS.length; i++) {
            if (TREE_MEMBERS[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static ModelValidationException missingAttrs(Path path) {
        return new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), "attrs", "is missing; a tree needs an attrs object");
    }

    private void planMember(ModelPlan plan, int member, JsonReader in, Path path) {
        switch (member) {
            case ID:
                plan.id = id(plan.model, in, path);
                if (plan.filled && plan.id != null) {
                    plan.model.assignId(plan.id);
                }
                break;
            case ATTRS:
                planAttributes(plan, in, path);
                break;
            case MODELS:
                planChildren(plan, in, path);
                break;
            default:
                planCollections(plan, in, path);
                break;
        }
    }

    /** Plans the {@code attrs} of the model at {@code modelPath}; its own path is made only to name an error. */
    private void planAttributes(ModelPlan plan, JsonReader in, Path modelPath) {
        expectObject(in, modelPath, "attrs");
        BaseModel model = plan.model;
        Schema schema = model.schema();
        AttributeWrite write;
        if (plan.filled) {
            if (scratch.capacity() < schema.size()) {
                scratch = new AttributeWrite(schema.size());
            }
            write = scratch;
        } else {
            write = new AttributeWrite(schema.size());
        }
        boolean streams = in.streams();
        boolean named = false;   // for a stream: a non-index-like key was seen
        String lastIndexKey = null; // for a stream: the last index-like key (compared as numbers, without parsing)
        in.beginObject();
        while (in.hasNext()) {
            String key = in.nextName();
            int p = schema.position(key);
            if (p < 0) {
                throw new ModelValidationException(Violation.UNDECLARED_KEY, plan.get(), key, "is not declared by " + schema.modelName()
                        + " (declared: " + schema.names() + ")");
            }
            if (streams) {
                // A tree holds each key once, index-like keys first and ascending (the order attributes are
                // then first set in); text in another order is left to the tree.
                if (write.sets(p)) {
                    throw new NeedsTree();
                }
                if (schema.isIndexLike(p)) {
                    if (named || lastIndexKey != null && JsonObject.compareArrayIndices(key, lastIndexKey) <= 0) {
                        throw new NeedsTree();
                    }
                    lastIndexKey = key;
                } else {
                    named = true;
                }
            }
            Object value;
            try {
                value = schema.attributeAt(p).acceptJson(in);
            } catch (AttributeValueException rejected) {
                throw new ModelValidationException(rejected.violation(), plan.get(), key, rejected.getMessage());
            }
            model.checkSetOnce(p, value, plan);
            write.set(p, value);
        }
        in.endObject();
        for (int p = 0, size = schema.size(); p < size; p++) {
            if (!write.sets(p)) {
                Attribute<?> attribute = schema.attributeAt(p);
                if (attribute.isRequired()) {
                    throw new ModelValidationException(Violation.REQUIRED, plan.get(), attribute.name(), "is required but missing");
                }
                if (model.holdsAt(p)) {
                    write.unset(p);
                }
            }
        }
        model.checkCandidate(write, plan);
        if (plan.filled) {
            model.applyValidated(write, Notify.SILENT);
            write.clear();
        } else {
            plan.write = write;
        }
    }

    private void planChildren(ModelPlan plan, JsonReader in, Path path) {
        BaseModel model = plan.model;
        ModelPlan[] children = planNamed(model, model.childNames(), new ModelPlan[model.childNames().length], in, path,
                "models", "child model", (name, image, at) -> planModel(model.child(name), image, at, plan.filled));
        if (!plan.filled) {
            plan.children = children;
        }
    }

    private void planCollections(ModelPlan plan, JsonReader in, Path path) {
        BaseModel model = plan.model;
        plan.collections = planNamed(model, model.collectionNames(), new CollectionPlan[model.collectionNames().length],
                in, path, "collections", "collection", (name, image, at) -> planCollection(model.collection(name), image, at,
                        plan.filled));
    }

    /** Plans one declared member (a child model or a collection) from its image. */
    private interface MemberPlanner<P> {
        P plan(String name, JsonReader image, Path path);
    }

    /**
     * Plans the object of {@code model}'s declared members ({@code group}: {@code "models"} or {@code "collections"}):
     * every declared name exactly once, into {@code plans} by declaration slot. A stream is read as it comes (a
     * repeated name is left to the tree); a tree is checked for names first, then planned in declaration order.
     * {@code modelPath} is the model's path; the group's own path is made only to name an error.
     */
    private <P> P[] planNamed(BaseModel model, String[] declared, P[] plans, JsonReader in, Path modelPath,
            String group, String what, MemberPlanner<P> planner) {
        if (in.streams()) {
            expectObject(in, modelPath, group);
            in.beginObject();
            while (in.hasNext()) {
                String name = in.nextName();
                int slot = slot(declared, name);
                if (slot < 0) {
                    throw notDeclared(model, modelPath.member(group), name, declared, what);
                }
                if (plans[slot] != null) {
                    throw new NeedsTree();
                }
                plans[slot] = planner.plan(name, in, modelPath.member(group, name));
            }
            in.endObject();
            checkPresent(plans, declared, model, modelPath, group, what);
        } else {
            Path path = modelPath.member(group);
            JsonObject images = object(in.readValue(), path);
            checkNames(images, declared, model, path, what);
            for (int slot = 0; slot < declared.length; slot++) {
                String name = declared[slot];
                plans[slot] = planner.plan(name, new JsonTreeReader(images.get(name)), modelPath.member(group, name));
            }
        }
        return plans;
    }

    private CollectionPlan planCollection(ModelCollection<?> collection, JsonReader in, Path path, boolean fresh) {
        expectObject(in, path);
        CollectionPlan plan = new CollectionPlan(collection);
        plan.filled = fresh;
        in.beginObject();
        if (in.streams()) {
            boolean seenId = false;
            boolean seenMembers = false;
            while (in.hasNext()) {
                String name = in.nextName();
                if (name.equals("id")) {
                    if (seenId) {
                        throw new NeedsTree();
                    }
                    seenId = true;
                    plan.id = id(collection, in, path);
                    plan.assignFilledId();
                } else if (name.equals("models")) {
                    if (seenMembers) {
                        throw new NeedsTree();
                    }
                    seenMembers = true;
                    planMembers(plan, in, path);
                } else {
                    in.skipValue();
                }
            }
            if (!seenMembers) {
                throw notMembers(path, null);
            }
        } else {
            JsonValue id = null;
            JsonValue members = null;
            while (in.hasNext()) {
                String name = in.nextName();
                if (name.equals("id")) {
                    id = in.readValue();
                } else if (name.equals("models")) {
                    members = in.readValue();
                } else {
                    in.skipValue();
                }
            }
            if (id != null) {
                plan.id = id(collection, new JsonTreeReader(id), path);
                plan.assignFilledId();
            }
            if (members == null) {
                throw notMembers(path, null);
            }
            planMembers(plan, new JsonTreeReader(members), path);
        }
        in.endObject();
        return plan;
    }

    /** Plans the members of the collection at {@code path} (its {@code models} array). */
    private void planMembers(CollectionPlan plan, JsonReader in, Path path) {
        if (in.peek() != JsonValue.Kind.ARRAY) {
            throw notMembers(path, in.peek());
        }
        ModelCollection<?> collection = plan.collection;
        // An empty collection (a new tree) has nothing to keep or remove: every member is new, planned straight
        // from the reader. Otherwise a member's id picks the model it updates, so each member is read whole first.
        Set<BaseModel> kept = collection.isEmpty() ? null : new HashSet<>();
        in.beginArray();
        for (int i = 0; in.hasNext(); i++) {
            Path memberPath = path.item("models", i);
            if (kept == null) {
                plan.members.add(planModel(collection.create(), in, memberPath, true));
                continue;
            }
            JsonObject memberTree = object(in.readValue(), memberPath);
            JsonValue memberId = memberTree.get("id");
            BaseModel existing = memberId instanceof JsonString s ? collection.get(s.value()) : null;
            if (existing != null && existing.id() == null) {
                existing = null; // a client-id match is not an id match
            }
            BaseModel member = existing != null ? existing : collection.create();
            kept.add(member);
            plan.members.add(planModel(member, new JsonTreeReader(memberTree), memberPath, existing == null));
        }
        in.endArray();
        if (kept != null) {
            for (BaseModel current : collection) {
                if (!kept.contains(current)) {
                    plan.removals.add(current);
                }
            }
        }
    }

    private static ModelValidationException notMembers(Path path, JsonValue.Kind got) {
        return new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), "models", "must be an array of model trees, got "
                + (got == null ? "nothing" : got.name().toLowerCase()));
    }

    /** The image's id for {@code node}, checked: a string or null, set once, unique in the image and the tree. */
    private String id(TreeNode node, JsonReader in, Path path) {
        JsonValue.Kind kind = in.peek();
        if (kind == JsonValue.Kind.NULL) {
            in.skipValue();
            return null;
        }
        String id = kind == JsonValue.Kind.STRING ? in.nextString() : null;
        if (id == null || id.isEmpty()) {
            throw new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), "id", "must be a non-empty string or null, got "
                    + kind.name().toLowerCase());
        }
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

    /** {@link #expectObject(JsonReader, Path)} for the member {@code member} of {@code path}, named only on error. */
    private static void expectObject(JsonReader in, Path path, String member) {
        if (in.peek() != JsonValue.Kind.OBJECT) {
            expectObject(in, path.member(member));
        }
    }

    private static void expectObject(JsonReader in, Path path) {
        JsonValue.Kind kind = in.peek();
        if (kind != JsonValue.Kind.OBJECT) {
            throw new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), null, "must be an object, got "
                    + kind.name().toLowerCase());
        }
    }

    private static JsonObject object(JsonValue value, Path path) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), null, "must be an object, got " + describe(value));
    }

    private static int slot(String[] declared, String name) {
        for (int i = 0; i < declared.length; i++) {
            if (declared[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static ModelValidationException notDeclared(BaseModel model, Path path, String name, String[] declared,
            String what) {
        return new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), name, "is not a " + what + " of "
                + model.schema().modelName() + " (declared: " + String.join(", ", declared) + ")");
    }

    private static void checkPresent(Object[] planned, String[] declared, BaseModel model, Path modelPath, String group,
            String what) {
        for (int slot = 0; slot < declared.length; slot++) {
            if (planned[slot] == null) {
                throw missing(model, modelPath.member(group), declared[slot], what);
            }
        }
    }

    private static ModelValidationException missing(BaseModel model, Path path, String name, String what) {
        return new ModelValidationException(Violation.MALFORMED_TREE, path.toString(), name, "is missing; " + model.schema().modelName()
                + " declares this " + what);
    }

    private static void checkNames(JsonObject given, String[] declared, BaseModel model, Path path, String what) {
        for (int i = 0, size = given.size(); i < size; i++) {
            String name = given.keyAt(i);
            if (slot(declared, name) < 0) {
                throw notDeclared(model, path, name, declared, what);
            }
        }
        for (String name : declared) {
            if (!given.has(name)) {
                throw missing(model, path, name, what);
            }
        }
    }

    private static String describe(JsonValue value) {
        return value == null ? "nothing" : value.kind().name().toLowerCase();
    }

    /**
     * A JSON path into the image ({@code $}, {@code $.attrs}, {@code $.collections.cards.models[3]}), built as a
     * chain of segments and rendered only when an error names it: a valid import, the common case, renders none.
     * A segment may carry the group its member sits in ({@code models.meta}, {@code models[3]}), so a model costs
     * one segment; the paths of a model's {@code attrs} and groups are made only for an error.
     */
    private static final class Path implements Supplier<String> {
        static final Path ROOT = new Path(null, null, "$", -1);

        final Path parent;
        private final String group;
        private final String name;
        private final int index;

        private Path(Path parent, String group, String name, int index) {
            this.parent = parent;
            this.group = group;
            this.name = name;
            this.index = index;
        }

        Path member(String member) {
            return new Path(this, null, member, -1);
        }

        /** The member {@code member} of this path's {@code group} object: {@code $.models.meta}. */
        Path member(String group, String member) {
            return new Path(this, group, member, -1);
        }

        /** The item {@code at} of this path's {@code group} array: {@code $.collections.cards.models[3]}. */
        Path item(String group, int at) {
            return new Path(this, group, null, at);
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
            return parent + (group != null ? "." + group : "") + (name != null ? "." + name : "[" + index + "]");
        }
    }

    // ---------------------------------------------------------------- apply (validated; changes the tree)

    private static final ModelPlan[] NO_CHILDREN = new ModelPlan[0];
    private static final CollectionPlan[] NO_COLLECTIONS = new CollectionPlan[0];

    /** What applying does to one model; as a {@code Supplier}, it names where its attributes are in the image. */
    private static final class ModelPlan implements Supplier<String> {
        final BaseModel model;
        final Path path;
        /** A fresh model, filled while planned: nothing of it is left to apply but joining its collection. */
        boolean filled;
        String id;
        AttributeWrite write;
        ModelPlan[] children = NO_CHILDREN;
        CollectionPlan[] collections = NO_COLLECTIONS;

        ModelPlan(BaseModel model, Path path) {
            this.model = model;
            this.path = path;
        }

        /** The path of the model's {@code attrs}, made for an error message only. */
        @Override
        public String get() {
            return path.member("attrs").toString();
        }

        /**
         * Completes a filled model once all of it is read: its own collections (of a fresh model, so new and
         * empty) get their filled members, silently, as applying its plan would have added them.
         */
        void fill() {
            for (CollectionPlan collection : collections) {
                collection.apply(Notify.SILENT);
            }
            collections = NO_COLLECTIONS;
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
            if (filled) {
                return; // assigned while planned
            }
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
            if (filled) {
                return;
            }
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
        /** A collection of a fresh model: its id is assigned while planned. */
        boolean filled;
        String id;
        final List<ModelPlan> members = new ArrayList<>();
        final List<BaseModel> removals = new ArrayList<>();

        CollectionPlan(ModelCollection<?> collection) {
            this.collection = collection;
        }

        void assignFilledId() {
            if (filled && id != null) {
                collection.assignId(id);
            }
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
