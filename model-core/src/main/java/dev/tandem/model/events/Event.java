package dev.tandem.model.events;

import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;
import dev.tandem.model.schema.Values;

/**
 * One thing that happened to a model or a collection, as Backbone names them.
 *
 * <table>
 *   <caption>Event names and the fields they fill</caption>
 *   <tr><th>name</th><th>fired on</th><th>fields</th></tr>
 *   <tr><td>{@code change:<key>}</td><td>the model, then its collection</td><td>model, key, value (new)</td></tr>
 *   <tr><td>{@code change}</td><td>the model, then its collection</td><td>model</td></tr>
 *   <tr><td>{@code add}</td><td>the model, then the collection</td><td>model, collection, index</td></tr>
 *   <tr><td>{@code remove}</td><td>the model, then the collection</td><td>model, collection, index (old)</td></tr>
 *   <tr><td>{@code move}</td><td>the model, then the collection</td><td>model, collection, index (new),
 *       fromIndex</td></tr>
 *   <tr><td>{@code reset}, {@code sort}</td><td>the collection</td><td>collection</td></tr>
 * </table>
 * An {@code all} listener receives every event with its own name.
 */
public final class Event {
    public static final String CHANGE = "change";
    public static final String ADD = "add";
    public static final String REMOVE = "remove";
    public static final String MOVE = "move";
    public static final String RESET = "reset";
    public static final String SORT = "sort";
    public static final String ALL = "all";

    private final String name;
    private final BaseModel model;
    private final ModelCollection<?> collection;
    private final String key;
    private final Object value;
    private final int index;
    private final int fromIndex;

    private Event(String name, BaseModel model, ModelCollection<?> collection, String key, Object value, int index,
            int fromIndex) {
        this.name = name;
        this.model = model;
        this.collection = collection;
        this.key = key;
        this.value = value;
        this.index = index;
        this.fromIndex = fromIndex;
    }

    /** {@code change:<key>}: {@code key} of {@code model} now holds {@code value} (null when unset). */
    public static Event attributeChanged(BaseModel model, String key, Object value) {
        return new Event(CHANGE + ":" + key, model, null, key, value, -1, -1);
    }

    /** Like {@link #attributeChanged(BaseModel, String, Object)} with the event name already built. */
    public static Event attributeChanged(BaseModel model, String eventName, String key, Object value) {
        return new Event(eventName, model, null, key, value, -1, -1);
    }

    public static Event changed(BaseModel model) {
        return new Event(CHANGE, model, null, null, null, -1, -1);
    }

    public static Event added(BaseModel model, ModelCollection<?> collection, int index) {
        return new Event(ADD, model, collection, null, null, index, -1);
    }

    public static Event removed(BaseModel model, ModelCollection<?> collection, int index) {
        return new Event(REMOVE, model, collection, null, null, index, -1);
    }

    public static Event moved(BaseModel model, ModelCollection<?> collection, int from, int to) {
        return new Event(MOVE, model, collection, null, null, to, from);
    }

    public static Event reset(ModelCollection<?> collection) {
        return new Event(RESET, null, collection, null, null, -1, -1);
    }

    public static Event sorted(ModelCollection<?> collection) {
        return new Event(SORT, null, collection, null, null, -1, -1);
    }

    /** The event's name, e.g. {@code change:title}. */
    public String name() {
        return name;
    }

    /** The model concerned, or null for reset and sort. */
    public BaseModel model() {
        return model;
    }

    /** The collection concerned (add, remove, move, reset, sort), else null. */
    public ModelCollection<?> collection() {
        return collection;
    }

    /** The attribute of a {@code change:<key>} event, else null. */
    public String key() {
        return key;
    }

    /** The new value of a {@code change:<key>} event (null when the attribute was unset), else null. */
    public Object value() {
        return value;
    }

    /** The index added at, removed from, or moved to; -1 when not applicable. */
    public int index() {
        return index;
    }

    /** The index a {@code move} started from; -1 for other events. */
    public int fromIndex() {
        return fromIndex;
    }

    @Override
    public String toString() {
        return name + (key != null ? "=" + Values.describe(value) : "") + (index >= 0 ? "@" + index : "");
    }
}
