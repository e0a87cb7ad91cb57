package dev.tandem.scenarios.harness;

/** A scenario's expectation that did not hold. */
public final class ScenarioFailure extends RuntimeException {
    public ScenarioFailure(String message) {
        super(message);
    }
}
