package dev.tandem.model;

import dev.tandem.model.schema.Violation;
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
    private final String cid;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Map<String, BaseModel> children = new LinkedHashMap<>();
    private final Map<String, ModelCollection<?>> collections = new LinkedHashMap<>();

    // Backbone's change bookkeeping for the outermost set in progress (or the last one): the old value of every key
    // it touched (ABSENT for keys that had none; untouched keys still hold their previous value), whether a set is
    // running (a nested set then only adds to it) and whether another "change" pass is due. Kept as differences
    // rather than copies, so a set costs nothing per attribute it does not touch; what changed is derived from it.
    private static final Object ABSENT = new Object();
    private final Map<String, Object> previousValues = new LinkedHashMap<>(4);
    private boolean changing;
    private boolean pending;

    protected BaseModel(Schema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.cid = "c" + CLIENT_IDS.incrementAndGet();
        for (Attribute<?> attribute : schema.attributes()) {
            if (attribute.hasDefault()) {
                attributes.put(attribute.name(), attribute.defaultValue());
            }
        }
    }

    public final Schema schema() {
        return schema;
    }

    /** The client id: unique in this process, never sent anywhere, there from construction on. */
    public final String cid() {
        return cid;
    }

    // ---------------------------------------------------------------- reading

    /** The value of {@code key}, or null when it has none. Fails for an undeclared key. */
    public final Object get(String key) {
        declared(key);
        return attributes.get(key);
    }

    @SuppressWarnings("unchecked")
    public final <T> T get(Attribute<T> attribute) {
        return (T) get(own(attribute).name());
    }

    /** True when {@code key} holds a non-null value. */
    public final boolean has(String key) {
        declared(key);
        return attributes.get(key) != null;
    }

    public final boolean has(Attribute<?> attribute) {
        return has(own(attribute).name());
    }

    /** A copy of the attributes that hold a value (null included), in the order they were first set. */
    public final Map<String, Object> attributes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** The value {@code key} had before the current (or last) set began. */
    public final Object previous(String key) {
        declared(key);
        if (previousValues.containsKey(key)) {
            Object previous = previousValues.get(key);
            return previous == ABSENT ? null : previous;
        }
        return attributes.get(key);
    }

    /** All attributes as they were before the current (or last) set began. */
    public final Map<String, Object> previousAttributes() {
        Map<String, Object> previous = new LinkedHashMap<>(attributes);
        for (Map.Entry<String, Object> entry : previousValues.entrySet()) {
            if (entry.getValue() == ABSENT) {
                previous.remove(entry.getKey());
            } else {
                previous.put(entry.getKey(), entry.getValue());
            }
        }
        return Collections.unmodifiableMap(previous);
    }

    /** What the current (or last) set changed: key to new value (null for an unset key). */
    public final Map<String, Object> changedAttributes() {
        Map<String, Object> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : previousValues.entrySet()) {
            if (differsFromPrevious(entry.getKey(), entry.getValue())) {
                changed.put(entry.getKey(), attributes.get(entry.getKey()));
            }
        }
        return Collections.unmodifiableMap(changed);
    }

    public final boolean hasChanged() {
        for (Map.Entry<String, Object> entry : previousValues.entrySet()) {
            if (differsFromPrevious(entry.getKey(), entry.getValue())) {
                return true;
            }
        }
        return false;
    }

    public final boolean hasChanged(String key) {
        return previousValues.containsKey(key) && differsFromPrevious(key, previousValues.get(key));
    }

    private boolean differsFromPrevious(String key, Object previous) {
        boolean now = attributes.containsKey(key);
        return previous == ABSENT ? now : !now || !Objects.equals(previous, attributes.get(key));
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
        Map<String, Object> one = new LinkedHashMap<>(2);
        one.put(key, value);
        set(one, notify);
    }

    public final void set(Map<String, ?> values) {
        set(values, Notify.EVENTS);
    }

    /** Sets several attributes at once: all are validated first, then all change together. */
    public final void set(Map<String, ?> values, Notify notify) {
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            String key = entry.getKey();
            Attribute<?> attribute = declared(key);
            Object value;
            try {
                value = attribute.accept(entry.getValue());
            } catch (AttributeValueException rejected) {
                throw new ModelValidationException(rejected.violation(), describe(), key, rejected.getMessage());
            }
            checkSetOnce(attribute, value, null);
            accepted.put(key, value);
        }
        checkCandidate(accepted, Collections.emptyList(), null);
        applyValidated(accepted, Collections.emptyList(), notify);
    }

    /**
     * Sets attributes from JSON values and unsets {@code unsetKeys}, all validated first and applied as one change
     * (one {@code change} event). This is how a replica applies a server's change message and how a server applies a
     * client's command.
     */
    public final void setFromJson(JsonObject changes, Collection<String> unsetKeys, Notify notify) {
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : changes.members().entrySet()) {
            String key = entry.getKey();
            Attribute<?> attribute = declared(key);
            Object value;
            try {
                value = attribute.acceptJson(entry.getValue());
            } catch (AttributeValueException rejected) {
                throw new ModelValidationException(rejected.violation(), describe(), key, rejected.getMessage());
            }
            checkSetOnce(attribute, value, null);
            accepted.put(key, value);
        }
        List<String> unsets = new ArrayList<>();
        for (String key : unsetKeys) {
            declared(key);
            if (accepted.containsKey(key)) {
                throw new ModelValidationException(Violation.MALFORMED_TREE, describe(), key,
                        "cannot be set and unset at once");
            }
            unsets.add(key);
        }
        checkCandidate(accepted, unsets, null);
        applyValidated(accepted, unsets, notify);
    }

    public final void unset(String key) {
        unset(List.of(key), Notify.EVENTS);
    }

    public final void unset(Attribute<?> attribute) {
        unset(List.of(own(attribute).name()), Notify.EVENTS);
    }

    /** Removes the values of {@code keys}; fails for a required or undeclared key. */
    public final void unset(Collection<String> keys, Notify notify) {
        for (String key : keys) {
            declared(key);
        }
        checkCandidate(Collections.emptyMap(), keys, null);
        applyValidated(Collections.emptyMap(), keys, notify);
    }

    /** Unsets every attribute; fails (changing nothing) if one of them is required. */
    public final void clear() {
        clear(Notify.EVENTS);
    }

    public final void clear(Notify notify) {
        unset(new ArrayList<>(attributes.keySet()), notify);
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
        for (Attribute<?> attribute : schema.attributes()) {
            if (attribute.isRequired() && !attributes.containsKey(attribute.name())) {
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
        children.put(name, model);
        attach(model);
        return model;
    }

    /** Declares a child collection; call from the constructor: {@code cards = declareCollection("cards", Card::new)}. */
    protected final <M extends BaseModel> ModelCollection<M> declareCollection(String name, Supplier<M> factory) {
        checkNewMemberName(name);
        ModelCollection<M> collection = new ModelCollection<>(factory);
        collections.put(name, collection);
        attach(collection);
        return collection;
    }

    /** The declared child model {@code name}, or null. */
    public final BaseModel child(String name) {
        return children.get(name);
    }

    /** The declared child collection {@code name}, or null. */
    public final ModelCollection<?> collection(String name) {
        return collections.get(name);
    }

    /** Declared child models by name, in declaration order. */
    public final Map<String, BaseModel> children() {
        return Collections.unmodifiableMap(children);
    }

    /** Declared child collections by name, in declaration order. */
    public final Map<String, ModelCollection<?>> collections() {
        return Collections.unmodifiableMap(collections);
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

    @Override
    public final String describe() {
        return schema.modelName() + " " + (id() != null ? id() : cid);
    }

    @Override
    public final void forEachNode(Consumer<TreeNode> visitor) {
        visitor.accept(this);
        for (BaseModel child : children.values()) {
            child.forEachNode(visitor);
        }
        for (ModelCollection<?> collection : collections.values()) {
            collection.forEachNode(visitor);
        }
    }

    @Override
    public String toString() {
        // Values through Values.describe, not the map's own toString: numbers then read as in JSON on every runtime.
        StringBuilder out = new StringBuilder(describe()).append(" {");
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            out.append(out.charAt(out.length() - 1) == '{' ? "" : ", ").append(attribute.getKey()).append('=')
                    .append(Values.describe(attribute.getValue()));
        }
        return out.append('}').toString();
    }

    // ---------------------------------------------------------------- internals shared with the importer

    /** The declared attribute {@code key}; fails for an undeclared key. */
    final Attribute<?> declared(String key) {
        Attribute<?> attribute = schema.attribute(key);
        if (attribute == null) {
            throw new ModelValidationException(Violation.UNDECLARED_KEY, describe(), key, "is not declared by " + schema.modelName()
                    + " (declared: " + schema.names() + ")");
        }
        return attribute;
    }

    final boolean holds(String key) {
        return attributes.containsKey(key);
    }

    /** The declared children and collections themselves (not views), for the exporter's walk. */
    final Map<String, BaseModel> childMap() {
        return children;
    }

    final Map<String, ModelCollection<?>> collectionMap() {
        return collections;
    }

    final Map<String, Object> currentAttributes() {
        return attributes;
    }

    /**
     * Fails if a set-once attribute would change; {@code where} null means this model. {@code where} is asked only
     * on failure, so an importer's JSON path is built only for an error.
     */
    final void checkSetOnce(Attribute<?> attribute, Object value, Supplier<String> where) {
        String key = attribute.name();
        if (attribute.isSetOnce() && attributes.containsKey(key) && !Objects.equals(attributes.get(key), value)) {
            throw new ModelValidationException(Violation.SET_ONCE, where == null ? describe() : where.get(), key,
                    "is set once and already holds " + dev.tandem.model.schema.Values.describe(attributes.get(key)));
        }
    }

    /**
     * Fails if the write would unset a required attribute or the validation hook refuses the result. The hook sees
     * a read-only view of the would-be attributes, built without copying them.
     */
    final void checkCandidate(Map<String, Object> sets, Collection<String> unsets, Supplier<String> where) {
        for (String key : unsets) {
            if (schema.attribute(key).isRequired() && attributes.containsKey(key)) {
                throw new ModelValidationException(Violation.REQUIRED, where == null ? describe() : where.get(), key,
                        "is required and cannot be unset");
            }
        }
        String problem = validate(new CandidateAttributes(attributes, sets, unsets));
        if (problem != null) {
            throw new ModelValidationException(Violation.INVALID, where == null ? describe() : where.get(), null, problem);
        }
    }

    /**
     * Applies an already validated write: Backbone's set algorithm. Only this method changes attributes.
     */
    final void applyValidated(Map<String, Object> sets, Collection<String> unsets, Notify notify) {
        boolean silent = notify == Notify.SILENT;
        boolean nested = changing;
        changing = true;
        try {
            if (!nested) {
                previousValues.clear();
            }
            boolean streamed = hasTreeListeners();
            List<String> changedKeys = new ArrayList<>(sets.size() + unsets.size());
            Map<String, Object> newValues = streamed ? new LinkedHashMap<>() : null;
            List<String> removedKeys = streamed ? new ArrayList<>() : null;
            for (Map.Entry<String, Object> entry : sets.entrySet()) {
                String key = entry.getKey();
                Object value = entry.getValue();
                boolean present = attributes.containsKey(key);
                Object old = attributes.put(key, value);
                if (!present || !Objects.equals(old, value)) {
                    changedKeys.add(key);
                    if (streamed) {
                        newValues.put(key, value);
                    }
                    if (!previousValues.containsKey(key)) {
                        previousValues.put(key, present ? old : ABSENT);
                    }
                }
            }
            for (String key : unsets) {
                if (attributes.containsKey(key)) {
                    changedKeys.add(key);
                    if (streamed) {
                        removedKeys.add(key);
                    }
                    Object old = attributes.remove(key);
                    if (!previousValues.containsKey(key)) {
                        previousValues.put(key, old);
                    }
                }
            }
            if (streamed && !changedKeys.isEmpty()) {
                emit(new AttributesChanged(this, Collections.unmodifiableMap(newValues),
                        Collections.unmodifiableList(removedKeys)));
            }
            if (!silent) {
                if (!changedKeys.isEmpty()) {
                    pending = true;
                }
                for (String key : changedKeys) {
                    String name = schema.attribute(key).changeEventName();
                    if (wants(name)) {
                        trigger(Event.attributeChanged(this, name, key, attributes.get(key)));
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

    private void checkNewMemberName(String name) {
        if (name == null || name.isEmpty() || children.containsKey(name) || collections.containsKey(name)) {
            throw new IllegalArgumentException(schema.modelName() + ": child names must be unique and non-empty, got "
                    + name);
        }
    }
}
