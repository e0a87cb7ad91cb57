package dev.tandem.server.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double exactly as JavaScript's {@code Number.prototype.toString} (and so {@code JSON.stringify}) does,
 * so that the JVM codec and the browser produce the same characters for the same number.
 *
 * <p>ECMAScript asks for the shortest digit string that reads back as the same double (the one closest to the
 * exact value when several are shortest), laid out by the exponent: plain digits up to 1e21, {@code 0.000001}
 * down to 1e-6, else {@code d.ddde+N} / {@code d.ddde-N}. Java's own {@code Double.toString} picks a different
 * layout ({@code 1.0E21}) and, before JDK 19, sometimes more digits than needed, so it only serves here as an upper
 * bound on the digit count: the shortest count is found by rounding the exact value (BigDecimal) to fewer digits
 * until it no longer reads back. Whole numbers below 2^53 take a fast path.
 */
public final class JavaScriptNumberText {
    private static final double TWO_POW_53 = 9_007_199_254_740_992.0;

    private JavaScriptNumberText() {
    }

    /** The JavaScript text of a finite double ({@code -0} gives {@code "0"}, as in JavaScript). */
    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("JSON cannot carry " + value);
        }
        if (value == 0) {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < TWO_POW_53) {
            return Long.toString((long) value);
        }
        BigDecimal shortest = shortest(value);
        String digits = shortest.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.d1…dk × 10^n
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits);
            for (int i = k; i < n; i++) {
                out.append('0');
            }
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            for (int i = n; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * The shortest decimal that reads back as {@code value}, nearest to it among the shortest; no trailing zeros.
     *
     * <p>At each digit count both neighbours of the exact value (rounded down and up) are tried, not just the
     * nearer one: at a power of two the doubles below are twice as dense as above, so the nearer neighbour can
     * fall outside the value's rounding interval while the farther one is inside (2^-24 is
     * {@code 5.960464477539063e-8}, not 17 digits).
     */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        int precision = significantDigits(Double.toString(value));
        BigDecimal best = readsBack(exact, precision, value);
        while (best == null) { // Double.toString always reads back; this is only a guard
            best = readsBack(exact, ++precision, value);
        }
        while (precision > 1) {
            BigDecimal shorter = readsBack(exact, precision - 1, value);
            if (shorter == null) {
                break;
            }
            best = shorter;
            precision--;
        }
        return best.stripTrailingZeros();
    }

    /** The {@code precision}-digit decimal nearest {@code exact} that reads back as {@code value}, or null. */
    private static BigDecimal readsBack(BigDecimal exact, int precision, double value) {
        BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
        BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
        boolean downReads = down.doubleValue() == value;
        boolean upReads = up.doubleValue() == value;
        if (downReads && upReads) {
            int order = exact.subtract(down).abs().compareTo(up.subtract(exact).abs());
            return order < 0 ? down : order > 0 ? up : exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        }
        return downReads ? down : upReads ? up : null;
    }

    /** Significant digits in Java's rendering, e.g. 3 for "1.25E-7" and 1 for "100.0". */
    private static int significantDigits(String javaText) {
        int end = javaText.indexOf('E');
        String mantissa = end < 0 ? javaText : javaText.substring(0, end);
        String digits = mantissa.replace("-", "").replace(".", "");
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        int last = digits.length();
        while (last > first + 1 && digits.charAt(last - 1) == '0') {
            last--;
        }
        return last - first;
    }
}
