package dev.tandem.client.json;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonBoolean;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonLimits;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonReader;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.json.MalformedJsonException;
import dev.tandem.json.NumberText;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The browser's {@link JsonCodec}: the engine's native {@code JSON.parse} and {@code JSON.stringify}.
 *
 * <p>Decoding parses natively, then copies the result into model-core's JSON tree (keys in the engine's order,
 * which {@link JsonObject} reproduces); encoding builds native values and stringifies them, so escapes and number
 * forms are JavaScript's by definition, and the JVM codec is held to them. Same strictness as the JVM: a number
 * that overflows to infinity and nesting beyond {@link JsonLimits#MAX_DEPTH} are malformed. Loading this class makes
 * the engine's {@code String(x)} model-core's {@link NumberText} writer, for numbers in messages.
 */
public final class BrowserJsonCodec implements JsonCodec {
    static {
        NumberText.install(BrowserJsonCodec::numberText);
    }

    @Override
    public String encode(JsonValue value) {
        return stringify(toNative(value));
    }

    @Override
    public JsonValue decode(String text) {
        if (text == null) {
            throw new MalformedJsonException("no JSON text (null)");
        }
        JSObject outcome = parse(text);
        if (hasError(outcome)) {
            throw new MalformedJsonException(errorOf(outcome));
        }
        return fromNative(valueOf(outcome), 1);
    }

    /**
     * Reads {@code text} without building a JSON tree: a {@link NativeJsonReader} over what {@code JSON.parse}
     * made. Malformed text fails here, as in {@link #decode}.
     */
    @Override
    public JsonReader reader(String text) {
        if (text == null) {
            throw new MalformedJsonException("no JSON text (null)");
        }
        JSObject outcome = parse(text);
        if (hasError(outcome)) {
            throw new MalformedJsonException(errorOf(outcome));
        }
        return new NativeJsonReader(valueOf(outcome));
    }

    /** The native JavaScript value of a JSON tree (objects, arrays, strings, numbers, booleans, null). */
    public static JSObject toJs(JsonValue value) {
        return toNative(value);
    }

    /** The JSON tree of a native JavaScript value made of JSON-compatible parts; fails on anything else. */
    public static JsonValue fromJs(JSObject value) {
        return fromNative(value, 1);
    }

    private static JSObject toNative(JsonValue value) {
        switch (value.kind()) {
            case NULL:
                return nullValue();
            case BOOLEAN:
                return booleanValue(((JsonBoolean) value).value());
            case NUMBER:
                return numberValue(((JsonNumber) value).value());
            case STRING:
                return stringValue(((JsonString) value).value());
            case ARRAY: {
                JSObject array = newArray();
                for (JsonValue item : (JsonArray) value) {
                    push(array, toNative(item));
                }
                return array;
            }
            case OBJECT: {
                JSObject object = newObject();
                JsonObject members = (JsonObject) value;
                for (int i = 0, size = members.size(); i < size; i++) { // by position: no Map view in the bundle
                    put(object, members.keyAt(i), toNative(members.valueAt(i)));
                }
                return object;
            }
            default:
                throw new IllegalStateException(value.kind().name());
        }
    }

    // What kindOf answers: one small int per value, so that telling kinds apart costs no Java string (a string
    // from typeof would be wrapped, hashed and compared for every value decoded).
    static final int NULL = 0;
    static final int STRING = 1;
    static final int NUMBER = 2;
    static final int BOOLEAN = 3;
    static final int ARRAY = 4;
    static final int OBJECT = 5;
    static final int OTHER = 6;

    static JsonValue fromNative(JSObject value, int depth) {
        switch (kindOf(value)) {
            case STRING:
                return JsonString.of(asString(value));
            case NUMBER:
                double number = asNumber(value);
                if (Double.isInfinite(number)) {
                    throw new MalformedJsonException("a number is out of the double range");
                }
                return JsonNumber.of(number);
            case BOOLEAN:
                return JsonBoolean.of(asBoolean(value));
            case NULL:
                return JsonNull.INSTANCE;
            case ARRAY: {
                checkDepth(depth);
                int length = length(value);
                List<JsonValue> items = new ArrayList<>(length);
                for (int i = 0; i < length; i++) {
                    items.add(fromNative(item(value, i), depth + 1));
                }
                return JsonArray.of(items);
            }
            case OBJECT: {
                checkDepth(depth);
                JsonObject.Builder object = JsonObject.builder();
                for (String key : keys(value)) {
                    object.put(key, fromNative(member(value, key), depth + 1));
                }
                return object.build();
            }
            default:
                throw new MalformedJsonException("a " + typeOf(value) + " has no JSON form");
        }
    }

    private static void checkDepth(int depth) {
        if (depth > JsonLimits.MAX_DEPTH) {
            throw new MalformedJsonException("JSON nests deeper than " + JsonLimits.MAX_DEPTH + " levels");
        }
    }

    @JSBody(params = "text", script = "try { return { v: JSON.parse(text) }; }"
            + " catch (failure) { return { e: String(failure && failure.message || failure) }; }")
    private static native JSObject parse(String text);

    @JSBody(params = "outcome", script = "return 'e' in outcome;")
    private static native boolean hasError(JSObject outcome);

    @JSBody(params = "outcome", script = "return outcome.e;")
    private static native String errorOf(JSObject outcome);

    @JSBody(params = "outcome", script = "return outcome.v;")
    private static native JSObject valueOf(JSObject outcome);

    @JSBody(params = "value", script = "return JSON.stringify(value);")
    private static native String stringify(JSObject value);

    /** JavaScript's own text of a number, the one {@code JSON.stringify} writes for it. */
    @JSBody(params = "value", script = "return String(value);")
    static native String numberText(double value);

    /** {@link #NULL} (null and undefined), {@link #STRING}, … {@link #OTHER} (function, symbol, bigint). */
    @JSBody(params = "value", script = "if (value === null || value === undefined) return 0;"
            + " var type = typeof value; return type === 'string' ? 1 : type === 'number' ? 2"
            + " : type === 'boolean' ? 3 : Array.isArray(value) ? 4 : type === 'object' ? 5 : 6;")
    static native int kindOf(JSObject value);

    @JSBody(params = "value", script = "return typeof value;")
    static native String typeOf(JSObject value);

    @JSBody(params = "value", script = "return value;")
    static native String asString(JSObject value);

    @JSBody(params = "value", script = "return value;")
    static native double asNumber(JSObject value);

    @JSBody(params = "value", script = "return value;")
    static native boolean asBoolean(JSObject value);

    @JSBody(params = "array", script = "return array.length;")
    static native int length(JSObject array);

    @JSBody(params = { "array", "index" }, script = "return array[index];")
    static native JSObject item(JSObject array, int index);

    @JSBody(params = "object", script = "return Object.keys(object);")
    static native String[] keys(JSObject object);

    @JSBody(params = { "object", "key" }, script = "return object[key];")
    static native JSObject member(JSObject object, String key);

    @JSBody(script = "return null;")
    private static native JSObject nullValue();

    @JSBody(params = "value", script = "return value;")
    private static native JSObject booleanValue(boolean value);

    @JSBody(params = "value", script = "return value;")
    private static native JSObject numberValue(double value);

    @JSBody(params = "value", script = "return value;")
    private static native JSObject stringValue(String value);

    @JSBody(script = "return [];")
    private static native JSObject newArray();

    /** Without a prototype, so that a member named "__proto__" is an ordinary property, as JSON.parse makes it. */
    @JSBody(script = "return Object.create(null);")
    private static native JSObject newObject();

    @JSBody(params = { "array", "value" }, script = "array.push(value);")
    private static native void push(JSObject array, JSObject value);

    @JSBody(params = { "object", "key", "value" }, script = "object[key] = value;")
    private static native void put(JSObject object, String key, JSObject value);
}
