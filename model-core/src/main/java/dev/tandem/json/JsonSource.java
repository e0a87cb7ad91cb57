package dev.tandem.json;

/** Something that writes one JSON value into a {@link JsonWriter}, e.g. a model tree's {@code xport(out)}. */
@FunctionalInterface
public interface JsonSource {
    void writeTo(JsonWriter out);
}
