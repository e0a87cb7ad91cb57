package dev.tandem.client.json;

import dev.tandem.json.JsonLimits;
import dev.tandem.json.JsonReader;
import dev.tandem.json.JsonValue;
import dev.tandem.json.MalformedJsonException;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The browser's {@link JsonReader}: walks what the engine's {@code JSON.parse} made, value by value, without copying
 * it into model-core's JSON tree first. A replica reads a server message through it straight into its models (see
 * {@code SyncClient}), so the only objects made per message are the engine's own.
 *
 * <p>It reads forward only ({@link #streams()}), members in the engine's property order — the order
 * {@link BrowserJsonCodec#decode} gives them too — and each key once ({@code JSON.parse} kept the last of a repeated
 * key, as {@code decode} does). It is as strict as {@code decode}: nesting beyond {@link JsonLimits#MAX_DEPTH} and a
 * number that overflowed to infinity are malformed. Single-threaded, like the page.
 */
final class NativeJsonReader implements JsonReader {
    private static final int NO_VALUE = -1;

    /** The open objects and arrays, innermost last: the container, its keys (objects), the next member's index. */
    private final JSObject[] containers = new JSObject[JsonLimits.MAX_DEPTH + 1];
    private final String[][] keys = new String[JsonLimits.MAX_DEPTH + 1][];
    private final int[] next = new int[JsonLimits.MAX_DEPTH + 1];
    private final int[] lengths = new int[JsonLimits.MAX_DEPTH + 1];
    private int depth;
    /** The value the reader is positioned before, and its kind ({@link #NO_VALUE} when there is none). */
    private JSObject value;
    private int valueKind;

    NativeJsonReader(JSObject root) {
        this.value = root;
        this.valueKind = BrowserJsonCodec.kindOf(root);
    }

    @Override
    public JsonValue.Kind peek() {
        position();
        switch (valueKind) {
            case BrowserJsonCodec.NULL:
                return JsonValue.Kind.NULL;
            case BrowserJsonCodec.STRING:
                return JsonValue.Kind.STRING;
            case BrowserJsonCodec.NUMBER:
                return JsonValue.Kind.NUMBER;
            case BrowserJsonCodec.BOOLEAN:
                return JsonValue.Kind.BOOLEAN;
            case BrowserJsonCodec.ARRAY:
                return JsonValue.Kind.ARRAY;
            case BrowserJsonCodec.OBJECT:
                return JsonValue.Kind.OBJECT;
            default:
                throw new MalformedJsonException("a " + BrowserJsonCodec.typeOf(value) + " has no JSON form");
        }
    }

    @Override
    public void beginObject() {
        open(BrowserJsonCodec.OBJECT, "an object");
        keys[depth] = BrowserJsonCodec.keys(containers[depth]);
        lengths[depth] = keys[depth].length;
    }

    @Override
    public void beginArray() {
        open(BrowserJsonCodec.ARRAY, "an array");
        keys[depth] = null;
        lengths[depth] = BrowserJsonCodec.length(containers[depth]);
    }

    @Override
    public boolean hasNext() {
        if (depth == 0) {
            throw new IllegalStateException("not inside an object or array");
        }
        return next[depth] < lengths[depth];
    }

    @Override
    public String nextName() {
        if (depth == 0 || keys[depth] == null || valueKind != NO_VALUE || next[depth] >= lengths[depth]) {
            throw new IllegalStateException("not before a member of an object");
        }
        String name = keys[depth][next[depth]++];
        positionAt(BrowserJsonCodec.member(containers[depth], name));
        return name;
    }

    @Override
    public void endObject() {
        close(true);
    }

    @Override
    public void endArray() {
        close(false);
    }

    @Override
    public String nextString() {
        take(BrowserJsonCodec.STRING, "a string");
        return BrowserJsonCodec.asString(consumed());
    }

    @Override
    public double nextDouble() {
        take(BrowserJsonCodec.NUMBER, "a number");
        double number = BrowserJsonCodec.asNumber(consumed());
        if (Double.isInfinite(number)) {
            throw new MalformedJsonException("a number is out of the double range");
        }
        return number == 0 ? 0.0 : number; // -0 read as 0, as decode reads it
    }

    @Override
    public boolean nextBoolean() {
        take(BrowserJsonCodec.BOOLEAN, "a boolean");
        return BrowserJsonCodec.asBoolean(consumed());
    }

    @Override
    public JsonValue readValue() {
        position();
        if (valueKind == NO_VALUE) {
            throw new IllegalStateException("no value to read here");
        }
        return BrowserJsonCodec.fromNative(consumed(), depth + 1);
    }

    @Override
    public void skipValue() {
        readValue(); // checked as strictly as any other value: depth and numbers
    }

    @Override
    public boolean streams() {
        return true;
    }

    /** Inside an array, positions the reader before its next item (an object's values come from nextName). */
    private void position() {
        if (valueKind == NO_VALUE && depth > 0 && keys[depth] == null && next[depth] < lengths[depth]) {
            positionAt(BrowserJsonCodec.item(containers[depth], next[depth]++));
        }
    }

    private void positionAt(JSObject item) {
        value = item;
        valueKind = BrowserJsonCodec.kindOf(item);
    }

    private void take(int kind, String what) {
        position();
        if (valueKind != kind) {
            throw new IllegalStateException("expected " + what + " here");
        }
    }

    private JSObject consumed() {
        JSObject taken = value;
        value = null;
        valueKind = NO_VALUE;
        return taken;
    }

    private void open(int kind, String what) {
        take(kind, what);
        if (depth + 1 > JsonLimits.MAX_DEPTH) {
            throw new MalformedJsonException("JSON nests deeper than " + JsonLimits.MAX_DEPTH + " levels");
        }
        depth++;
        containers[depth] = consumed();
        next[depth] = 0;
    }

    private void close(boolean object) {
        if (depth == 0 || (keys[depth] != null) != object || valueKind != NO_VALUE || next[depth] < lengths[depth]) {
            throw new IllegalStateException("not at the end of " + (object ? "an object" : "an array"));
        }
        containers[depth] = null;
        keys[depth] = null;
        depth--;
    }
}
