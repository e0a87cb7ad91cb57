package dev.tandem.scenarios.harness;

import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a scenario gets from the runtime it runs in: that runtime's JSON codec, and a place to record the JSON
 * texts it produced, which the parity test compares across runtimes.
 */
public final class ScenarioContext {
    private final JsonCodec codec;
    private final Map<String, String> texts = new LinkedHashMap<>();

    public ScenarioContext(JsonCodec codec) {
        this.codec = codec;
    }

    public JsonCodec codec() {
        return codec;
    }

    /** Encodes {@code value} with this runtime's codec, records the text under {@code label} and returns it. */
    public String record(String label, JsonValue value) {
        String text = codec.encode(value);
        texts.put(label, text);
        return text;
    }

    public Map<String, String> texts() {
        return texts;
    }
}
