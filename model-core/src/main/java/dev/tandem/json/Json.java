package dev.tandem.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Converts ordinary Java values (String, Number, Boolean, null, List, Map, JsonValue) into JSON trees. */
public final class Json {
    private Json() {
    }

    /**
     * The JSON tree of {@code value}: strings, numbers (finite; integral types must be safe integers), booleans,
     * null, lists and maps with string keys, recursively. Fails with {@link IllegalArgumentException} naming
     * the path of anything else.
     */
    public static JsonValue of(Object value) {
        return of(value, "$", 1);
    }

    private static JsonValue of(Object value, String path, int depth) {
        if (depth > JsonLimits.MAX_DEPTH) {
            throw new IllegalArgumentException("value nests deeper than " + JsonLimits.MAX_DEPTH + " at " + path);
        }
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonValue json) {
            if (json.depth() + depth - 1 > JsonLimits.MAX_DEPTH) {
                throw new IllegalArgumentException("value nests deeper than " + JsonLimits.MAX_DEPTH + " at " + path);
            }
            return json;
        }
        if (value instanceof String s) {
            return JsonString.of(s);
        }
        if (value instanceof Boolean b) {
            return JsonBoolean.of(b);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return JsonNumber.of(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return JsonNumber.of(((Number) value).doubleValue());
        }
        if (value instanceof List<?> list) {
            List<JsonValue> items = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                items.add(of(list.get(i), path + "[" + i + "]", depth + 1));
            }
            return JsonArray.of(items);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject.Builder builder = JsonObject.builder();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("map keys must be strings at " + path + ", got "
                            + entry.getKey());
                }
                builder.put(key, of(entry.getValue(), path + "." + key, depth + 1));
            }
            return builder.build();
        }
        throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName() + " at " + path
                + "; expected a string, number, boolean, null, list, map or JsonValue");
    }
}
