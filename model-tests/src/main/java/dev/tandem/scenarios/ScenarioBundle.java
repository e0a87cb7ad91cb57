package dev.tandem.scenarios;

import dev.tandem.client.json.BrowserJsonCodec;
import dev.tandem.json.JsonCodec;
import dev.tandem.scenarios.harness.ScenarioRunner;
import org.teavm.jso.JSExport;

/**
 * The scenarios' JavaScript entry point: TeaVM compiles this class, model-core and the scenarios into
 * {@code target/javascript/scenarios.js}; the JVM test loads it in Node and calls {@link #runAll()}.
 */
public final class ScenarioBundle {
    private ScenarioBundle() {
    }

    public static void main(String[] args) {
        // Nothing runs on load; the test calls runAll().
    }

    /** Runs every scenario with the browser's JSON codec; returns the report as JSON text. */
    @JSExport
    public static String runAll() {
        JsonCodec codec = new BrowserJsonCodec();
        return codec.encode(ScenarioRunner.report(ScenarioRunner.runAll(ScenarioCatalog.all(), codec)));
    }
}
