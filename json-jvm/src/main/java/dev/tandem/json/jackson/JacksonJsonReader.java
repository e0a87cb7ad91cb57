package dev.tandem.json.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tandem.json.JsonLimits;
import dev.tandem.json.JsonReader;
import dev.tandem.json.JsonValue;
import dev.tandem.json.MalformedJsonException;
import java.io.IOException;

/**
 * A streaming {@link JsonReader} on jackson-core's parser: text straight to the reader's caller, no tree between.
 * It checks what {@link JacksonJsonCodec#decode} checks, as it goes: strict JSON, at most
 * {@link JsonLimits#MAX_DEPTH} levels, no number beyond the double range, and no data after the value (checked as
 * soon as the value ends). Closes the parser when the value ends.
 */
final class JacksonJsonReader implements JsonReader {
    private final JsonParser parser;
    private JsonToken token; // the token the reader is positioned at
    private int depth;       // open objects and arrays

    JacksonJsonReader(JsonParser parser) {
        this.parser = parser;
        advance();
        if (token == null) {
            throw new MalformedJsonException("no JSON value in empty text");
        }
    }

    @Override
    public JsonValue.Kind peek() {
        if (token == null) {
            throw new IllegalStateException("the value has been read");
        }
        switch (token) {
            case START_OBJECT:
                return JsonValue.Kind.OBJECT;
            case START_ARRAY:
                return JsonValue.Kind.ARRAY;
            case VALUE_STRING:
                return JsonValue.Kind.STRING;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return JsonValue.Kind.NUMBER;
            case VALUE_TRUE:
            case VALUE_FALSE:
                return JsonValue.Kind.BOOLEAN;
            case VALUE_NULL:
                return JsonValue.Kind.NULL;
            default:
                throw new IllegalStateException("not before a value but at " + token);
        }
    }

    @Override
    public void beginObject() {
        open(JsonToken.START_OBJECT);
    }

    @Override
    public boolean hasNext() {
        return token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY;
    }

    @Override
    public String nextName() {
        expect(JsonToken.FIELD_NAME);
        String name;
        try {
            name = parser.currentName();
        } catch (IOException e) {
            throw malformed(e);
        }
        advance();
        return name;
    }

    @Override
    public void endObject() {
        close(JsonToken.END_OBJECT);
    }

    @Override
    public void beginArray() {
        open(JsonToken.START_ARRAY);
    }

    @Override
    public void endArray() {
        close(JsonToken.END_ARRAY);
    }

    @Override
    public String nextString() {
        expect(JsonToken.VALUE_STRING);
        String text;
        try {
            text = parser.getText();
        } catch (IOException e) {
            throw malformed(e);
        }
        consumed();
        return text;
    }

    @Override
    public double nextDouble() {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new IllegalStateException("expected a number but at " + token);
        }
        double number;
        try {
            number = parser.getDoubleValue();
            if (Double.isInfinite(number)) {
                throw new MalformedJsonException("number " + parser.getText() + " is out of the double range");
            }
        } catch (IOException e) {
            throw malformed(e);
        }
        consumed();
        return number == 0 ? 0.0 : number;
    }

    @Override
    public boolean nextBoolean() {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw new IllegalStateException("expected a boolean but at " + token);
        }
        boolean value = token == JsonToken.VALUE_TRUE;
        consumed();
        return value;
    }

    @Override
    public JsonValue readValue() {
        peek();
        JsonValue value;
        try {
            value = JacksonJsonCodec.read(parser, token, depth + 1);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed(e);
        }
        consumed();
        return value;
    }

    @Override
    public void skipValue() {
        readValue(); // read, not skipped: the depth limit and the number range hold for ignored members too
    }

    @Override
    public boolean streams() {
        return true;
    }

    private void open(JsonToken start) {
        expect(start);
        if (++depth > JsonLimits.MAX_DEPTH) {
            throw new MalformedJsonException("JSON nests deeper than " + JsonLimits.MAX_DEPTH + " levels");
        }
        advance();
    }

    private void close(JsonToken end) {
        expect(end);
        depth--;
        consumed();
    }

    /** A whole value has been read: move on, and after the outermost one make sure nothing follows. */
    private void consumed() {
        advance();
        if (depth == 0) {
            if (token != null) {
                throw new MalformedJsonException("unexpected data after the JSON value at "
                        + parser.currentLocation().getColumnNr());
            }
            try {
                parser.close();
            } catch (IOException e) {
                throw malformed(e);
            }
        }
    }

    private void expect(JsonToken expected) {
        if (token != expected) {
            throw new IllegalStateException("expected " + expected + " but at " + token);
        }
    }

    private void advance() {
        try {
            token = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static MalformedJsonException malformed(IOException e) {
        return new MalformedJsonException(e instanceof JsonProcessingException processing
                ? processing.getOriginalMessage() : e.getMessage());
    }
}
