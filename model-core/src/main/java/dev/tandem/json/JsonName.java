package dev.tandem.json;

/**
 * A member name that is written again and again (a schema attribute's name, the fixed keys of an exported tree),
 * so that a codec's writer can prepare its text once and reuse it.
 *
 * <p>{@link JsonWriter#name(JsonName)} writes it like {@link JsonWriter#name(String)} of its {@link #value()}: the
 * same text, always. The token only carries a slot, {@link #encoded()}, where a writer may keep its own ready form
 * (for example the escaped, quoted name as characters); model-core never looks inside it. A writer must store an
 * immutable object there, is allowed to find the slot empty or holding another codec's form (then it encodes the
 * name itself), and may overwrite it from any thread: the worst a race does is encode the name twice.
 */
public final class JsonName {
    private final String value;
    private Object encoded;

    private JsonName(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a JSON member name cannot be null");
        }
        this.value = value;
    }

    public static JsonName of(String value) {
        return new JsonName(value);
    }

    /** The name itself. */
    public String value() {
        return value;
    }

    /** A codec's ready form of this name, or null; see the class comment. */
    public Object encoded() {
        return encoded;
    }

    /** Keeps a codec's ready form of this name (an immutable object). */
    public void encoded(Object form) {
        encoded = form;
    }

    @Override
    public String toString() {
        return value;
    }
}
