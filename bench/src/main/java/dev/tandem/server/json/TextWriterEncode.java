package dev.tandem.server.json;

import dev.tandem.json.JsonSource;

/**
 * For the JMH comparison only: encodes with the earlier {@link JsonTextWriter} (into one reused {@code char[]}), as
 * {@code JacksonJsonCodec.encode} did before it went through jackson-core's generator. Not thread-safe.
 */
public final class TextWriterEncode {
    private char[] buffer = new char[8 * 1024];

    public String encode(JsonSource source) {
        JsonTextWriter out = new JsonTextWriter(buffer);
        source.writeTo(out);
        String text = out.text();
        buffer = out.buffer();
        return text;
    }
}
