package dev.tandem.model;

import dev.tandem.model.schema.Violation;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonValue;
import dev.tandem.model.events.Event;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.AttributeValueException;
import dev.tandem.model.schema.Schema;
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

    // Backbone's change bookkeeping: the attributes before the outermost set in progress, what it changed so far,
    // whether a set is running (a nested set then only adds to it) and whether another "change" pass is due.
    private Map<String, Object> previousAttributes = Collections.emptyMap();
    private Map<String, Object> changed = Collections.emptyMap();
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
        return previousAttributes.get(key);
    }

    /** All attributes as they were before the current (or last) set began. */
    public final Map<String, Object> previousAttributes() {
        return Collections.unmodifiableMap(previousAttributes);
    }

    /** What the current (or last) set changed: key to new value (null for an unset key). */
    public final Map<String, Object> changedAttributes() {
        return Collections.unmodifiableMap(changed);
    }

    public final boolean hasChanged() {
        return !changed.isEmpty();
    }

    public final boolean hasChanged(String key) {
        return changed.containsKey(key);
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
            checkSetOnce(attribute, value, describe());
            accepted.put(key, value);
        }
        checkCandidate(accepted, Collections.emptyList(), describe());
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
            checkSetOnce(attribute, value, describe());
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
        checkCandidate(accepted, unsets, describe());
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
        checkCandidate(Collections.emptyMap(), keys, describe());
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
        return describe() + " " + attributes;
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

    final Map<String, Object> currentAttributes() {
        return attributes;
    }

    final void checkSetOnce(Attribute<?> attribute, Object value, String where) {
        String key = attribute.name();
        if (attribute.isSetOnce() && attributes.containsKey(key) && !Objects.equals(attributes.get(key), value)) {
            throw new ModelValidationException(Violation.SET_ONCE, where, key, "is set once and already holds "
                    + dev.tandem.model.schema.Values.describe(attributes.get(key)));
        }
    }

    /** Fails if the write would unset a required attribute or the validation hook refuses the result. */
    final void checkCandidate(Map<String, Object> sets, Collection<String> unsets, String where) {
        Map<String, Object> candidate = new LinkedHashMap<>(attributes);
        candidate.putAll(sets);
        for (String key : unsets) {
            if (schema.attribute(key).isRequired() && attributes.containsKey(key)) {
                throw new ModelValidationException(Violation.REQUIRED, where, key, "is required and cannot be unset");
            }
            candidate.remove(key);
        }
        String problem = validate(Collections.unmodifiableMap(candidate));
        if (problem != null) {
            throw new ModelValidationException(Violation.INVALID, where, null, problem);
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
                previousAttributes = new LinkedHashMap<>(attributes);
                changed = new LinkedHashMap<>();
            }
            List<String> changedKeys = new ArrayList<>();
            Map<String, Object> newValues = new LinkedHashMap<>();
            List<String> removedKeys = new ArrayList<>();
            for (Map.Entry<String, Object> entry : sets.entrySet()) {
                String key = entry.getKey();
                Object value = entry.getValue();
                if (!attributes.containsKey(key) || !Objects.equals(attributes.get(key), value)) {
                    changedKeys.add(key);
                    newValues.put(key, value);
                }
                track(key, true, value);
                attributes.put(key, value);
            }
            for (String key : unsets) {
                if (attributes.containsKey(key)) {
                    changedKeys.add(key);
                    removedKeys.add(key);
                    attributes.remove(key);
                }
                track(key, false, null);
            }
            if (!changedKeys.isEmpty()) {
                emit(new AttributesChanged(this, Collections.unmodifiableMap(newValues),
                        Collections.unmodifiableList(removedKeys)));
            }
            if (!silent) {
                if (!changedKeys.isEmpty()) {
                    pending = true;
                }
                for (String key : changedKeys) {
                    trigger(Event.attributeChanged(this, key, attributes.get(key)));
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
                    trigger(Event.changed(this));
                }
            }
            pending = false;
        } finally {
            if (!nested) {
                changing = false;
            }
        }
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

    private void track(String key, boolean present, Object value) {
        boolean before = previousAttributes.containsKey(key);
        boolean differs = present ? !before || !Objects.equals(previousAttributes.get(key), value) : before;
        if (differs) {
            changed.put(key, value);
        } else {
            changed.remove(key);
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
