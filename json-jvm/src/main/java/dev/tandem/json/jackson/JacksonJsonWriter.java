package dev.tandem.json.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import dev.tandem.json.JsonName;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JVM's streaming {@link JsonWriter}, on jackson-core's {@link JsonGenerator}: the text it writes is character for
 * character what {@code JSON.stringify} writes for the same value (see docs/json.md). {@link JacksonJsonCodec#encode}
 * hands one to the source; one per encode.
 *
 * <p>The generator writes the text; this class makes it JavaScript's where the generator's own would differ, without
 * a second pass over what is common:
 * <ul>
 * <li>numbers: JavaScript's layout ({@code 1e+21}, {@code 0.000001}, {@code 1700000000000}) comes from
 *     {@link JavaScriptNumberWriter} into a small reused {@code char[]}, which the generator copies as the number's
 *     text ({@code writeNumber(char[], int, int)}): no {@code String} per number;
 * <li>strings: the generator escapes them (the codec's factory has {@code WRITE_HEX_UPPER_CASE} off, so control
 *     characters get {@code JSON.stringify}'s lower-case {@code \u001f}); only a string with a lone surrogate, which
 *     the generator would copy as it is, is escaped here and handed over as the raw value;
 * <li>names: a {@link JsonName} keeps a {@link JavaScriptQuotedName} (a {@code SerializedString} with JavaScript's
 *     escaping) in its slot, and the generator copies its ready text; a plain name goes as a string value does.
 * </ul>
 *
 * <p>Misuse throws {@link IllegalStateException} rather than giving broken text. The generator refuses a value without
 * a name in an object, a name outside an object or twice, and an end that does not match; this class adds what it lets
 * through: an object ending after a name without a value, a second top-level value, and taking the text before one
 * whole value is written ({@link #finish}).
 */
final class JacksonJsonWriter implements JsonWriter {
    private final JsonGenerator generator;
    private final JavaScriptNumberWriter numbers = new JavaScriptNumberWriter();
    private final char[] number = new char[JavaScriptNumberWriter.MAX_LENGTH];
    private char[] escaped = new char[0]; // a string with a lone surrogate, escaped and quoted here (rare)

    private int depth;
    private boolean named;    // the innermost object has its next member's name
    private boolean complete; // the one top-level value has been written

    JacksonJsonWriter(JsonGenerator generator) {
        this.generator = generator;
    }

    /** Checks that one whole value has been written; the codec calls it before it takes the text. */
    void finish() {
        if (!complete) {
            throw new IllegalStateException("no complete JSON value has been written");
        }
    }

    @Override
    public void beginObject() {
        beforeValue();
        try {
            generator.writeStartObject();
        } catch (IOException e) {
            throw failure(e);
        }
        depth++;
    }

    @Override
    public void endObject() {
        if (named) {
            throw new IllegalStateException("an object ends after a member name without a value");
        }
        try {
            generator.writeEndObject();
        } catch (IOException e) {
            throw failure(e);
        }
        depth--;
        afterValue();
    }

    @Override
    public void beginArray() {
        beforeValue();
        try {
            generator.writeStartArray();
        } catch (IOException e) {
            throw failure(e);
        }
        depth++;
    }

    @Override
    public void endArray() {
        try {
            generator.writeEndArray();
        } catch (IOException e) {
            throw failure(e);
        }
        depth--;
        afterValue();
    }

    @Override
    public void name(String name) {
        try {
            if (JavaScriptEscapes.hasLoneSurrogate(name)) {
                generator.writeFieldName(new JavaScriptQuotedName(name));
            } else {
                generator.writeFieldName(name);
            }
        } catch (IOException e) {
            throw failure(e);
        }
        named = true;
    }

    @Override
    public void name(JsonName name) {
        Object encoded = name.encoded();
        SerializableString quoted;
        if (encoded instanceof JavaScriptQuotedName ready) {
            quoted = ready;
        } else {
            quoted = new JavaScriptQuotedName(name.value());
            if (encoded == null) { // another codec's form stays
                name.encoded(quoted);
            }
        }
        try {
            generator.writeFieldName(quoted);
        } catch (IOException e) {
            throw failure(e);
        }
        named = true;
    }

    @Override
    public void nullValue() {
        beforeValue();
        try {
            generator.writeNull();
        } catch (IOException e) {
            throw failure(e);
        }
        afterValue();
    }

    @Override
    public void value(boolean value) {
        beforeValue();
        try {
            generator.writeBoolean(value);
        } catch (IOException e) {
            throw failure(e);
        }
        afterValue();
    }

    @Override
    public void value(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON cannot carry " + value);
        }
        beforeValue();
        int length = numbers.write(value, number, 0);
        try {
            generator.writeNumber(number, 0, length); // copied as it is
        } catch (IOException e) {
            throw failure(e);
        }
        afterValue();
    }

    @Override
    public void value(long value) {
        if (value > JsonNumber.MAX_SAFE_INTEGER || value < -JsonNumber.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer " + value + " is beyond ±(2^53 - 1), which JavaScript cannot"
                    + " carry exactly");
        }
        beforeValue();
        try {
            generator.writeNumber(value); // the plain digits: JavaScript's text for every safe integer
        } catch (IOException e) {
            throw failure(e);
        }
        afterValue();
    }

    @Override
    public void value(String value) {
        if (value == null) {
            nullValue();
            return;
        }
        beforeValue();
        try {
            if (JavaScriptEscapes.hasLoneSurrogate(value)) {
                int length = quote(value); // may replace the buffer: read it after
                generator.writeRawValue(escaped, 0, length);
            } else {
                generator.writeString(value);
            }
        } catch (IOException e) {
            throw failure(e);
        }
        afterValue();
    }

    /** {@code value} quoted and escaped into {@link #escaped}; returns the length. */
    private int quote(String value) {
        int room = JavaScriptEscapes.MAX_ESCAPE_LENGTH * value.length() + 2;
        if (escaped.length < room) {
            escaped = new char[room];
        }
        escaped[0] = '"';
        int end = JavaScriptEscapes.escape(value, escaped, 1);
        escaped[end] = '"';
        return end + 1;
    }

    private void beforeValue() {
        if (depth == 0 && complete) {
            throw new IllegalStateException("a second JSON value after a complete one");
        }
        named = false;
    }

    private void afterValue() {
        if (depth == 0) {
            complete = true;
        }
    }

    /** The generator's refusal (misuse) as {@link IllegalStateException}; anything else cannot happen in memory. */
    private static RuntimeException failure(IOException e) {
        if (e instanceof JsonProcessingException) {
            return new IllegalStateException(((JsonProcessingException) e).getOriginalMessage(), e);
        }
        return new UncheckedIOException(e);
    }
}
