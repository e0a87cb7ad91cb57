package dev.tandem.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
public final class JsonObject implements JsonValue {
    public static final JsonObject EMPTY = new JsonObject(Collections.emptyMap(), 1);

    private final Map<String, JsonValue> members;
    private final int depth;

    private JsonObject(Map<String, JsonValue> members, int depth) {
        this.members = members;
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
        return members.size();
    }

    public boolean has(String key) {
        return members.containsKey(key);
    }

    /** The value of {@code key}, or Java {@code null} when absent (a JSON null is {@link JsonNull#INSTANCE}). */
    public JsonValue get(String key) {
        return members.get(key);
    }

    /** Keys in JavaScript property order. */
    public Set<String> keys() {
        return members.keySet();
    }

    /** Members in JavaScript property order, unmodifiable. */
    public Map<String, JsonValue> members() {
        return members;
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
        return other instanceof JsonObject o && o.members.equals(members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return members.toString();
    }

    /** True for the canonical decimal form of an integer 0 … 2^32 − 2, the keys JavaScript orders first. */
    static boolean isArrayIndex(String key) {
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

    /** Collects members, then orders them the JavaScript way in {@link #build()}. */
    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        private boolean hasIndexKeys;
        private int deepest;

        private Builder() {
        }

        public Builder put(String key, JsonValue value) {
            if (key == null || value == null) {
                throw new IllegalArgumentException("a JSON object member needs a key and a value (use"
                        + " JsonNull.INSTANCE for null), got " + key + " = " + value);
            }
            members.put(key, value);
            hasIndexKeys |= isArrayIndex(key);
            deepest = Math.max(deepest, value.depth());
            return this;
        }

        public Builder putAll(JsonObject other) {
            for (Map.Entry<String, JsonValue> member : other.members.entrySet()) {
                put(member.getKey(), member.getValue());
            }
            return this;
        }

        public JsonObject build() {
            if (members.isEmpty()) {
                return EMPTY;
            }
            return new JsonObject(Collections.unmodifiableMap(hasIndexKeys ? javascriptOrder() : members),
                    deepest + 1);
        }

        private LinkedHashMap<String, JsonValue> javascriptOrder() {
            List<String> indexKeys = new ArrayList<>();
            for (String key : members.keySet()) {
                if (isArrayIndex(key)) {
                    indexKeys.add(key);
                }
            }
            indexKeys.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
            LinkedHashMap<String, JsonValue> ordered = new LinkedHashMap<>();
            for (String key : indexKeys) {
                ordered.put(key, members.get(key));
            }
            for (Map.Entry<String, JsonValue> member : members.entrySet()) {
                if (!ordered.containsKey(member.getKey())) {
                    ordered.put(member.getKey(), member.getValue());
                }
            }
            return ordered;
        }
    }
}
