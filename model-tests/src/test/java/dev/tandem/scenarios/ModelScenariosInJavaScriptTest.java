package dev.tandem.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.scenarios.harness.Scenario;
import dev.tandem.scenarios.harness.ScenarioResult;
import dev.tandem.scenarios.harness.ScenarioRunner;
import dev.tandem.json.jackson.JacksonJsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every model scenario compiled by TeaVM and run as JavaScript in Node, with the browser JSON codec; then the
 * JSON texts each scenario recorded are compared with the JVM's, character for character.
 */
class ModelScenariosInJavaScriptTest {
    /** How long the whole JavaScript run may take before the test gives up on Node. */
    private static final long NODE_TIMEOUT_SECONDS = 120;

    private static final JacksonJsonCodec JVM_CODEC = new JacksonJsonCodec();
    private static List<JsonObject> javascriptResults;

    @BeforeAll
    static void runScenariosInNode() throws IOException, InterruptedException {
        Path bundle = Path.of(System.getProperty("tandem.scenarioBundle", "target/javascript/scenarios.js"));
        assertTrue(Files.isRegularFile(bundle), "TeaVM bundle missing: " + bundle.toAbsolutePath());
        Process node = new ProcessBuilder("node", "-e",
                "process.stdout.write(require(process.argv[1]).runAll());", bundle.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] output = node.getInputStream().readAllBytes();
        assertTrue(node.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), "node exit code");
        JsonArray report = (JsonArray) JVM_CODEC.decode(new String(output, StandardCharsets.UTF_8));
        javascriptResults = new ArrayList<>();
        for (JsonValue item : report) {
            javascriptResults.add((JsonObject) item);
        }
        long passed = javascriptResults.stream().filter(r -> !(r.get("failure") instanceof JsonString)).count();
        System.out.println("Model scenarios run as JavaScript (TeaVM bundle in Node): " + passed + " of "
                + javascriptResults.size() + " scenarios passed");
    }

    @TestFactory
    Stream<DynamicTest> modelScenariosAsJavaScript() {
        return javascriptResults.stream().map(result -> DynamicTest.dynamicTest("[js] " + text(result, "name"),
                () -> {
                    if (result.get("failure") instanceof JsonString failure) {
                        fail(failure.value());
                    }
                }));
    }

    @Test
    void javascriptRanEveryScenarioInTheSameOrder() {
        List<String> expected = ScenarioCatalog.all().stream().map(Scenario::name).toList();
        List<String> actual = javascriptResults.stream().map(r -> text(r, "name")).toList();
        assertEquals(expected, actual);
    }

    @TestFactory
    Stream<DynamicTest> javascriptWritesTheSameJsonTextAsTheJvm() {
        Map<String, ScenarioResult> jvm = new LinkedHashMap<>();
        for (Scenario scenario : ScenarioCatalog.all()) {
            jvm.put(scenario.name(), ScenarioRunner.run(scenario, JVM_CODEC));
        }
        return javascriptResults.stream()
                .filter(result -> ((JsonObject) result.get("texts")).size() > 0)
                .map(result -> DynamicTest.dynamicTest("[same text] " + text(result, "name"), () -> {
                    Map<String, String> javascriptTexts = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonValue> text
                            : ((JsonObject) result.get("texts")).members().entrySet()) {
                        javascriptTexts.put(text.getKey(), ((JsonString) text.getValue()).value());
                    }
                    assertEquals(jvm.get(text(result, "name")).texts(), javascriptTexts);
                }));
    }

    private static String text(JsonObject object, String key) {
        return ((JsonString) object.get(key)).value();
    }
}
