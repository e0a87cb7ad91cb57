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
 *
 * <p>Why the walk's state lives in one JavaScript object (the cursor) and only strings, numbers and booleans cross
 * into Java: TeaVM wraps every JavaScript value a Java field or array holds, and that wrapping cost more than the
 * tree this reader saves (a profile of 100 clients in Node: 14% of the time in the wrapper, 32% in GC).
 */
final class NativeJsonReader implements JsonReader {
    private static final int NO_VALUE = -1;
    /** Room for this many open containers at first (a server message nests four deep); more is made on demand. */
    private static final int INITIAL_DEPTH_ROOM = 8;

    /** The walk: the open containers, innermost last, and the value the reader is positioned before. */
    private final JSObject cursor;
    /** Whether each open container is an object (else an array), by depth (1 = the outermost); grows as needed. */
    private boolean[] objects = new boolean[INITIAL_DEPTH_ROOM];
    private int depth;

    NativeJsonReader(JSObject root) {
        this.cursor = newCursor(root);
    }

    @Override
    public JsonValue.Kind peek() {
        switch (kind()) {
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
            case NO_VALUE:
                throw new IllegalStateException("no value to read here");
            default:
                throw new MalformedJsonException("a " + BrowserJsonCodec.typeOf(takeValue(cursor)) + " has no JSON form");
        }
    }

    @Override
    public void beginObject() {
        open(BrowserJsonCodec.OBJECT, "an object");
    }

    @Override
    public void beginArray() {
        open(BrowserJsonCodec.ARRAY, "an array");
    }

    @Override
    public boolean hasNext() {
        if (depth == 0) {
            throw new IllegalStateException("not inside an object or array");
        }
        return hasNext(cursor);
    }

    @Override
    public String nextName() {
        if (depth == 0 || !objects[depth]) {
            throw new IllegalStateException("not inside an object");
        }
        String name = nextName(cursor);
        if (name == null) {
            throw new IllegalStateException("not before a member of an object");
        }
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
        return takeString(cursor);
    }

    @Override
    public double nextDouble() {
        take(BrowserJsonCodec.NUMBER, "a number");
        double number = takeNumber(cursor);
        if (Double.isInfinite(number)) {
            throw new MalformedJsonException("a number is out of the double range");
        }
        return number == 0 ? 0.0 : number; // -0 read as 0, as decode reads it
    }

    @Override
    public boolean nextBoolean() {
        take(BrowserJsonCodec.BOOLEAN, "a boolean");
        return takeBoolean(cursor);
    }

    @Override
    public JsonValue readValue() {
        if (kind() == NO_VALUE) {
            throw new IllegalStateException("no value to read here");
        }
        return BrowserJsonCodec.fromNative(takeValue(cursor), depth + 1);
    }

    @Override
    public void skipValue() {
        readValue(); // checked as strictly as any other value: depth and numbers
    }

    @Override
    public boolean streams() {
        return true;
    }

    /** The kind of the value the reader is before ({@link #NO_VALUE} for none); in an array, its next item. */
    private int kind() {
        return depth == 0 ? rootKind(cursor) : positionKind(cursor);
    }

    private void take(int expected, String what) {
        if (kind() != expected) {
            throw new IllegalStateException("expected " + what + " here");
        }
    }

    private void open(int kind, String what) {
        take(kind, what);
        if (depth + 1 > JsonLimits.MAX_DEPTH) {
            throw new MalformedJsonException("JSON nests deeper than " + JsonLimits.MAX_DEPTH + " levels");
        }
        depth++;
        if (depth == objects.length) {
            boolean[] more = new boolean[Math.min(objects.length * 2, JsonLimits.MAX_DEPTH + 1)];
            for (int i = 0; i < objects.length; i++) { // a loop: see BaseModel.appended
                more[i] = objects[i];
            }
            objects = more;
        }
        objects[depth] = kind == BrowserJsonCodec.OBJECT;
        open(cursor, objects[depth]);
    }

