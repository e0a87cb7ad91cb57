package dev.tandem.model;

import dev.tandem.model.schema.Violation;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonValue;
import dev.tandem.json.JsonWriter;
import dev.tandem.model.events.Event;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.AttributeValueException;
import dev.tandem.model.schema.Schema;
import dev.tandem.model.schema.Values;
import dev.tandem.model.tree.AttributesChanged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A model: declared, typed attributes with Backbone's change events, plus declared child models and collections.
 *
 * <p>Applications extend it, declare a {@link Schema} of {@link Attribute}s, and declare children in the
 * constructor — the same class then runs on the server and, compiled by TeaVM, in the browser:
 * <pre>{@code
 * public final class Board extends BaseModel {
 *     public static final Attribute<String> TITLE = Attribute.string("title").defaultValue("").clientEditable();
 *     static final Schema SCHEMA = Schema.of("Board", TITLE);
 *     public final Settings settings = declareChild("settings", new Settings());
 *     public final ModelCollection<Card> cards = declareCollection("cards", Card::new);
 *     public Board() { super(SCHEMA); }
 * }
 * }</pre>
 *
 * <p>Guarantees. Every write is validated whole before anything changes ({@link ModelValidationException} names
 * the model, key and expectation, and the model is left as it was). Events follow Backbone exactly: one
 * {@code change:<key>} per changed attribute, then one {@code change}; a set made inside a change listener fires its
 * own {@code change:<key>} at once and makes the outer set fire one more {@code change} pass instead of recursing.
 * Every mutation also goes to the root's tree-change stream (see {@link TreeNode#onTreeChange}).
 *
 * <p>Not thread-safe, like the browser it also runs in: one tree is mutated by one thread at a time (the server
 * gives each tree one authority thread).
 */
public abstract class BaseModel extends TreeNode {
    private static final AtomicLong CLIENT_IDS = new AtomicLong();

    private final Schema schema;
    // The client id is a number taken at construction; its text ("c" and the number) is made only when asked for,
    // since most models (every one a client imports) are never asked.
    private final long cidNumber;
    private String cid;
    // Attribute values by schema position: null for no value, HELD_NULL for a held null (a nullable attribute).
    // attributes() promises first-set order; while the held keys were first set in ascending position (defaults in
    // declaration order, then imports in declaration order: nearly always), that order needs no storage. Only a key
    // first set before a lower position gets `order`, the held positions in first-set order.
    private static final Object HELD_NULL = new Object();
    private final Object[] values;
    private int[] order;
    private int heldCount;
    private int highestHeld = -1;
    private AttributeWrite ownWrite;
    private PlannedSet ownPlan; // planSetFromJson's plan around ownWrite, made on first use
    // Declared children by position (a few each, so looked up by a linear scan); the maps by name that children()
    // and collections() return are made on the first call and kept, since declarations end with the constructor.
    private Map<String, BaseModel> childView;
    private Map<String, ModelCollection<?>> collectionView;
    private static final String[] NO_NAMES = new String[0];
    private static final BaseModel[] NO_CHILDREN = new BaseModel[0];
    private static final ModelCollection<?>[] NO_COLLECTIONS = new ModelCollection<?>[0];
    private String[] childNames = NO_NAMES;
    private String[] collectionNames = NO_NAMES;
    private BaseModel[] childModels = NO_CHILDREN;
    private ModelCollection<?>[] childCollections = NO_COLLECTIONS;

    // Backbone's change bookkeeping for the outermost set in progress (or the last one): the old value of every key
    // it touched (ABSENT for keys that had none; untouched keys still hold their previous value), whether a set is
    // running (a nested set then only adds to it) and whether another "change" pass is due. Kept as differences
    // rather than copies, so a set costs nothing per attribute it does not touch; what changed is derived from it.
    // By position: null when the set did not touch it, ABSENT when it had no value, else its old stored value;
    // `touched` lists the touched positions in the order they were first touched. Both are made on the first set.
    private static final Object ABSENT = new Object();
    private Object[] previous;
    private int[] touched;
    private int touchedCount;
    // A model's first change (a new model's import, above all) starts from the schema's defaults, so its previous
    // values need no storing: while `previousFromDefaults` is set they are derived on demand (materializePrevious)
    // instead. `pristine`: nothing has changed since construction, so every value is its default.
    private boolean pristine = true;
    private boolean previousFromDefaults;
    private boolean changing;
    private boolean pending;

