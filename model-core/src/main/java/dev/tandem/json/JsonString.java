package dev.tandem.json;

/** A JSON string. Any Java string is allowed, lone surrogates included (they are written as a backslash, "u" and four lower-case hex digits). */
public final class JsonString implements JsonValue {
    private final String value;

    private JsonString(String value) {
        this.value = value;
    }

    public static JsonString of(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a JSON string cannot be null; use JsonNull.INSTANCE");
        }
        return new JsonString(value);
    }

    public String value() {
        return value;
    }

    @Override
    public Kind kind() {
        return Kind.STRING;
    }

    @Override
    public int depth() {
        return 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonString s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
