package dev.tandem.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tandem.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JVM's streaming {@link JsonWriter}: each event goes straight to a jackson-core {@link JsonGenerator}, held to
 * the browser's text the same way the codec holds a tree to it (numbers through {@link JavaScriptNumberText},
 * strings and names through {@link JavaScriptEscapes}). Written by {@link JacksonJsonCodec}; one per encode.
 */
final class JacksonJsonWriter implements JsonWriter {
    private final JsonGenerator out;

    JacksonJsonWriter(JsonGenerator out) {
        this.out = out;
    }

    @Override
    public void beginObject() {
        try {
            out.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void endObject() {
        try {
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beginArray() {
        try {
            out.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void endArray() {
        try {
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void name(String name) {
        try {
            if (JavaScriptEscapes.needsOwnQuoting(name)) {
                out.writeFieldName(new PreQuotedName(name));
            } else {
                out.writeFieldName(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void nullValue() {
        try {
            out.writeNull();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void value(boolean value) {
        try {
            out.writeBoolean(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void value(double value) {
        try {
            out.writeNumber(JavaScriptNumberText.format(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void value(long value) {
        if (value > dev.tandem.json.JsonNumber.MAX_SAFE_INTEGER || value < -dev.tandem.json.JsonNumber.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer " + value + " is beyond ±(2^53 - 1), which JavaScript cannot"
                    + " carry exactly");
        }
        try {
            out.writeNumber(value); // Long.toString: JavaScript's text for every safe integer
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void value(String value) {
        try {
            if (JavaScriptEscapes.needsOwnQuoting(value)) {
                out.writeRawValue(JavaScriptEscapes.quote(value));
            } else {
                out.writeString(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
