package dev.tandem.bench;

import java.util.Arrays;
import java.util.List;

/** {@code --name value} command-line arguments, as the Colyseus harness takes them. */
final class Arguments {
    private final List<String> args;

    Arguments(String[] args) {
        this.args = Arrays.asList(args);
    }

    String text(String name, String fallback) {
        int index = args.indexOf("--" + name);
        return index >= 0 && index + 1 < args.size() ? args.get(index + 1) : fallback;
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }

    double number(String name, double fallback) {
        return Double.parseDouble(text(name, Double.toString(fallback)));
    }

    boolean flag(String name) {
        return args.contains("--" + name);
    }
}