    private void close(boolean object) {
        if (depth == 0 || objects[depth] != object || !atEnd(cursor)) {
            throw new IllegalStateException("not at the end of " + (object ? "an object" : "an array"));
        }
        close(cursor);
        depth--;
    }

    // The cursor: {frames: [{container, keys (null for an array), index, length}], value, has (a value is pending)}.
    // Long local names: TeaVM's minifier renames parameters to one letter.

    @JSBody(params = "rootValue", script = "return { frames: [], value: rootValue, has: true };")
    private static native JSObject newCursor(JSObject rootValue);

    private static final String KIND_OF_VALUE = "if (theValue === null || theValue === undefined) return 0;"
            + " var theType = typeof theValue; return theType === 'string' ? 1 : theType === 'number' ? 2"
            + " : theType === 'boolean' ? 3 : Array.isArray(theValue) ? 4 : theType === 'object' ? 5 : 6;";

    /** Outside any container: the root value's kind while it is pending, else -1. */
    @JSBody(params = "theCursor", script = "if (!theCursor.has) return -1; var theValue = theCursor.value; "
            + KIND_OF_VALUE)
    private static native int rootKind(JSObject theCursor);

    /** Inside a container: positions an array on its next item if none is pending; the pending value's kind or -1. */
    @JSBody(params = "theCursor", script = "if (!theCursor.has) { var theFrames = theCursor.frames;"
            + " var theTop = theFrames[theFrames.length - 1];"
            + " if (theTop.keys !== null || theTop.index >= theTop.length) return -1;"
            + " theCursor.value = theTop.container[theTop.index++]; theCursor.has = true; }"
            + " var theValue = theCursor.value; " + KIND_OF_VALUE)
    private static native int positionKind(JSObject theCursor);

    @JSBody(params = { "theCursor", "isObject" }, script = "var theContainer = theCursor.value;"
            + " theCursor.value = undefined; theCursor.has = false;"
            + " var theKeys = isObject ? Object.keys(theContainer) : null;"
            + " theCursor.frames.push({ container: theContainer, keys: theKeys, index: 0,"
            + " length: isObject ? theKeys.length : theContainer.length });")
    private static native void open(JSObject theCursor, boolean isObject);

    @JSBody(params = "theCursor", script = "var theFrames = theCursor.frames; var theTop = theFrames[theFrames.length - 1];"
            + " return theCursor.has || theTop.index < theTop.length;")
    private static native boolean hasNext(JSObject theCursor);

    /** The next member's name, the reader then before its value; null when none is next. */
    @JSBody(params = "theCursor", script = "var theFrames = theCursor.frames; var theTop = theFrames[theFrames.length - 1];"
            + " if (theCursor.has || theTop.index >= theTop.length) return null;"
            + " var theKey = theTop.keys[theTop.index++]; theCursor.value = theTop.container[theKey];"
            + " theCursor.has = true; return theKey;")
    private static native String nextName(JSObject theCursor);

    @JSBody(params = "theCursor", script = "var theFrames = theCursor.frames; var theTop = theFrames[theFrames.length - 1];"
            + " return !theCursor.has && theTop.index >= theTop.length;")
    private static native boolean atEnd(JSObject theCursor);

    @JSBody(params = "theCursor", script = "theCursor.frames.pop();")
    private static native void close(JSObject theCursor);

    /** Takes the pending value: one script, typed four ways by the methods below. */
    private static final String TAKE_VALUE = "var theValue = theCursor.value; theCursor.value = undefined;"
            + " theCursor.has = false; return theValue;";

    @JSBody(params = "theCursor", script = TAKE_VALUE)
    private static native String takeString(JSObject theCursor);

    @JSBody(params = "theCursor", script = TAKE_VALUE)
    private static native double takeNumber(JSObject theCursor);

    @JSBody(params = "theCursor", script = TAKE_VALUE)
    private static native boolean takeBoolean(JSObject theCursor);

    @JSBody(params = "theCursor", script = TAKE_VALUE)
    private static native JSObject takeValue(JSObject theCursor);
}
