package dev.tandem.json;

/**
 * JSON as a stream of values read one after the other: the reading counterpart of {@link JsonWriter}, and what the
 * model importer consumes.
 *
 * <p>A reader is positioned before a value: {@link #peek} tells its kind, and one of the {@code begin…},
 * {@code next…}, {@link #readValue} or {@link #skipValue} methods consumes it. Inside an object, {@link #hasNext}
 * and {@link #nextName} walk the members (each name is followed by its value); inside an array, {@link #hasNext}
 * walks the items. Calling a method that does not fit the position is a programming error
 * ({@link IllegalStateException}); text that is not JSON is a {@link MalformedJsonException}.
 *
 * <p>Two kinds exist. {@link JsonTreeReader} walks a {@link JsonValue} (any decoded tree); a codec may also read
 * text without building a tree ({@link JsonCodec#reader}), which {@link #streams}: the JVM's reads jackson-core's
 * parser (members in text order, a key given twice seen twice), the browser's walks what {@code JSON.parse} made
 * (members in the engine's property order, a repeated key once). Such a reader enforces what
 * {@link JsonCodec#decode} enforces (strict JSON, {@link JsonLimits#MAX_DEPTH}, no trailing data) as it reads.
 */
public interface JsonReader {

    /** The kind of the value the reader is positioned before. */
    JsonValue.Kind peek();

    void beginObject();

    /** True when the current object or array has another member or item. */
    boolean hasNext();

    /** The next member's name; the reader is then positioned before its value. */
    String nextName();

    void endObject();

    void beginArray();

    void endArray();

    /** Consumes a string value. */
    String nextString();

    /** Consumes a number value, as the double {@link JsonCodec#decode} gives ({@code -0} read as {@code 0}). */
    double nextDouble();

    /** Consumes a boolean value. */
    boolean nextBoolean();

    /** Consumes the next value, whatever it is, as a tree (duplicate keys: the last value wins). */
    JsonValue readValue();

    /** Consumes the next value and ignores it (still checked as strictly as any other). */
    void skipValue();

    /**
     * True for a reader that reads forward, without a tree of its own: it cannot go back, gives no random access, and
     * sees a key repeated in the text either as often as it is repeated (jackson-core's parser) or once, with its last
     * value (the browser's reader, over what {@code JSON.parse} kept). False for a {@link JsonTreeReader}.
     */
    boolean streams();
}
