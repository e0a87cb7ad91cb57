package dev.tandem.json;

/**
 * A plain JSON value: the common currency between models, the wire and the two runtimes.
 *
 * <p>Tandem exports model trees to this small immutable JSON tree and imports them back from it; a
 * {@link JsonCodec} turns it into text and back (jackson-core on the JVM, the browser's own {@code JSON} in
 * JavaScript). Values are immutable, so a value held by a model attribute cannot change behind the model's back.
 *
 * <p>The tree follows JavaScript's data model on purpose, so the same tree means the same thing, and encodes to
 * the same text, on both ends: numbers are IEEE-754 doubles (see {@link JsonNumber}), and object members iterate in
 * JavaScript's property order (see {@link JsonObject}).
 */
public sealed interface JsonValue permits JsonNull, JsonBoolean, JsonNumber, JsonString, JsonArray, JsonObject {

    /** The kind of a JSON value, as named in error messages. */
    enum Kind { NULL, BOOLEAN, NUMBER, STRING, ARRAY, OBJECT }

    Kind kind();

    /** Nesting depth: 1 for scalars, 1 + the deepest member for arrays and objects. */
    int depth();
}
