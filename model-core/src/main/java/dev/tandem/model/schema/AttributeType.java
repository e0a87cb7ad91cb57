package dev.tandem.model.schema;

import dev.tandem.json.Json;
import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonBoolean;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.json.JsonWriter;
import java.util.List;
import java.util.Map;

/**
 * The value types an attribute can declare, with the Java type each one holds and its JSON form.
 *
 * <table>
 *   <caption>Attribute types</caption>
 *   <tr><th>type</th><th>Java value</th><th>JSON</th><th>accepts from Java</th></tr>
 *   <tr><td>STRING</td><td>String</td><td>string</td><td>String</td></tr>
 *   <tr><td>INTEGER</td><td>Long, |n| ≤ 2^53 − 1</td><td>number without fraction</td>
 *       <td>Long, Integer, Short, Byte</td></tr>
 *   <tr><td>NUMBER</td><td>Double, finite, -0 stored as 0</td><td>number</td><td>any Number</td></tr>
 *   <tr><td>BOOLEAN</td><td>Boolean</td><td>true / false</td><td>Boolean</td></tr>
 *   <tr><td>LIST</td><td>JsonArray</td><td>array</td><td>JsonArray or a java.util.List of plain values</td></tr>
 *   <tr><td>PLAIN</td><td>JsonValue (not JSON null)</td><td>any</td><td>any plain value, Map or List</td></tr>
 * </table>
 * Java {@code null} stands for JSON {@code null} and is allowed only by {@link Attribute#nullable()} attributes.
 */
public enum AttributeType {
    STRING("a string"),
    INTEGER("an integer within ±(2^53 - 1)"),
    NUMBER("a finite number"),
    BOOLEAN("a boolean"),
    LIST("a list"),
    PLAIN("a plain JSON value");

    private final String expected;

    AttributeType(String expected) {
        this.expected = expected;
    }

    /** What a value of this type is, for error messages: "a string", "a finite number", … */
    public String expected() {
        return expected;
    }

    /**
     * The stored form of a Java value, or {@code null} when the value is not of this type. {@code raw} is not
     * null (null is handled by nullability before this).
     */
    Object fromJava(Object raw) {
        switch (this) {
            case STRING:
                return raw instanceof String ? raw : null;
            case INTEGER:
                if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
                    long value = ((Number) raw).longValue();
                    return Math.abs(value) <= JsonNumber.MAX_SAFE_INTEGER ? (Object) value : null;
                }
                return null;
            case NUMBER:
                if (raw instanceof Number number) {
                    double value = number.doubleValue();
                    if (Double.isNaN(value) || Double.isInfinite(value)) {
                        return null;
                    }
                    return value == 0 ? 0.0 : value;
                }
                return null;
            case BOOLEAN:
                return raw instanceof Boolean ? raw : null;
            case LIST:
                if (raw instanceof JsonArray || raw instanceof List<?>) {
                    return plainOrNull(raw);
                }
                return null;
            case PLAIN:
                if (raw instanceof JsonNull) {
                    return null;
                }
                if (raw instanceof JsonValue || raw instanceof String || raw instanceof Number
                        || raw instanceof Boolean || raw instanceof List<?> || raw instanceof Map<?, ?>) {
                    return plainOrNull(raw);
                }
                return null;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** The stored form of a JSON value, or {@code null} when it is not of this type ({@code json} is not JSON null). */
    Object fromJson(JsonValue json) {
        switch (this) {
            case STRING:
                return json instanceof JsonString s ? s.value() : null;
            case INTEGER:
                return json instanceof JsonNumber n && n.isSafeInteger() ? (Object) n.longValue() : null;
            case NUMBER:
                return json instanceof JsonNumber n ? (Object) n.value() : null;
            case BOOLEAN:
                return json instanceof JsonBoolean b ? (Object) b.value() : null;
            case LIST:
                return json instanceof JsonArray ? json : null;
            case PLAIN:
                return json;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** The JSON form of a stored value (null becomes JSON null). */
    public JsonValue toJson(Object stored) {
        if (stored == null) {
            return JsonNull.INSTANCE;
        }
        switch (this) {
            case STRING:
                return JsonString.of((String) stored);
            case INTEGER:
                return JsonNumber.of((Long) stored);
            case NUMBER:
                return JsonNumber.of((Double) stored);
            case BOOLEAN:
                return JsonBoolean.of((Boolean) stored);
            case LIST:
            case PLAIN:
                return (JsonValue) stored;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** Writes the JSON form of a stored value, the same as {@link #toJson} gives. */
    public void writeJson(Object stored, JsonWriter out) {
        if (stored == null) {
            out.nullValue();
            return;
        }
        switch (this) {
            case STRING:
                out.value((String) stored);
                break;
            case INTEGER:
                out.value(((Long) stored).longValue());
                break;
            case NUMBER:
                out.value(((Double) stored).doubleValue());
                break;
            case BOOLEAN:
                out.value(((Boolean) stored).booleanValue());
                break;
            case LIST:
            case PLAIN:
                out.value((JsonValue) stored);
                break;
            default:
                throw new IllegalStateException(name());
        }
    }

    private static JsonValue plainOrNull(Object raw) {
        try {
            return Json.of(raw);
        } catch (IllegalArgumentException notPlain) {
            return null;
        }
    }
}
