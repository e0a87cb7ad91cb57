package dev.tandem.scenarios.harness;

import java.util.Map;

/** The outcome of one scenario in one runtime: passed or the failure, plus the JSON texts it recorded. */
public final class ScenarioResult {
    private final String name;
    private final String failure;
    private final Map<String, String> texts;

    public ScenarioResult(String name, String failure, Map<String, String> texts) {
        this.name = name;
        this.failure = failure;
        this.texts = texts;
    }

    public String name() {
        return name;
    }

    public boolean passed() {
        return failure == null;
    }

    /** Null when the scenario passed. */
    public String failure() {
        return failure;
    }

    public Map<String, String> texts() {
        return texts;
    }
}
