package dev.tandem.server.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonBoolean;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonLimits;
import dev.tandem.json.JsonReader;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonSource;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.json.MalformedJsonException;
import dev.tandem.json.NumberText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM's {@link JsonCodec}: its own text writer to encode, jackson-core's streaming parser to decode.
 *
 * <p>Encoding goes through {@link JsonTextWriter} (not jackson-core's generator, which could only be held to
 * JavaScript's text from outside, at a cost), which writes numbers and strings exactly as {@code JSON.stringify}
 * does. Decoding is strict JSON (one value, no trailing data), reads every number as a double (like {@code JSON.parse}: an integer beyond 2^53 rounds the same
 * way on both ends), refuses numbers that overflow to infinity and nesting beyond {@link JsonLimits#MAX_DEPTH}.
 * Thread-safe: the factory is shared, parsers and writers are per call, text buffers per thread. Loading this class
 * makes {@link JavaScriptNumberText} model-core's {@link NumberText} writer, for numbers in messages.
 */
public final class JacksonJsonCodec implements JsonCodec {
    static {
        NumberText.install(JavaScriptNumberText::format);
    }

    /** The text buffer a thread starts with: most messages fit, and a whole tree needs few doublings. */
    private static final int INITIAL_BUFFER_CHARS = 8 * 1024;
    /** The largest text buffer a thread keeps for its next encode (1 M chars, 2 MB): a bigger one is left to the collector. */
    private static final int KEPT_BUFFER_CHARS = 1024 * 1024;
    /** Each thread's text buffer, reused from encode to encode (as jackson-core pools its buffers). */
    private static final ThreadLocal<BufferHolder> BUFFERS = ThreadLocal.withInitial(BufferHolder::new);

    // USE_FAST_DOUBLE_PARSER: the JDK's parser allocates big integers for the 17-digit doubles real state is full of.
    private final JsonFactory factory = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    @Override
    public String encode(JsonValue value) {
        return encode(out -> out.value(value));
    }

    /** Streams what {@code source} writes straight to text, through {@link JsonTextWriter}: no tree between. */
    @Override
    public String encode(JsonSource source) {
        BufferHolder holder = BUFFERS.get();
        char[] buffer = holder.buffer;
        holder.buffer = null; // a nested encode (a source that encodes) gets a buffer of its own
        JsonTextWriter out = new JsonTextWriter(buffer != null ? buffer : new char[INITIAL_BUFFER_CHARS]);
        source.writeTo(out);
        String text = out.text();
        if (out.buffer().length <= KEPT_BUFFER_CHARS) {
            holder.buffer = out.buffer();
        }
        return text;
    }

    @Override
    public JsonValue decode(String text) {
        if (text == null) {
            throw new MalformedJsonException("no JSON text (null)");
        }
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedJsonException("no JSON value in empty text");
            }
            JsonValue value = read(parser, first, 1);
            if (parser.nextToken() != null) {
                throw new MalformedJsonException("unexpected data after the JSON value at "
                        + parser.currentLocation().getColumnNr());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }

    /**
     * A reader straight from jackson-core's parser ({@link JacksonJsonReader}): {@code model.mport(text, codec)}
     * then builds no JSON tree. It checks the text as {@link #decode} does, while reading.
     */
    @Override
    public JsonReader reader(String text) {
        if (text == null) {
            throw new MalformedJsonException("no JSON text (null)");
        }
        try {
            return new JacksonJsonReader(factory.createParser(text));
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedJsonException(e.getMessage());
        }
    }

    /** Reads the value at {@code token} as a tree; {@code depth} is its level if it is an object or array. */
    static JsonValue read(JsonParser parser, JsonToken token, int depth) throws IOException {
        switch (token) {
            case START_OBJECT: {
                checkDepth(depth);
                JsonObject.Builder object = JsonObject.builder();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String key = parser.currentName();
                    object.put(key, read(parser, parser.nextToken(), depth + 1));
                }
                return object.build();
            }
            case START_ARRAY: {
                checkDepth(depth);
                List<JsonValue> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(read(parser, next, depth + 1));
                }
                return JsonArray.of(items);
            }
            case VALUE_STRING:
                return JsonString.of(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                double number = parser.getDoubleValue();
                if (Double.isInfinite(number)) {
                    throw new MalformedJsonException("number " + parser.getText() + " is out of the double range");
                }
                return JsonNumber.of(number);
            case VALUE_TRUE:
                return JsonBoolean.TRUE;
            case VALUE_FALSE:
                return JsonBoolean.FALSE;
            case VALUE_NULL:
                return JsonNull.INSTANCE;
            default:
                throw new MalformedJsonException("unexpected " + token);
        }
    }

    private static void checkDepth(int depth) {
        if (depth > JsonLimits.MAX_DEPTH) {
            throw new MalformedJsonException("JSON nests deeper than " + JsonLimits.MAX_DEPTH + " levels");
        }
    }

    private static final class BufferHolder {
        char[] buffer;
    }
}
