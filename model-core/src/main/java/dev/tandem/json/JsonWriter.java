package dev.tandem.json;

/**
 * JSON written as a stream of events (begin and end of objects and arrays, member names, values), so a producer can
 * go straight to text without building a {@link JsonValue} tree first.
 *
 * <p>Each codec has its own: {@link JsonCodec#encode(JsonSource)} hands one to the source. The writer adds nothing
 * and reorders nothing; the caller is responsible for well-formed input and, so that both ends write the same text,
 * for giving an object's members in {@link JsonObject}'s order (keys that are array indices first, ascending, then
 * the others in insertion order) and each key once. {@link JsonTreeWriter} collects the events into a tree instead.
 *
 * <p>Not a parser's mirror: there is no "end of document"; the source writes exactly one value.
 */
public interface JsonWriter {

    void beginObject();

    void endObject();

    void beginArray();

    void endArray();

    /** The key of the next member of the current object. */
    void name(String name);

    /**
     * The same as {@link #name(String)} of {@code name.value()}; a codec's writer may keep a ready form of the name in
     * the token ({@link JsonName#encoded()}) to write it faster the next time.
     */
    default void name(JsonName name) {
        name(name.value());
    }

    void nullValue();

    void value(boolean value);

    /** A number; the same text as {@link JsonNumber#of(double)} of it (finite only; -0 is written as 0). */
    void value(double value);

    /** An integer within ±(2^53 − 1), as {@link JsonNumber#of(long)}; the same text as the equal double. */
    void value(long value);

    void value(String value);

    /** A whole JSON tree, member by member in its order. */
    default void value(JsonValue value) {
        switch (value.kind()) {
            case NULL:
                nullValue();
                break;
            case BOOLEAN:
                value(((JsonBoolean) value).value());
                break;
            case NUMBER:
                value(((JsonNumber) value).value());
                break;
            case STRING:
                value(((JsonString) value).value());
                break;
            case ARRAY:
                beginArray();
                JsonArray array = (JsonArray) value;
                for (int i = 0, size = array.size(); i < size; i++) {
                    value(array.get(i));
                }
                endArray();
                break;
            case OBJECT:
                beginObject();
                JsonObject object = (JsonObject) value;
                for (int i = 0, size = object.size(); i < size; i++) { // by position: no entry objects
                    name(object.keyAt(i));
                    value(object.valueAt(i));
                }
                endObject();
                break;
            default:
                throw new IllegalStateException(value.kind().name());
        }
    }
}
