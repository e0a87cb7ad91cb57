package dev.tandem.scenarios;

import dev.tandem.scenarios.harness.Scenario;
import java.util.ArrayList;
import java.util.List;

/** Every model scenario, in a fixed order: the one list both runtimes run. */
public final class ScenarioCatalog {
    private ScenarioCatalog() {
    }

    public static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.addAll(EventScenarios.all());
        scenarios.addAll(CollectionScenarios.all());
        scenarios.addAll(RegistryScenarios.all());
        scenarios.addAll(SerializerScenarios.all());
        scenarios.addAll(ValidationScenarios.all());
        scenarios.addAll(JsonTextScenarios.all());
        scenarios.addAll(ImportFromTextScenarios.all());
        scenarios.addAll(JsonReaderScenarios.all());
        scenarios.addAll(BatchFrameScenarios.all());
        return scenarios;
    }
}
