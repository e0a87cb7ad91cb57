package dev.tandem.json;

/**
 * A JSON number, held as an IEEE-754 double exactly as JavaScript holds it.
 *
 * <p>Why a double and not a long or a BigDecimal: the browser's {@code JSON.parse} gives every number as a double,
 * so {@code 1} and {@code 1.0} cannot be told apart there, and an integer beyond ±(2^53 − 1) silently loses digits.
 * Holding the same double on the JVM makes both ends agree by construction. The rules, enforced here:
 * <ul>
 *   <li>NaN and ±Infinity have no JSON text: constructing one fails with {@link IllegalArgumentException}
 *       (decoders report a number that overflows to infinity, such as {@code 1e400}, as malformed JSON);</li>
 *   <li>{@code -0} is stored as {@code 0}, since {@code JSON.stringify(-0)} is {@code "0"};</li>
 *   <li>integer attributes accept only {@link #isSafeInteger() safe integers}, |n| ≤ 2^53 − 1.</li>
 * </ul>
 * Text form (both codecs): JavaScript's {@code Number.prototype.toString}, e.g. {@code 1}, {@code 0.1},
 * {@code 1e+21}, {@code 1e-7}, {@code 5e-324}.
 */
public final class JsonNumber implements JsonValue {
    /** The largest integer a double (and so a browser) carries exactly: 2^53 − 1. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private final double value;

    private JsonNumber(double value) {
        this.value = value;
    }

    /** A number; fails for NaN and infinities, turns -0 into 0. */
    public static JsonNumber of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON cannot carry " + NumberText.of(value) + ": numbers must be finite");
        }
        return new JsonNumber(value == 0 ? 0.0 : value);
    }

    /** An integer; fails beyond ±(2^53 − 1), where a browser would silently round it. */
    public static JsonNumber of(long value) {
        if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer " + value + " is beyond ±(2^53 - 1), which JavaScript cannot"
                    + " carry exactly");
        }
        return new JsonNumber(value);
    }

    public double value() {
        return value;
    }

    /** True when the value is a whole number with |n| ≤ 2^53 − 1. */
    public boolean isSafeInteger() {
        // Math.floor, not Math.rint: TeaVM's rint rounds 2^53 - 1 up (found by the parity scenarios).
        return value == Math.floor(value) && Math.abs(value) <= MAX_SAFE_INTEGER;
    }

    /** The value as a long; callers check {@link #isSafeInteger()} first. */
    public long longValue() {
        return (long) value;
    }

    @Override
    public Kind kind() {
        return Kind.NUMBER;
    }

    @Override
    public int depth() {
        return 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber n && n.value == value;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    /** JavaScript's text of the number, as the codecs write it ({@link NumberText}). */
    @Override
    public String toString() {
        return NumberText.of(value);
    }
}
