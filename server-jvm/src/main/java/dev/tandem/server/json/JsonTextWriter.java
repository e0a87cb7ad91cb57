package dev.tandem.server.json;

import dev.tandem.json.JsonName;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonWriter;
import java.util.Arrays;

/**
 * The JVM's streaming {@link JsonWriter}: writes JSON text into a {@code char[]}, character for character what
 * {@code JSON.stringify} writes for the same value (see docs/json.md). {@link JacksonJsonCodec#encode} hands one to
 * the source and takes the text from it; one per encode.
 *
 * <p>Why its own writer and not jackson-core's generator: the generator could only be held to JavaScript's text
 * from outside, which cost a second pass over every string and name (lone surrogates, lower-case hex) and a
 * {@code String} or two per number. Here each string is copied and checked in one pass, numbers are laid out
 * straight into the buffer ({@link JavaScriptNumberWriter}), and names given as {@link JsonName} tokens are escaped
 * and quoted once, then copied ({@link JsonName#encoded()} keeps their text).
 *
 * <p>It checks the structure as it goes (a member needs a name, a name needs an object, one value in all) and fails
 * with {@link IllegalStateException} on misuse, so it never hands out broken text.
 */
final class JsonTextWriter implements JsonWriter {
    private char[] buffer;
    private int at;
    private final JavaScriptNumberWriter numbers = new JavaScriptNumberWriter();

    // Open containers, innermost last: true for an object. In an object, a name comes before each value.
    private boolean[] objects = new boolean[16];
    private int depth;
    private boolean named;    // the innermost object has its next member's name
    private boolean comma;    // the innermost container already has an item: the next one needs a comma
    private boolean complete; // the one top-level value has been written

    /** A writer that starts with {@code buffer} (any size; it grows a copy when it runs out). */
    JsonTextWriter(char[] buffer) {
        this.buffer = buffer;
    }

    /** The text written, once one complete value has been written. */
    String text() {
        if (!complete) {
            throw new IllegalStateException("no complete JSON value has been written");
        }
        return new String(buffer, 0, at);
    }

    /** The buffer, possibly grown, for the next writer. */
    char[] buffer() {
        return buffer;
    }

    @Override
    public void beginObject() {
        open(true, '{');
    }

    @Override
    public void endObject() {
        close(true, '}');
    }

    @Override
    public void beginArray() {
        open(false, '[');
    }

    @Override
    public void endArray() {
        close(false, ']');
    }

    @Override
    public void name(String name) {
        beforeName(name);
        ensure(name.length() + 3);
        if (comma) {
            buffer[at++] = ',';
        }
        quote(name);
        ensure(1);
        buffer[at++] = ':';
    }

    @Override
    public void name(JsonName name) {
        Object encoded = name.encoded();
        char[] text;
        if (encoded instanceof QuotedName quoted) {
            text = quoted.text;
        } else {
            text = QuotedName.of(name.value()).text;
            if (encoded == null) {
                name.encoded(new QuotedName(text));
            }
        }
        beforeName(name.value());
        ensure(text.length + 1);
        if (comma) {
            buffer[at++] = ',';
        }
        System.arraycopy(text, 0, buffer, at, text.length);
        at += text.length;
    }

    @Override
    public void nullValue() {
        beforeValue(4);
        buffer[at++] = 'n';
        buffer[at++] = 'u';
        buffer[at++] = 'l';
        buffer[at++] = 'l';
        afterValue();
    }

    @Override
    public void value(boolean value) {
        beforeValue(5);
        if (value) {
            buffer[at++] = 't';
            buffer[at++] = 'r';
            buffer[at++] = 'u';
            buffer[at++] = 'e';
        } else {
            buffer[at++] = 'f';
            buffer[at++] = 'a';
            buffer[at++] = 'l';
            buffer[at++] = 's';
            buffer[at++] = 'e';
        }
        afterValue();
    }

