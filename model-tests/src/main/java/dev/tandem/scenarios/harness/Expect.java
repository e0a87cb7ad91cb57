package dev.tandem.scenarios.harness;

import java.util.Objects;

/** The assertions scenarios use; plain Java so TeaVM compiles them like the models. */
public final class Expect {
    private Expect() {
    }

    public static void equal(Object expected, Object actual, String what) {
        if (!Objects.equals(expected, actual)) {
            throw new ScenarioFailure(what + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    public static void isTrue(boolean condition, String what) {
        if (!condition) {
            throw new ScenarioFailure(what);
        }
    }

    public static void contains(String haystack, String needle, String what) {
        if (haystack == null || !haystack.contains(needle)) {
            throw new ScenarioFailure(what + ": expected <" + haystack + "> to contain <" + needle + ">");
        }
    }

    /** Runs {@code action}, which must throw a {@code type}; returns what it threw. */
    public static <T extends RuntimeException> T fails(Class<T> type, Runnable action, String what) {
        try {
            action.run();
        } catch (RuntimeException thrown) {
            if (type.isInstance(thrown)) {
                return type.cast(thrown);
            }
            throw new ScenarioFailure(what + ": expected " + type.getSimpleName() + " but got " + thrown);
        }
        throw new ScenarioFailure(what + ": expected " + type.getSimpleName() + " but nothing was thrown");
    }
}