    protected BaseModel(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.cidNumber = CLIENT_IDS.incrementAndGet();
        this.values = new Object[schema.size()];
        for (int p = 0; p < values.length; p++) {
            Attribute<?> attribute = schema.attributeAt(p);
            if (attribute.hasDefault()) {
                store(p, attribute.defaultValue());
            }
        }
    }

    public final Schema schema() {
        return schema;
    }

    /** The client id: unique in this process, never sent anywhere, there from construction on. */
    public final String cid() {
        String text = cid;
        if (text == null) {
            text = cid = "c" + cidNumber;
        }
        return text;
    }

    /** True when {@code text} is this model's client id, found without making the client id's text. */
    final boolean hasClientId(String text) {
        if (cid != null) {
            return cid.equals(text);
        }
        int length = text.length();
        if (length > 19) {
            return cid().equals(text); // beyond 18 digits the number could overflow: compare the text
        }
        if (length < 2 || text.charAt(0) != 'c' || text.charAt(1) == '0') {
            return false;
        }
        long number = 0;
        for (int i = 1; i < length; i++) {
            char digit = text.charAt(i);
            if (digit < '0' || digit > '9') {
                return false;
            }
            number = number * 10 + (digit - '0');
        }
        return number == cidNumber;
    }

    // ---------------------------------------------------------------- reading

    /** The value of {@code key}, or null when it has none. Fails for an undeclared key. */
    public final Object get(String key) {
        return valueAt(declared(key));
    }

    @SuppressWarnings("unchecked")
    public final <T> T get(Attribute<T> attribute) {
        return (T) get(own(attribute).name());
    }

    /** True when {@code key} holds a non-null value. */
    public final boolean has(String key) {
        return valueAt(declared(key)) != null;
    }

    public final boolean has(Attribute<?> attribute) {
        return has(own(attribute).name());
    }

    /** A copy of the attributes that hold a value (null included), in the order they were first set. */
    public final Map<String, Object> attributes() {
        return Collections.unmodifiableMap(currentAttributes());
    }

    /** The value {@code key} had before the current (or last) set began. */
    public final Object previous(String key) {
        int p = declared(key);
        materializePrevious();
        if (previous != null && previous[p] != null) {
            Object old = previous[p];
            return old == ABSENT ? null : unwrap(old);
        }
        return valueAt(p);
    }

