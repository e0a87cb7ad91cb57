package dev.tandem.json;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link JsonWriter} that builds the {@link JsonValue} tree of what is written: the bridge from a streaming
 * producer to the tree, for codecs that encode trees (the browser's) and for callers that want the tree itself.
 * Objects go through {@link JsonObject.Builder}, so member order and duplicate keys follow its rules.
 */
public final class JsonTreeWriter implements JsonWriter {
    // Open containers, innermost last: a JsonObject.Builder or a List of items. names[i] is the pending member name
    // of containers[i] when it is an object.
    private Object[] containers = new Object[8];
    private String[] names = new String[8];
    private int depth;
    private JsonValue result;

    /** The value written, once it is complete. */
    public JsonValue result() {
        if (result == null || depth > 0) {
            throw new IllegalStateException("no complete JSON value has been written");
        }
        return result;
    }

    @Override
    public void beginObject() {
        open(JsonObject.builder());
    }

    @Override
    public void endObject() {
        close(((JsonObject.Builder) containers[depth - 1]).build());
    }

    @Override
    public void beginArray() {
        open(new ArrayList<JsonValue>());
    }

    @Override
    public void endArray() {
        @SuppressWarnings("unchecked")
        List<JsonValue> items = (List<JsonValue>) containers[depth - 1];
        close(JsonArray.of(items));
    }

    @Override
    public void name(String name) {
        if (depth == 0 || !(containers[depth - 1] instanceof JsonObject.Builder)) {
            throw new IllegalStateException("a member name outside an object: " + name);
        }
        names[depth - 1] = name;
    }

    @Override
    public void nullValue() {
        add(JsonNull.INSTANCE);
    }

    @Override
    public void value(boolean value) {
        add(JsonBoolean.of(value));
    }

    @Override
    public void value(double value) {
        add(JsonNumber.of(value));
    }

    @Override
    public void value(long value) {
        add(JsonNumber.of(value));
    }

    @Override
    public void value(String value) {
        add(JsonString.of(value));
    }

    @Override
    public void value(JsonValue value) {
        add(value); // already a tree: no need to take it apart
    }

    private void open(Object container) {
        if (depth == containers.length) {
            Object[] moreContainers = new Object[depth * 2];
            String[] moreNames = new String[depth * 2];
            for (int i = 0; i < depth; i++) { // a loop: see BaseModel.appended
                moreContainers[i] = containers[i];
                moreNames[i] = names[i];
            }
            containers = moreContainers;
            names = moreNames;
        }
        containers[depth++] = container;
    }

    private void close(JsonValue value) {
        containers[--depth] = null;
        add(value);
    }

    @SuppressWarnings("unchecked")
    private void add(JsonValue value) {
        if (depth == 0) {
            if (result != null) {
                throw new IllegalStateException("a second JSON value after " + result);
            }
            result = value;
            return;
        }
        Object container = containers[depth - 1];
        if (container instanceof JsonObject.Builder object) {
            String name = names[depth - 1];
            if (name == null) {
                throw new IllegalStateException("an object member without a name: " + value);
            }
            object.put(name, value);
            names[depth - 1] = null;
        } else {
            ((List<JsonValue>) container).add(value);
        }
    }
}