    @Override
    public void value(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON cannot carry " + value);
        }
        beforeValue(JavaScriptNumberWriter.MAX_LENGTH);
        at = numbers.write(value, buffer, at);
        afterValue();
    }

    @Override
    public void value(long value) {
        if (value > JsonNumber.MAX_SAFE_INTEGER || value < -JsonNumber.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer " + value + " is beyond ±(2^53 - 1), which JavaScript cannot"
                    + " carry exactly");
        }
        beforeValue(JavaScriptNumberWriter.MAX_LENGTH);
        at = JavaScriptNumberWriter.writeLong(value, buffer, at); // JavaScript's text for every safe integer
        afterValue();
    }

    @Override
    public void value(String value) {
        if (value == null) {
            nullValue();
            return;
        }
        beforeValue(value.length() + 2);
        quote(value);
        afterValue();
    }

    // ---------------------------------------------------------------- structure

    private void open(boolean object, char bracket) {
        beforeValue(1);
        buffer[at++] = bracket;
        if (depth == objects.length) {
            objects = Arrays.copyOf(objects, depth * 2);
        }
        objects[depth++] = object;
        comma = false;
        named = false;
    }

    private void close(boolean object, char bracket) {
        if (depth == 0 || objects[depth - 1] != object) {
            throw new IllegalStateException("no " + (object ? "object" : "array") + " to end here");
        }
        if (named) {
            throw new IllegalStateException("an object ends after a member name without a value");
        }
        ensure(1);
        buffer[at++] = bracket;
        depth--;
        afterValue();
    }

    private void beforeName(String name) {
        if (depth == 0 || !objects[depth - 1] || named) {
            throw new IllegalStateException("a member name where none belongs: " + name);
        }
        named = true;
    }

    /** Checks that a value belongs here, makes room for it and a comma, and writes the comma. */
    private void beforeValue(int room) {
        if (depth == 0) {
            if (complete) {
                throw new IllegalStateException("a second JSON value after a complete one");
            }
        } else if (objects[depth - 1]) {
            if (!named) {
                throw new IllegalStateException("an object member without a name");
            }
            named = false;
            comma = false; // written before the name
        }
        ensure(room + 1);
        if (comma) {
            buffer[at++] = ',';
        }
    }

    /** After a whole value: the next item needs a comma; at the top level, the text is complete. */
    private void afterValue() {
        comma = true;
        if (depth == 0) {
            complete = true;
        }
    }

    // ---------------------------------------------------------------- strings

    /**
     * Writes {@code text} quoted and escaped as {@code JSON.stringify} does. One pass: the characters are copied in
     * bulk, then checked in place; only from the first one that needs an escape (rare) does it write char by char.
     */
    private void quote(String text) {
        int length = text.length();
        ensure(length + 2);
        buffer[at++] = '"';
        text.getChars(0, length, buffer, at);
        int start = at;
        int end = at + length;
        for (int i = start; i < end; i++) {
            char c = buffer[i];
            if (c < 128) {
                if (JavaScriptEscapes.isEscapedAscii(c)) {
                    at = i;
                    quoteFrom(text, i - start);
                    return;
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(buffer[i + 1])) {
                    i++; // a pair: written as itself
                } else {
                    at = i;
                    quoteFrom(text, i - start);
                    return;
                }
            }
        }
        at = end;
        buffer[at++] = '"';
    }

    /** The slow rest of {@link #quote}: {@code text} from {@code index} on, char by char, then the closing quote. */
    private void quoteFrom(String text, int index) {
        for (int i = index, n = text.length(); i < n; i++) {
            ensure(JavaScriptEscapes.MAX_ESCAPE_LENGTH + 2);
            char c = text.charAt(i);
            if (JavaScriptEscapes.isEscapedAscii(c)) {
                at = JavaScriptEscapes.writeEscape(c, buffer, at);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                buffer[at++] = c;
                buffer[at++] = text.charAt(++i);
            } else if (Character.isSurrogate(c)) {
                at = JavaScriptEscapes.writeEscape(c, buffer, at); // a lone surrogate
            } else {
                buffer[at++] = c;
            }
        }
        buffer[at++] = '"';
    }

    private void ensure(int room) {
        if (at + room > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + room));
        }
    }

    /** A name's text as this writer writes it ({@code "name":}), kept in its {@link JsonName}. Immutable. */
    private static final class QuotedName {
        final char[] text;

        QuotedName(char[] text) {
            this.text = text;
        }

        static QuotedName of(String name) {
            JsonTextWriter writer = new JsonTextWriter(new char[name.length() + 8]);
            writer.quote(name);
            char[] text = Arrays.copyOf(writer.buffer, writer.at + 1);
            text[writer.at] = ':';
            return new QuotedName(text);
        }
    }
}
