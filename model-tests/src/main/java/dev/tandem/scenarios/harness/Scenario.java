package dev.tandem.scenarios.harness;

/** One model behaviour, named as a sentence, checked the same way on the JVM and in JavaScript. */
public final class Scenario {
    /** The body; it throws (usually a {@link ScenarioFailure} from {@link Expect}) when the behaviour is wrong. */
    @FunctionalInterface
    public interface Body {
        void run(ScenarioContext context);
    }

    private final String name;
    private final Body body;

    public Scenario(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    public String name() {
        return name;
    }

    public Body body() {
        return body;
    }
}
