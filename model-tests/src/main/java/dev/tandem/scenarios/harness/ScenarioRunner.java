package dev.tandem.scenarios.harness;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs scenarios with a runtime's codec and reports each outcome; also the JSON form of a report. */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    public static ScenarioResult run(Scenario scenario, JsonCodec codec) {
        ScenarioContext context = new ScenarioContext(codec);
        String failure = null;
        try {
            scenario.body().run(context);
        } catch (RuntimeException | AssertionError thrown) {
            String message = thrown.getMessage();
            failure = thrown.getClass().getSimpleName() + ": " + (message == null ? "(no message)" : message);
        }
        return new ScenarioResult(scenario.name(), failure, context.texts());
    }

    public static List<ScenarioResult> runAll(List<Scenario> scenarios, JsonCodec codec) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(run(scenario, codec));
        }
        return results;
    }

    /** {@code [{"name":…, "failure":…|null, "texts":{label: text}}, …]} */
    public static JsonArray report(List<ScenarioResult> results) {
        List<JsonValue> items = new ArrayList<>();
        for (ScenarioResult result : results) {
            JsonObject.Builder texts = JsonObject.builder();
            for (Map.Entry<String, String> text : result.texts().entrySet()) {
                texts.put(text.getKey(), JsonString.of(text.getValue()));
            }
            items.add(JsonObject.builder()
                    .put("name", JsonString.of(result.name()))
                    .put("failure", result.failure() == null ? JsonNull.INSTANCE : JsonString.of(result.failure()))
                    .put("texts", texts.build())
                    .build());
        }
        return JsonArray.of(items);
    }
}
