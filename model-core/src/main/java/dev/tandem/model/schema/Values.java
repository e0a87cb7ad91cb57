package dev.tandem.model.schema;

import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import java.util.List;

/** Renders values for error messages: strings quoted, JSON values as JSON-ish text, others as themselves. */
public final class Values {
    /** Longest rendering of a value in an error message; longer ones are cut, so a huge input cannot bloat errors. */
    public static final int MAX_DESCRIBED_LENGTH = 80;

    private Values() {
    }

    public static String describe(Object value) {
        String text;
        if (value == null) {
            text = "null";
        } else if (value instanceof String s) {
            text = '"' + s + '"';
        } else if (value instanceof JsonString s) {
            text = '"' + s.value() + '"';
        } else if (value instanceof JsonValue json) {
            text = json.kind().name().toLowerCase() + " " + json;
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            text = d.isNaN() ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        } else if (value instanceof Double d && d == Math.floor(d) && Math.abs(d) < 1e15) {
            text = Long.toString(d.longValue());
        } else {
            text = String.valueOf(value);
        }
        return text.length() > MAX_DESCRIBED_LENGTH ? text.substring(0, MAX_DESCRIBED_LENGTH) + "…" : text;
    }

    public static String describeAll(List<?> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(describe(values.get(i)));
        }
        return out.append(']').toString();
    }
}
