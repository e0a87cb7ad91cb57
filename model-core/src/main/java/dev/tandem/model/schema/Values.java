package dev.tandem.model.schema;

import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.json.NumberText;
import java.util.List;
import java.util.Map;

/**
 * Renders values for error messages, the same on the JVM and in the browser: strings quoted, numbers as JavaScript
 * writes them ({@link NumberText}), JSON values as JSON-ish text, lists and maps item by item, enums by name, and
 * any other object by its class ("a java.lang.Object"), since its own {@code toString} differs between runtimes
 * (identity hashes) and may be long.
 *
 * <p>Why not {@code String.valueOf}: it would format a {@code Double} with {@code Double.toString}, whose text is
 * not JavaScript's and which pulls TeaVM's double-to-decimal code into every browser bundle.
 */
public final class Values {
    /** Longest rendering of a value in an error message; longer ones are cut, so a huge input cannot bloat errors. */
    public static final int MAX_DESCRIBED_LENGTH = 80;

    private Values() {
    }

    /** {@code value} for an error message, at most {@value #MAX_DESCRIBED_LENGTH} characters and an ellipsis. */
    public static String describe(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return cut(out);
    }

    /** All of {@code values}, each rendered (and cut) as by {@link #describe}: for declared lists, not for input. */
    public static String describeAll(List<?> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(describe(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append('"').append(s).append('"');
        } else if (value instanceof JsonString s) {
            out.append('"').append(s.value()).append('"');
        } else if (value instanceof JsonValue json) {
            out.append(json.kind().name().toLowerCase()).append(' ').append(json.toString());
        } else if (value instanceof Double || value instanceof Float) {
            out.append(NumberText.of(((Number) value).doubleValue()));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Character c) {
            out.append('\'').append(c.charValue()).append('\'');
        } else if (value instanceof Enum<?> e) {
            out.append(e.name());
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size() && out.length() <= MAX_DESCRIBED_LENGTH; i++) {
                out.append(i == 0 ? "" : ", ");
                append(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (out.length() > MAX_DESCRIBED_LENGTH) {
                    break;
                }
                out.append(out.charAt(out.length() - 1) == '{' ? "" : ", ");
                append(out, entry.getKey());
                out.append(": ");
                append(out, entry.getValue());
            }
            out.append('}');
        } else {
            out.append("a ").append(value.getClass().getName());
        }
    }

    private static String cut(StringBuilder out) {
        return out.length() > MAX_DESCRIBED_LENGTH ? out.substring(0, MAX_DESCRIBED_LENGTH) + "…" : out.toString();
    }
}
