package dev.tandem.json;

/** The JSON {@code null} literal. */
public enum JsonNull implements JsonValue {
    INSTANCE;

    @Override
    public Kind kind() {
        return Kind.NULL;
    }

    @Override
    public int depth() {
        return 1;
    }

    @Override
    public String toString() {
        return "null";
    }
}
