package dev.tandem.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** An immutable JSON array. */
public final class JsonArray implements JsonValue, Iterable<JsonValue> {
    public static final JsonArray EMPTY = new JsonArray(Collections.emptyList(), 1);

    private final List<JsonValue> items;
    private final int depth;

    private JsonArray(List<JsonValue> items, int depth) {
        this.items = items;
        this.depth = depth;
    }

    public static JsonArray of(JsonValue... items) {
        return of(List.of(items));
    }

    /** An array holding a copy of {@code items}; none may be Java {@code null} (use {@link JsonNull}). */
    public static JsonArray of(List<? extends JsonValue> items) {
        if (items.isEmpty()) {
            return EMPTY;
        }
        List<JsonValue> copy = new ArrayList<>(items.size());
        int deepest = 0;
        for (JsonValue item : items) {
            if (item == null) {
                throw new IllegalArgumentException("a JSON array item cannot be Java null; use JsonNull.INSTANCE");
            }
            copy.add(item);
            deepest = Math.max(deepest, item.depth());
        }
        return new JsonArray(Collections.unmodifiableList(copy), deepest + 1);
    }

    public int size() {
        return items.size();
    }

    public JsonValue get(int index) {
        return items.get(index);
    }

    /** The items, unmodifiable. */
    public List<JsonValue> items() {
        return items;
    }

    @Override
    public Iterator<JsonValue> iterator() {
        return items.iterator();
    }

    @Override
    public Kind kind() {
        return Kind.ARRAY;
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonArray a && a.items.equals(items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        // Not items.toString(): that would reach every list's items through String.valueOf, Doubles included (see
        // NumberText); here each item is known to be a JsonValue.
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(items.get(i).toString());
        }
        return out.append(']').toString();
    }
}
