package dev.tandem.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable JSON object whose members iterate in JavaScript's property order.
 *
 * <p>JavaScript engines order an object's own keys as follows: keys that are array indices (the canonical
 * decimal form of an integer 0 … 2^32 − 2, such as {@code "0"} or {@code "10"}, but not {@code "01"}) first, in
 * ascending numeric order; then every other key in insertion order. {@code JSON.parse} and
 * {@code JSON.stringify} follow that order, so the browser can neither keep nor write any other. This class uses
 * the same order on the JVM, which is what makes a tree encode to the same text on both ends. For the common
 * case (no index-like keys) it is plain insertion order: {@code id, attrs, models, collections} stay in that order.
 *
 * <p>A key given twice keeps its first position and takes its last value, as {@code JSON.parse} does.
 *
 * <p>Storage is two parallel arrays, searched linearly while small and through a hash index once larger than
 * {@link #INDEXED_SIZE}: most objects on the wire have a handful of members, and a hash map per message was the
 * biggest allocation of a client applying updates.
 */
public final class JsonObject implements JsonValue {
    /** Objects with more members than this get a hash index for lookups. */
    static final int INDEXED_SIZE = 8;

    public static final JsonObject EMPTY = new JsonObject(new String[0], new JsonValue[0], 0, 1);

    private final String[] keys;
    private final JsonValue[] values;
    private final int size;
    private final int depth;
    private Map<String, Integer> index;
    private Map<String, JsonValue> view;

    private JsonObject(String[] keys, JsonValue[] values, int size, int depth) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.depth = depth;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An object of key/value pairs, e.g. {@code JsonObject.of("a", JsonNumber.of(1))}. */
    public static JsonObject of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("JsonObject.of takes key/value pairs");
        }
        Builder builder = builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.put((String) keysAndValues[i], (JsonValue) keysAndValues[i + 1]);
        }
        return builder.build();
    }

    public int size() {
        return size;
    }

    public boolean has(String key) {
        return position(key) >= 0;
    }

    /** The value of {@code key}, or Java {@code null} when absent (a JSON null is {@link JsonNull#INSTANCE}). */
    public JsonValue get(String key) {
        int position = position(key);
        return position < 0 ? null : values[position];
    }

    /** The key at {@code position} (0 … size − 1), in JavaScript property order. */
    public String keyAt(int position) {
        return keys[position];
    }

    /** The value at {@code position} (0 … size − 1). */
    public JsonValue valueAt(int position) {
        return values[position];
    }

    /** Keys in JavaScript property order. */
    public Set<String> keys() {
        return members().keySet();
    }

    /** Members in JavaScript property order, as an unmodifiable map view. */
    public Map<String, JsonValue> members() {
        if (view == null) {
            view = new MembersView();
        }
        return view;
    }

    @Override
    public Kind kind() {
        return Kind.OBJECT;
    }

    @Override
    public int depth() {
        return depth;
    }

    /** Equal when both hold the same members (order is a function of the members, so it agrees too). */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof JsonObject that) || that.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!values[i].equals(that.get(keys[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < size; i++) {
            hash += keys[i].hashCode() ^ values[i].hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        // The layout of members().toString(), written here so that only JsonValues are turned into text (see
        // JsonArray.toString).
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i].toString());
        }
        return out.append('}').toString();
    }

    private int position(String key) {
        if (size > INDEXED_SIZE) {
            if (index == null) {
                Map<String, Integer> built = new HashMap<>(size * 2);
                for (int i = 0; i < size; i++) {
                    built.put(keys[i], i);
                }
                index = built;
            }
            Integer position = index.get(key);
            return position == null ? -1 : position;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code keys} (distinct, in insertion order) in the order an object holding them iterates: array-index keys
     * first, ascending, then the rest as given. For writing declared members (attributes, children) to a
     * {@link JsonWriter} in the order a tree would have; with no index-like key (the usual case) it returns
     * {@code keys} itself.
     */
    public static Iterable<String> inPropertyOrder(Iterable<String> keys) {
        boolean anyIndex = false;
        for (String key : keys) {
            if (isArrayIndex(key)) {
                anyIndex = true;
                break;
            }
        }
        if (!anyIndex) {
            return keys;
        }
        List<String> ordered = new ArrayList<>();
        int indexed = 0;
        for (String key : keys) {
            if (!isArrayIndex(key)) {
                ordered.add(key);
                continue;
            }
            // Inserted in place among the index keys before it: quadratic, but these are declared names (a schema's
            // attributes, a model's children), few and not input; see sortByIndex for why not List.sort.
            int at = indexed++;
            while (at > 0 && compareArrayIndices(ordered.get(at - 1), key) > 0) {
                at--;
            }
            ordered.add(at, key);
        }
        return ordered;
    }

    /**
     * Sorts {@code positions[0 … count)}, positions of array-index keys in {@code keys}, by those keys' numbers. A
     * merge sort by hand, O(n log n) for keys in any order: {@code List.sort} would bring a general sort (and boxed
     * positions) into the browser bundle for the few index-like keys an object may have.
     */
    private static void sortByIndex(String[] keys, int[] positions, int count) {
        int[] merged = new int[count];
        for (int width = 1; width < count; width *= 2) {
            for (int low = 0; low < count - width; low += 2 * width) {
                int middle = low + width;
                int high = Math.min(low + 2 * width, count);
                int left = low;
                int right = middle;
                int out = low;
                while (left < middle && right < high) {
                    merged[out++] = compareArrayIndices(keys[positions[right]], keys[positions[left]]) < 0
                            ? positions[right++] : positions[left++];
                }
                while (left < middle) {
                    merged[out++] = positions[left++];
                }
                while (right < high) {
                    merged[out++] = positions[right++];
                }
                for (int i = low; i < high; i++) {
                    positions[i] = merged[i];
                }
            }
        }
    }

    /** True for the canonical decimal form of an integer 0 … 2^32 − 2, the keys JavaScript orders first. */
    public static boolean isArrayIndex(String key) {
        int length = key.length();
        if (length == 0 || length > 10) {
            return false;
        }
        if (key.charAt(0) == '0') {
            return length == 1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 4_294_967_294L;
    }

    /**
     * Orders two {@link #isArrayIndex array-index} keys as their numbers: having no leading zeros, the shorter is
     * the smaller, and among equally long ones the digits decide. (No number parsing, which in the browser would
     * bring in Long.parseLong.)
     */
    public static int compareArrayIndices(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    /** The members as a read-only {@link Map}, in order, over the arrays. */
    private final class MembersView extends AbstractMap<String, JsonValue> {
        @Override
        public int size() {
            return size;
        }

        @Override
        public JsonValue get(Object key) {
            return key instanceof String name ? JsonObject.this.get(name) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && has(name);
        }

        @Override
        public Set<Entry<String, JsonValue>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Entry<String, JsonValue>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, JsonValue> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int at = next++;
                            return new SimpleImmutableEntry<>(keys[at], values[at]);
                        }
                    };
                }
            };
        }
    }

    /** Collects members, then orders them the JavaScript way in {@link #build()}. */
    public static final class Builder {
        private String[] keys = new String[4];
        private JsonValue[] values = new JsonValue[4];
        private int size;
        private Map<String, Integer> index;
        private boolean hasIndexKeys;
        private int deepest;

        private Builder() {
        }

        public Builder put(String key, JsonValue value) {
            if (key == null || value == null) {
                throw new IllegalArgumentException("a JSON object member needs a key and a value (use"
                        + " JsonNull.INSTANCE for null), got " + key + " = " + value);
            }
            int existing = find(key);
            if (existing >= 0) {
                values[existing] = value;
            } else {
                if (size == keys.length) {
                    grow();
                }
                keys[size] = key;
                values[size] = value;
                if (index != null) {
                    index.put(key, size);
                }
                size++;
                hasIndexKeys |= isArrayIndex(key);
            }
            deepest = Math.max(deepest, value.depth());
            return this;
        }

        public Builder putAll(JsonObject other) {
            for (int i = 0; i < other.size; i++) {
                put(other.keys[i], other.values[i]);
            }
            return this;
        }

        /** Twice the room, copied in a loop (not {@code Arrays.copyOf}: see {@code BaseModel.appended}). */
        private void grow() {
            String[] moreKeys = new String[keys.length * 2];
            JsonValue[] moreValues = new JsonValue[keys.length * 2];
            for (int i = 0; i < size; i++) {
                moreKeys[i] = keys[i];
                moreValues[i] = values[i];
            }
            keys = moreKeys;
            values = moreValues;
        }

        public JsonObject build() {
            if (size == 0) {
                return EMPTY;
            }
            if (hasIndexKeys) {
                javascriptOrder();
            }
            return new JsonObject(keys, values, size, deepest + 1);
        }

        private int find(String key) {
            if (index != null) {
                Integer position = index.get(key);
                return position == null ? -1 : position;
            }
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            if (size >= INDEXED_SIZE) {
                index = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    index.put(keys[i], i);
                }
            }
            return -1;
        }

        /** Index-like keys first, ascending (see {@link #sortByIndex}); the rest keep their order. */
        private void javascriptOrder() {
            int[] indexed = new int[size];
            int indexCount = 0;
            for (int i = 0; i < size; i++) {
                if (isArrayIndex(keys[i])) {
                    indexed[indexCount++] = i;
                }
            }
            sortByIndex(keys, indexed, indexCount);
            String[] orderedKeys = new String[size];
            JsonValue[] orderedValues = new JsonValue[size];
            for (int at = 0; at < indexCount; at++) {
                orderedKeys[at] = keys[indexed[at]];
                orderedValues[at] = values[indexed[at]];
            }
            int at = indexCount;
            for (int i = 0; i < size; i++) {
                if (!isArrayIndex(keys[i])) {
                    orderedKeys[at] = keys[i];
                    orderedValues[at] = values[i];
                    at++;
                }
            }
            keys = orderedKeys;
            values = orderedValues;
        }
    }
}
