package dev.tandem.json;

/**
 * Turns a JSON tree into text and back: the one seam between model-core and a runtime's JSON machinery.
 *
 * <p>model-core stays free of JSON libraries; each runtime plugs in its own codec (jackson-core's streaming API on
 * the JVM, the browser's {@code JSON} in client-js). Every codec must give the same text for the same tree,
 * character for character — the parity tests hold them to it:
 * <ul>
 *   <li>no whitespace; object members in {@link JsonObject}'s order;</li>
 *   <li>numbers as JavaScript's {@code Number.prototype.toString} writes them ({@link JsonNumber});</li>
 *   <li>strings escaped as {@code JSON.stringify} does: {@code \"}, {@code \\}, {@code \b \f \n \r \t}, other
 *       characters below U+0020 and lone surrogates as {@code \}{@code u} with four lower-case hex digits,
 *       everything else (non-ASCII, U+2028, U+2029, {@code /}) as itself.</li>
 * </ul>
 * Decoding is strict (one value, no trailing data, no comments, no NaN) and nests at most
 * {@link JsonLimits#MAX_DEPTH} deep.
 */
public interface JsonCodec {

    /** The text of {@code value}. */
    String encode(JsonValue value);

    /**
     * The text of what {@code source} writes, e.g. {@code codec.encode(model::xport)}: the same text as encoding the
     * tree it describes. This default builds the tree and encodes it; a codec that can stream overrides it and
     * writes straight to text, without the tree.
     */
    default String encode(JsonSource source) {
        JsonTreeWriter tree = new JsonTreeWriter();
        source.writeTo(tree);
        return encode(tree.result());
    }

    /** The tree of {@code text}; fails with {@link MalformedJsonException} on anything that is not strict JSON. */
    JsonValue decode(String text) throws MalformedJsonException;

    /**
     * A reader of {@code text}'s one value, e.g. for {@code model.mport(text, codec)}. This default decodes the text
     * and reads the tree; a codec that can stream overrides it and reads straight from its parser
     * ({@link JsonReader#streams()}), checking the text as strictly as {@link #decode} while it reads.
     */
    default JsonReader reader(String text) throws MalformedJsonException {
        return new JsonTreeReader(decode(text));
    }
}
