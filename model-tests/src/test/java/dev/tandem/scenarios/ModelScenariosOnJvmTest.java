package dev.tandem.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tandem.scenarios.harness.ScenarioResult;
import dev.tandem.scenarios.harness.ScenarioRunner;
import dev.tandem.json.jackson.JacksonJsonCodec;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every model scenario on the JVM, with the jackson-core codec: one JUnit test per scenario. */
class ModelScenariosOnJvmTest {

    @TestFactory
    Stream<DynamicTest> modelScenariosOnTheJvm() {
        JacksonJsonCodec codec = new JacksonJsonCodec();
        return ScenarioCatalog.all().stream().map(scenario -> DynamicTest.dynamicTest("[jvm] " + scenario.name(),
                () -> {
                    ScenarioResult result = ScenarioRunner.run(scenario, codec);
                    if (!result.passed()) {
                        fail(result.failure());
                    }
                }));
    }
}
