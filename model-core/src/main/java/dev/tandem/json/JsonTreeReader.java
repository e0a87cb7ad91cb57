package dev.tandem.json;

/**
 * A {@link JsonReader} over a {@link JsonValue} tree: members in {@link JsonObject}'s order (each key once),
 * nothing to check (the tree is valid JSON by construction). {@link #readValue} hands out the subtree itself.
 */
public final class JsonTreeReader implements JsonReader {
    // The open objects and arrays, outermost first, and per container the next member or item. Small at first: the
    // importer opens a reader per member it plans from a tree, most of them one or two levels deep.
    private JsonValue[] containers = new JsonValue[2];
    private int[] positions = new int[2];
    private int depth;
    private JsonValue pending;                          // the value the reader is positioned before, if known

    public JsonTreeReader(JsonValue root) {
        if (root == null) {
            throw new IllegalArgumentException("no JSON value to read");
        }
        this.pending = root;
    }

    @Override
    public JsonValue.Kind peek() {
        return current().kind();
    }

    @Override
    public void beginObject() {
        if (!(current() instanceof JsonObject object)) {
            throw unexpected("an object");
        }
        pending = null;
        push(object);
    }

    @Override
    public boolean hasNext() {
        if (depth == 0 || pending != null) {
            throw new IllegalStateException("not between the members of an object or the items of an array");
        }
        JsonValue container = containers[depth - 1];
        int size = container instanceof JsonObject object ? object.size() : ((JsonArray) container).size();
        return positions[depth - 1] < size;
    }

    @Override
    public String nextName() {
        if (depth == 0 || pending != null || !(containers[depth - 1] instanceof JsonObject object)) {
            throw new IllegalStateException("not before a member of an object");
        }
        int at = positions[depth - 1]++;
        pending = object.valueAt(at);
        return object.keyAt(at);
    }

    @Override
    public void endObject() {
        pop(true);
    }

    @Override
    public void beginArray() {
        if (!(current() instanceof JsonArray array)) {
            throw unexpected("an array");
        }
        pending = null;
        push(array);
    }

    @Override
    public void endArray() {
        pop(false);
    }

    @Override
    public String nextString() {
        if (!(current() instanceof JsonString string)) {
            throw unexpected("a string");
        }
        pending = null;
        return string.value();
    }

    @Override
    public double nextDouble() {
        if (!(current() instanceof JsonNumber number)) {
            throw unexpected("a number");
        }
        pending = null;
        return number.value();
    }

    @Override
    public boolean nextBoolean() {
        if (!(current() instanceof JsonBoolean bool)) {
            throw unexpected("a boolean");
        }
        pending = null;
        return bool.value();
    }

    @Override
    public JsonValue readValue() {
        JsonValue value = current();
        pending = null;
        return value;
    }

    @Override
    public void skipValue() {
        readValue();
    }

    @Override
    public boolean streams() {
        return false;
    }

    /** The value the reader is positioned before (in an array: the next item). */
    private JsonValue current() {
        if (pending == null) {
            if (depth > 0 && containers[depth - 1] instanceof JsonArray array && positions[depth - 1] < array.size()) {
                pending = array.get(positions[depth - 1]++);
            } else {
                throw new IllegalStateException("not before a value");
            }
        }
        return pending;
    }

    private IllegalStateException unexpected(String expected) {
        return new IllegalStateException("expected " + expected + " but the value is " + pending.kind());
    }

    private void push(JsonValue container) {
        if (depth == containers.length) {
            JsonValue[] moreContainers = new JsonValue[depth * 2];
            int[] morePositions = new int[depth * 2];
            for (int i = 0; i < depth; i++) { // a loop: see BaseModel.appended
                moreContainers[i] = containers[i];
                morePositions[i] = positions[i];
            }
            containers = moreContainers;
            positions = morePositions;
        }
        containers[depth] = container;
        positions[depth++] = 0;
    }

    private void pop(boolean object) {
        if (depth == 0 || pending != null || containers[depth - 1] instanceof JsonObject != object || hasNext()) {
            throw new IllegalStateException("not at the end of " + (object ? "an object" : "an array"));
        }
        containers[--depth] = null;
    }
}