    /** All attributes as they were before the current (or last) set began. */
    public final Map<String, Object> previousAttributes() {
        materializePrevious();
        Map<String, Object> result = currentAttributes();
        for (int i = 0; i < touchedCount; i++) {
            int p = touched[i];
            String key = schema.attributeAt(p).name();
            if (previous[p] == ABSENT) {
                result.remove(key);
            } else {
                result.put(key, unwrap(previous[p]));
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** What the current (or last) set changed: key to new value (null for an unset key). */
    public final Map<String, Object> changedAttributes() {
        materializePrevious();
        Map<String, Object> changed = new LinkedHashMap<>();
        for (int i = 0; i < touchedCount; i++) {
            int p = touched[i];
            if (differsFromPrevious(p)) {
                changed.put(schema.attributeAt(p).name(), valueAt(p));
            }
        }
        return Collections.unmodifiableMap(changed);
    }

    public final boolean hasChanged() {
        materializePrevious();
        for (int i = 0; i < touchedCount; i++) {
            if (differsFromPrevious(touched[i])) {
                return true;
            }
        }
        return false;
    }

    public final boolean hasChanged(String key) {
        int p = declared(key);
        materializePrevious();
        return previous != null && previous[p] != null && differsFromPrevious(p);
    }

    private boolean differsFromPrevious(int p) {
        Object old = previous[p];
        boolean now = values[p] != null;
        return old == ABSENT ? now : !now || !sameValue(unwrap(old), valueAt(p));
    }

    // ---------------------------------------------------------------- writing

    public final <T> void set(Attribute<T> attribute, T value) {
        set(own(attribute).name(), value, Notify.EVENTS);
    }

    public final <T> void set(Attribute<T> attribute, T value, Notify notify) {
        set(own(attribute).name(), value, notify);
    }

    public final void set(String key, Object value) {
        set(key, value, Notify.EVENTS);
    }

    public final void set(String key, Object value, Notify notify) {
        int p = declared(key);
        AttributeWrite write = acquireWrite();
        try {
            write.set(p, accept(p, value));
            checkCandidate(write, null);
            applyValidated(write, notify);
        } finally {
            releaseWrite(write);
        }
    }

    public final void set(Map<String, ?> values) {
        set(values, Notify.EVENTS);
    }

    /** Sets several attributes at once: all are validated first, then all change together. */
    public final void set(Map<String, ?> values, Notify notify) {
        AttributeWrite write = acquireWrite();
        try {
            for (Map.Entry<String, ?> entry : values.entrySet()) {
                int p = declared(entry.getKey());
                write.set(p, accept(p, entry.getValue()));
            }
            checkCandidate(write, null);
            applyValidated(write, notify);
        } finally {
            releaseWrite(write);
        }
    }

    /**
     * Sets attributes from JSON values and unsets {@code unsetKeys}, all validated first and applied as one change
     * (one {@code change} event). This is how a replica applies a server's change message and how a server applies a
     * client's command.
     */
    public final void setFromJson(JsonObject changes, Collection<String> unsetKeys, Notify notify) {
        AttributeWrite write = acquireWrite();
        try {
            for (int i = 0, size = changes.size(); i < size; i++) { // by position: no entry objects
                String key = changes.keyAt(i);
                int p = declared(key);
                Attribute<?> attribute = schema.attributeAt(p);
                Object value;
                try {
                    value = attribute.acceptJson(changes.valueAt(i));
                } catch (AttributeValueException rejected) {
                    throw new ModelValidationException(rejected.violation(), describe(), key, rejected.getMessage());
                }
                checkSetOnce(p, value, null);
                write.set(p, value);
            }
            if (!unsetKeys.isEmpty()) {
                for (String key : unsetKeys) {
                    int p = declared(key);
                    if (write.sets(p)) {
                        throw new ModelValidationException(Violation.MALFORMED_TREE, describe(), key,
                                "cannot be set and unset at once");
                    }
                    write.unset(p);
                }
            }
            checkCandidate(write, null);
            applyValidated(write, notify);
        } finally {
            releaseWrite(write);
        }
    }

    /**
     * Reads an object of attribute values from {@code in} (positioned before it; consumed) as
     * {@link #setFromJson(JsonObject, Collection, Notify)} with no unset keys would take them, checking each value
     * (type, allowed values, checks, set-once) and changing nothing; the result runs the validation hook on the whole
     * write and applies it with {@code notify}'s events, exactly as {@code setFromJson} does from there. For a reader
     * of a larger message that applies nothing before the whole message is read. Throws what {@code setFromJson}
     * throws for a value; for a key given twice (which a decoded object would have settled, the last one winning) it
     * throws {@link IllegalStateException}: take the decoded path then.
     */
    public final PlannedChange planSetFromJson(dev.tandem.json.JsonReader in, Notify notify) {
        // The model's own write serves: the plan is applied (or discarded) before the model changes otherwise, and
        // a set meanwhile (a listener's) finds the write busy and takes a fresh one.
        AttributeWrite write = acquireWrite();
        try {
            if (in.peek() != JsonValue.Kind.OBJECT) {
                throw new IllegalStateException("attributes must be an object");
            }
            in.beginObject();
            while (in.hasNext()) {
                String key = in.nextName();
                int p = declared(key);
                if (write.sets(p)) {
                    throw new IllegalStateException("\"" + key + "\" is given twice");
                }
                Object value;
                try {
                    value = schema.attributeAt(p).acceptJson(in);
                } catch (AttributeValueException rejected) {
                    throw new ModelValidationException(rejected.violation(), describe(), key, rejected.getMessage());
                }
                checkSetOnce(p, value, null);
                write.set(p, value);
            }
            in.endObject();
        } catch (RuntimeException refused) {
            releaseWrite(write);
            throw refused;
        }
        PlannedSet plan = write == ownWrite && ownPlan != null ? ownPlan : new PlannedSet(write);
        if (write == ownWrite) {
            ownPlan = plan;
        }
        plan.notify = notify;
        return plan;
    }

    /** A read and checked write waiting to be applied; the one of the model's own write is made once and re-used. */
    private final class PlannedSet implements PlannedChange {
        private final AttributeWrite write;
        private Notify notify;

        PlannedSet(AttributeWrite write) {
            this.write = write;
        }

        @Override
        public void apply() {
            if (!write.busy) {
                throw new IllegalStateException("this change of " + describe() + " was applied or discarded already");
            }
            try {
                checkCandidate(write, null);
                applyValidated(write, notify);
            } finally {
                releaseWrite(write);
            }
        }

        @Override
        public void discard() {
            if (write.busy) {
                releaseWrite(write);
            }
        }
    }

    public final void unset(String key) {
        unset(List.of(key), Notify.EVENTS);
    }

    public final void unset(Attribute<?> attribute) {
        unset(List.of(own(attribute).name()), Notify.EVENTS);
    }

    /** Removes the values of {@code keys}; fails for a required or undeclared key. */
    public final void unset(Collection<String> keys, Notify notify) {
        AttributeWrite write = acquireWrite();
        try {
            for (String key : keys) {
                write.unset(declared(key));
            }
            checkCandidate(write, null);
            applyValidated(write, notify);
        } finally {
            releaseWrite(write);
        }
    }

    /** Unsets every attribute; fails (changing nothing) if one of them is required. */
    public final void clear() {
        clear(Notify.EVENTS);
    }

    public final void clear(Notify notify) {
        unset(new ArrayList<>(currentAttributes().keySet()), notify);
    }

    /**
     * The validation hook: runs on the full set of attributes a write would produce, before anything changes.
     * Return null to accept, or a message (which becomes a {@link ModelValidationException}) to refuse.
     */
    protected String validate(Map<String, Object> candidate) {
        return null;
    }

    /**
     * The authorization hook for client commands, asked by a server before it applies one: may
     * {@code access.user()} do {@code access.kind()} here? It is asked of the model a set or unset targets, and of
     * the model owning the collection an add, remove or move targets. The default allows exactly what the schema
     * declares: attributes marked {@code clientEditable()}, and collections marked {@code clientEditable()}.
     * Override it to decide per user and per model (call {@code access.declaredClientEditable()} for the default).
     */
    public boolean authorize(ClientAccess access) {
        return access.declaredClientEditable();
    }

    /** Fails naming the first required attribute without a value; a model must be complete to join a tree. */
    public final void checkComplete() {
        for (int p = 0, size = schema.size(); p < size; p++) { // by position: no iterator per model joining a tree
            Attribute<?> attribute = schema.attributeAt(p);
            if (attribute.isRequired() && values[p] == null) {
                throw new ModelValidationException(Violation.REQUIRED, describe(), attribute.name(), "is required but has no value");
            }
        }
    }

    // ---------------------------------------------------------------- children

    /** Declares a child model; call from the constructor: {@code settings = declareChild("settings", new Settings())}. */
    protected final <M extends BaseModel> M declareChild(String name, M model) {
        checkNewMemberName(name);
        if (model.parent() != null) {
            throw new IllegalArgumentException(model.describe() + " already has a parent");
        }
        if (childView != null) {
            childView.put(name, model); // a view handed out already stays live
        }
        childNames = appended(childNames, name);
        BaseModel[] moreModels = new BaseModel[childModels.length + 1];
        for (int i = 0; i < childModels.length; i++) {
            moreModels[i] = childModels[i];
        }
        moreModels[childModels.length] = model;
        childModels = moreModels;
        attach(model);
        return model;
    }

    /** Declares a child collection; call from the constructor: {@code cards = declareCollection("cards", Card::new)}. */
    protected final <M extends BaseModel> ModelCollection<M> declareCollection(String name, Supplier<M> factory) {
        checkNewMemberName(name);
        ModelCollection<M> collection = new ModelCollection<>(factory);
        if (collectionView != null) {
            collectionView.put(name, collection);
        }
        collectionNames = appended(collectionNames, name);
        ModelCollection<?>[] moreCollections = new ModelCollection<?>[childCollections.length + 1];
        for (int i = 0; i < childCollections.length; i++) {
            moreCollections[i] = childCollections[i];
        }
        moreCollections[childCollections.length] = collection;
        childCollections = moreCollections;
        attach(collection);
        return collection;
    }

    /** The declared child model {@code name}, or null. */
    public final BaseModel child(String name) {
        for (int i = 0; i < childNames.length; i++) {
            if (childNames[i].equals(name)) {
                return childModels[i];
            }
        }
        return null;
    }

    /** The declared child collection {@code name}, or null. */
    public final ModelCollection<?> collection(String name) {
        for (int i = 0; i < collectionNames.length; i++) {
            if (collectionNames[i].equals(name)) {
                return childCollections[i];
            }
        }
        return null;
    }

    /** Declared child models by name, in declaration order. */
    public final Map<String, BaseModel> children() {
        return Collections.unmodifiableMap(childMap());
    }

    /** Declared child collections by name, in declaration order. */
    public final Map<String, ModelCollection<?>> collections() {
        return Collections.unmodifiableMap(collectionMap());
    }

    // ---------------------------------------------------------------- import and export

    /** The whole tree below this model as {@code {"id", "attrs", "models", "collections"}} (see TreeExporter). */
    public final JsonObject xport() {
        return TreeExporter.xport(this, true);
    }

    /**
     * Writes what {@link #xport()} returns into {@code out}, member by member, without building the tree: with a
     * codec, {@code codec.encode(model::xport)} is the text of {@code codec.encode(model.xport())}.
     */
    public final void xport(JsonWriter out) {
        TreeExporter.xport(this, true, out);
    }

    /** Only this model: {@code {"id", "attrs"}}. */
    public final JsonObject xportWithoutChildren() {
        return TreeExporter.xport(this, false);
    }

    /** Makes this tree equal to {@code tree}, firing events (see TreeImporter); all or nothing. */
    public final void mport(JsonValue tree) {
        mport(tree, Notify.EVENTS);
    }

    public final void mport(JsonValue tree, Notify notify) {
        TreeImporter.mport(this, tree, notify);
    }

    /**
     * {@code mport(codec.decode(text))}: the same result, the same errors, the same events. With a codec whose
     * {@link JsonCodec#reader} streams (the JVM's), the text is read straight into the import plan, without the
     * JSON tree in between; the browser's codec decodes it first.
     */
    public final void mport(String text, JsonCodec codec) {
        mport(text, codec, Notify.EVENTS);
    }

    public final void mport(String text, JsonCodec codec, Notify notify) {
        TreeImporter.mport(this, text, codec, notify);
    }

    /**
     * Reads the model tree {@code in} is positioned before (consuming it) and validates its import whole, changing
     * nothing; the result applies it. For a caller that reads the tree out of a larger message and must read the
     * rest before it changes anything. Throws what {@link #mport(JsonValue)} throws for that tree; a reader that
     * {@linkplain JsonReader#streams() streams} may also throw for text whose first problem only the decoded tree can
     * name (a key given twice, members out of the tree's order): import from {@code codec.decode} of it then, as
     * {@link #mport(String, JsonCodec)} does, to get the same outcome as before.
     */
    public final PlannedChange planImport(dev.tandem.json.JsonReader in, Notify notify) {
        return TreeImporter.plan(this, in, notify);
    }

    @Override
    public final String describe() {
        return schema.modelName() + " " + (id() != null ? id() : cid());
    }

    @Override
    public final void forEachNode(Consumer<TreeNode> visitor) {
        visitor.accept(this);
        for (BaseModel child : childModels) {
            child.forEachNode(visitor);
        }
        for (ModelCollection<?> collection : childCollections) {
            collection.forEachNode(visitor);
        }
    }

    @Override
    public String toString() {
        // Values through Values.describe, not the map's own toString: numbers then read as in JSON on every runtime.
        StringBuilder out = new StringBuilder(describe()).append(" {");
        for (Map.Entry<String, Object> attribute : currentAttributes().entrySet()) {
            out.append(out.charAt(out.length() - 1) == '{' ? "" : ", ").append(attribute.getKey()).append('=')
                    .append(Values.describe(attribute.getValue()));
        }
        return out.append('}').toString();
    }

    // ---------------------------------------------------------------- internals shared with the importer

    /** The schema position of the declared attribute {@code key}; fails for an undeclared key. */
    final int declared(String key) {
        int p = schema.position(key);
        if (p < 0) {
            throw new ModelValidationException(Violation.UNDECLARED_KEY, describe(), key, "is not declared by " + schema.modelName()
                    + " (declared: " + schema.names() + ")");
        }
        return p;
    }

    final boolean holds(String key) {
        int p = schema.position(key);
        return p >= 0 && values[p] != null;
    }

    /** True when the attribute at schema position {@code p} holds a value (null included). */
    final boolean holdsAt(int p) {
        return values[p] != null;
    }

    /** The value at schema position {@code p}; null when it holds none or holds null. */
    final Object valueAt(int p) {
        return unwrap(values[p]);
    }

    /** The declared children and collections themselves (not views), for the exporter's walk. */
    final Map<String, BaseModel> childMap() {
        if (childView == null) {
            Map<String, BaseModel> view = new LinkedHashMap<>();
            for (int i = 0; i < childNames.length; i++) {
                view.put(childNames[i], childModels[i]);
            }
            childView = view;
        }
        return childView;
    }

    final Map<String, ModelCollection<?>> collectionMap() {
        if (collectionView == null) {
            Map<String, ModelCollection<?>> view = new LinkedHashMap<>();
            for (int i = 0; i < collectionNames.length; i++) {
                view.put(collectionNames[i], childCollections[i]);
            }
            collectionView = view;
        }
        return collectionView;
    }

    /** A new map of the held attributes in first-set order. */
    final Map<String, Object> currentAttributes() {
        Map<String, Object> result = new LinkedHashMap<>();
        if (order != null) {
            for (int i = 0; i < heldCount; i++) {
                result.put(schema.attributeAt(order[i]).name(), valueAt(order[i]));
            }
        } else {
            for (int p = 0; p <= highestHeld; p++) {
                if (values[p] != null) {
                    result.put(schema.attributeAt(p).name(), valueAt(p));
                }
            }
        }
        return result;
    }

    private static Object unwrap(Object stored) {
        return stored == HELD_NULL ? null : stored;
    }

    /** Stores {@code value} at {@code p}; a key that held nothing goes last in first-set order. */
    private void store(int p, Object value) {
        if (values[p] == null) {
            if (order == null && p < highestHeld) {
                // The first key set out of position order: from now on the order is kept explicitly.
                order = new int[values.length];
                for (int q = 0, i = 0; q <= highestHeld; q++) {
                    if (values[q] != null) {
                        order[i++] = q;
                    }
                }
            }
            if (order != null) {
                order[heldCount] = p;
            }
            heldCount++;
            if (p > highestHeld) {
                highestHeld = p;
            }
        }
        values[p] = value == null ? HELD_NULL : value;
    }

    private void erase(int p) {
        values[p] = null;
        heldCount--;
        if (order != null) {
            int i = 0;
            while (order[i] != p) {
                i++;
            }
            for (int j = i; j < heldCount; j++) {
                order[j] = order[j + 1];
            }
        }
        if (p == highestHeld) {
            do {
                highestHeld--;
            } while (highestHeld >= 0 && values[highestHeld] == null);
        }
    }

    /** Notes the old stored value of {@code p} (null: none) unless the current set touched it already. */
    private void recordPrevious(int p, Object old) {
        materializePrevious(); // a set nested in the first change's events adds to what that change touched
        if (previous == null) {
            previous = new Object[values.length];
            touched = new int[values.length];
        }
        if (previous[p] == null) {
            previous[p] = old == null ? ABSENT : old;
            touched[touchedCount++] = p;
        }
    }

    private void forgetPrevious() {
        previousFromDefaults = false;
        for (int i = 0; i < touchedCount; i++) {
            previous[touched[i]] = null;
        }
        touchedCount = 0;
    }

    /**
     * Writes out the previous values of a first change that were left to be derived. That change started from the
     * defaults and its write set positions in ascending order, then unset positions in ascending order (see
     * applyValidated), so what it touched is exactly: every position now differing from its default, ascending, then
     * every position whose default it unset, ascending; and each of their old values is the default (or none).
     */
    private void materializePrevious() {
        if (!previousFromDefaults) {
            return;
        }
        previousFromDefaults = false;
        if (previous == null) {
            previous = new Object[values.length];
            touched = new int[values.length];
        }
        for (int p = 0; p < values.length; p++) {
            Object initial = initialStored(p);
            if (values[p] != null && (initial == ABSENT || !sameValue(unwrap(initial), valueAt(p)))) {
                previous[p] = initial;
                touched[touchedCount++] = p;
            }
        }
        for (int p = 0; p < values.length; p++) {
            if (values[p] == null && schema.attributeAt(p).hasDefault()) {
                previous[p] = initialStored(p);
                touched[touchedCount++] = p;
            }
        }
    }

    /** What the constructor stored at {@code p}: the default (HELD_NULL for a null one), or ABSENT without one. */
    private Object initialStored(int p) {
        Attribute<?> attribute = schema.attributeAt(p);
        if (!attribute.hasDefault()) {
            return ABSENT;
        }
        return attribute.defaultValue() == null ? HELD_NULL : attribute.defaultValue();
    }

    /** True when {@code write} sets positions in ascending order and unsets positions in ascending order. */
    private static boolean ascending(AttributeWrite write) {
        for (int i = 1; i < write.setCount; i++) {
            if (write.setPositions[i] <= write.setPositions[i - 1]) {
                return false;
            }
        }
        for (int i = 1; i < write.unsetCount; i++) {
            if (write.unsetPositions[i] <= write.unsetPositions[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** This model's re-usable write, or a fresh one while it is in use (a set made by a listener during a set). */
    private AttributeWrite acquireWrite() {
        AttributeWrite write = ownWrite;
        if (write == null) {
            write = ownWrite = new AttributeWrite(values.length);
        } else if (write.busy) {
            write = new AttributeWrite(values.length);
        }
        write.busy = true;
        return write;
    }

    private static void releaseWrite(AttributeWrite write) {
        write.clear();
        write.busy = false;
    }

    private Object accept(int p, Object raw) {
        Attribute<?> attribute = schema.attributeAt(p);
        Object value;
        try {
            value = attribute.accept(raw);
        } catch (AttributeValueException rejected) {
            throw new ModelValidationException(rejected.violation(), describe(), attribute.name(), rejected.getMessage());
        }
        checkSetOnce(p, value, null);
        return value;
    }

    /**
     * Fails if a set-once attribute would change; {@code where} null means this model. {@code where} is asked only
     * on failure, so an importer's JSON path is built only for an error.
     */
    final void checkSetOnce(int p, Object value, Supplier<String> where) {
        Attribute<?> attribute = schema.attributeAt(p);
        if (attribute.isSetOnce() && values[p] != null && !Objects.equals(valueAt(p), value)) {
            throw new ModelValidationException(Violation.SET_ONCE, where == null ? describe() : where.get(),
                    attribute.name(), "is set once and already holds " + dev.tandem.model.schema.Values.describe(valueAt(p)));
        }
    }

    /**
     * Fails if the write would unset a required attribute or the validation hook refuses the result. The hook sees
     * a read-only view of the would-be attributes, built without copying them.
     */
    final void checkCandidate(AttributeWrite write, Supplier<String> where) {
        for (int i = 0; i < write.unsetCount; i++) {
            int p = write.unsetPositions[i];
            if (schema.attributeAt(p).isRequired() && values[p] != null) {
                throw new ModelValidationException(Violation.REQUIRED, where == null ? describe() : where.get(),
                        schema.attributeAt(p).name(), "is required and cannot be unset");
            }
        }
        String problem = validate(new CandidateAttributes(this, write));
        if (problem != null) {
            throw new ModelValidationException(Violation.INVALID, where == null ? describe() : where.get(), null, problem);
        }
    }

    /**
     * Applies an already validated write: Backbone's set algorithm. Only this method changes attributes.
     */
    final void applyValidated(AttributeWrite write, Notify notify) {
        boolean silent = notify == Notify.SILENT;
        boolean nested = changing;
        changing = true;
        try {
            if (!nested) {
                forgetPrevious();
            } else {
                materializePrevious(); // before this set stores anything: what the outer set touched comes first
            }
            // The first change of a model left at its defaults, in position order: its previous values are derived
            // when asked for (materializePrevious) instead of stored, which spares every new model two arrays.
            boolean derived = !nested && pristine && ascending(write);
            boolean streamed = hasTreeListeners();
            Map<String, Object> newValues = streamed ? new LinkedHashMap<>() : null;
            List<String> removedKeys = streamed ? new ArrayList<>() : null;
            int[] changed = write.changed;
            int changedCount = 0;
            for (int i = 0; i < write.setCount; i++) {
                int p = write.setPositions[i];
                Object value = write.setValues[i];
                Object old = values[p];
                store(p, value);
                if (old == null || !sameValue(unwrap(old), value)) {
                    changed[changedCount++] = p;
                    if (streamed) {
                        newValues.put(schema.attributeAt(p).name(), value);
                    }
                    if (!derived) {
                        recordPrevious(p, old);
                    }
                }
            }
            for (int i = 0; i < write.unsetCount; i++) {
                int p = write.unsetPositions[i];
                Object old = values[p];
                if (old != null) {
                    changed[changedCount++] = p;
                    if (streamed) {
                        removedKeys.add(schema.attributeAt(p).name());
                    }
                    erase(p);
                    if (!derived) {
                        recordPrevious(p, old);
                    }
                }
            }
            write.changedCount = changedCount;
            if (changedCount > 0) {
                previousFromDefaults = derived;
                pristine = false;
            }
            if (streamed && changedCount > 0) {
                emit(new AttributesChanged(this, Collections.unmodifiableMap(newValues),
                        Collections.unmodifiableList(removedKeys)));
            }
            boolean heard = !silent && hasListeners();
            if (!silent && changedCount > 0) {
                pending = true;
            }
            if (heard) {
                for (int i = 0; i < changedCount; i++) {
                    int p = changed[i];
                    String name = schema.attributeAt(p).changeEventName();
                    if (wants(name)) {
                        trigger(Event.attributeChanged(this, name, schema.attributeAt(p).name(), valueAt(p)));
                    }
                }
            }
            if (nested) {
                return;
            }
            // You might wonder why this is a loop: a listener of "change" may set again, which asks for one more
            // "change" pass rather than a recursive one.
            if (!silent) {
                while (pending) {
                    pending = false;
                    if (wants(Event.CHANGE)) {
                        trigger(Event.changed(this));
                    }
                }
            }
            pending = false;
        } finally {
            if (!nested) {
                changing = false;
            }
        }
    }

    /**
     * Whether a write leaves a value as it was: {@link Objects#equals}, with doubles compared as numbers. The same
     * answer: a stored double is finite and never -0 (NUMBER stores -0 as 0; JSON numbers are finite, -0 read as 0),
     * where {@code ==} and {@link Double#equals} agree. Why: in the browser {@code Double.equals} goes through
     * {@code doubleToLongBits} and TeaVM's emulated longs, on every attribute of every change a replica applies.
     */
    private static boolean sameValue(Object old, Object value) {
        if (old instanceof Double before && value instanceof Double after) {
            return before.doubleValue() == after.doubleValue();
        }
        return Objects.equals(old, value);
    }

    /** True when any listener is subscribed here or on the holding collection (else no event needs building). */
    private boolean hasListeners() {
        return events.hasListeners()
                || parent() instanceof ModelCollection<?> collection && collection.events.hasListeners();
    }

    /** True when a listener here or on the holding collection would receive an event named {@code name}. */
    private boolean wants(String name) {
        return events.wants(name) || parent() instanceof ModelCollection<?> collection && collection.events.wants(name);
    }

    /** Fires {@code event} here, then on the collection holding this model (Backbone's event forwarding). */
    final void trigger(Event event) {
        events.trigger(event);
        if (parent() instanceof ModelCollection<?> collection) {
            collection.events.trigger(event);
        }
    }

    @Override
    final void idAssigned() {
        if (parent() instanceof ModelCollection<?> collection) {
            collection.indexId(this);
        }
    }

    private Attribute<?> own(Attribute<?> attribute) {
        if (schema.attribute(attribute.name()) != attribute) {
            throw new IllegalArgumentException(attribute + " is not an attribute of " + schema.modelName()
                    + " (declared: " + schema.names() + ")");
        }
        return attribute;
    }

    /**
     * {@code names} and {@code name} in a new array. Copies in model-core are loops, not {@code Arrays.copyOf},
     * {@code System.arraycopy} or {@code toArray}: TeaVM compiles those with reflection and checked copies, several
     * KB in every browser bundle.
     */
    private static String[] appended(String[] names, String name) {
        String[] grown = new String[names.length + 1];
        for (int i = 0; i < names.length; i++) {
            grown[i] = names[i];
        }
        grown[names.length] = name;
        return grown;
    }

    /** Declared child names in declaration order (not a copy: do not change it). */
    final String[] childNames() {
        return childNames;
    }

    /** Declared collection names in declaration order (not a copy: do not change it). */
    final String[] collectionNames() {
        return collectionNames;
    }

    private void checkNewMemberName(String name) {
        if (name == null || name.isEmpty() || child(name) != null || collection(name) != null) {
            throw new IllegalArgumentException(schema.modelName() + ": child names must be unique and non-empty, got "
                    + name);
        }
    }
}
