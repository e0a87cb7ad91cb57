package dev.tandem.json.jackson;

import com.fasterxml.jackson.core.io.NumberOutput;
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
 * until it no longer reads back. That exact path is slow (a few microseconds a number), so it serves only where
 * the fast paths cannot: whole numbers below 2^53 are written as longs, and other numbers take their digits from
 * jackson-core's Schubfach writer (JDK 19's {@code Double.toString} algorithm) whenever those are provably
 * JavaScript's digits (see {@link #formatFromShortest}).
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
        String fast = formatFromShortest(value);
        return fast != null ? fast : formatExact(value);
    }

    /**
     * The fast path, from jackson-core's Schubfach writer, which implements the JDK 19 {@code Double.toString}
     * contract: among the decimals of minimal length m that read back as {@code value}, the one nearest to it (the
     * even one on a tie), which is exactly ECMAScript's choice; except that when m = 1 Java also considers the
     * 2-digit decimals, and may pick one of those ({@code 4.9E-324}, where JavaScript writes {@code 5e-324}). So
     * Java's digits are JavaScript's when there are 1 or at least 3 of them, and when there are 2 and neither
     * 1-digit neighbour reads back; in the remaining (rare) case this returns null, for the exact path.
     */
    static String formatFromShortest(double value) {
        String java = NumberOutput.toString(value, true); // e.g. "-1.2345E-7", "123.456", "0.001"
        int length = java.length();
        int exponentAt = java.indexOf('E');
        int mantissaEnd = exponentAt < 0 ? length : exponentAt;
        // value = 0.d × 10^n, d the significant digits (no leading or trailing zeros) of the mantissa
        int first = -1;
        int last = -1;
        int point = mantissaEnd;
        int digitsBeforeFirst = 0;
        int significant = 0;
        for (int i = value < 0 ? 1 : 0; i < mantissaEnd; i++) {
            char c = java.charAt(i);
            if (c == '.') {
                point = i;
            } else if (c != '0' || first >= 0) {
                if (first < 0) {
                    first = i;
                }
                if (c != '0') {
                    last = i;
                }
            } else {
                digitsBeforeFirst++;
            }
        }
        if (first < 0) {
            return null; // zero: not this path's business (format writes "0")
        }
        for (int i = first; i <= last; i++) {
            if (java.charAt(i) != '.') {
                significant++;
            }
        }
        int exponent = exponentAt < 0 ? 0 : Integer.parseInt(java, exponentAt + 1, length, 10);
        int integerDigits = point - (value < 0 ? 1 : 0);
        int n = integerDigits - digitsBeforeFirst + exponent;
        if (significant == 2 && oneDigitReadsBack(value, java.charAt(first), n)) {
            return null;
        }
        if (exponentAt < 0) {
            // Java's plain layout (1e-3 ≤ |value| < 1e7, here never a whole number) is JavaScript's.
            return java;
        }
        char[] digits = new char[significant];
        for (int i = first, at = 0; at < significant; i++) {
            char c = java.charAt(i);
            if (c != '.') {
                digits[at++] = c;
            }
        }
        return layout(value < 0, digits, 0, significant, n);
    }

    /** True when 0.d × 10^n or 0.(d+1) × 10^n, for the leading digit d of a 2-digit answer, reads back. */
    static boolean oneDigitReadsBack(double value, char leading, int n) {
        double magnitude = Math.abs(value);
        int d = leading - '0';
        return decimal(d, n - 1) == magnitude || (d == 9 ? decimal(1, n) : decimal(d + 1, n - 1)) == magnitude;
    }

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The double nearest to {@code digit} × 10^{@code exponent}, as {@code Double.parseDouble} reads it. Within
     * ±22 both factors are exact doubles, so one multiplication or division, correctly rounded by IEEE-754, is
     * already the nearest double (Clinger's fast path); beyond that, the text is parsed.
     */
    private static double decimal(int digit, int exponent) {
        if (exponent >= 0 && exponent < POWERS_OF_TEN.length) {
            return digit * POWERS_OF_TEN[exponent];
        }
        if (exponent < 0 && -exponent < POWERS_OF_TEN.length) {
            return digit / POWERS_OF_TEN[-exponent];
        }
        return Double.parseDouble(digit + "E" + exponent);
    }

    /** The exact path: the shortest digits found by rounding the exact value (BigDecimal); slow, always right. */
    static String formatExact(double value) {
        BigDecimal shortest = shortest(value);
        char[] digits = shortest.unscaledValue().abs().toString().toCharArray();
        return layout(value < 0, digits, 0, digits.length, digits.length - shortest.scale());
    }

    /**
     * ECMAScript's layout of {@code 0.d × 10^n}, where d is {@code digits[first … last)} without leading or
     * trailing zeros: plain digits up to 1e21, {@code 0.000001} down to 1e-6, else {@code d.ddde±N}.
     */
    private static String layout(boolean negative, char[] digits, int first, int last, int n) {
        int k = last - first;
        char[] out = new char[k + Math.max(n, 0) + 8]; // sign, "0.", up to 5 zeros or "e+308"; n ≤ 21 zeros
        int at = 0;
        if (negative) {
            out[at++] = '-';
        }
        if (k <= n && n <= 21) {
            at = copy(digits, first, last, out, at);
            for (int i = k; i < n; i++) {
                out[at++] = '0';
            }
        } else if (0 < n && n <= 21) {
            at = copy(digits, first, first + n, out, at);
            out[at++] = '.';
            at = copy(digits, first + n, last, out, at);
        } else if (-6 < n && n <= 0) {
            out[at++] = '0';
            out[at++] = '.';
            for (int i = n; i < 0; i++) {
                out[at++] = '0';
            }
            at = copy(digits, first, last, out, at);
        } else {
            int exponent = n - 1;
            out[at++] = digits[first];
            if (k > 1) {
                out[at++] = '.';
                at = copy(digits, first + 1, last, out, at);
            }
            out[at++] = 'e';
            out[at++] = exponent < 0 ? '-' : '+';
            String magnitude = Integer.toString(Math.abs(exponent));
            magnitude.getChars(0, magnitude.length(), out, at);
            at += magnitude.length();
        }
        return new String(out, 0, at);
    }

    private static int copy(char[] from, int start, int end, char[] to, int at) {
        System.arraycopy(from, start, to, at, end - start);
        return at + end - start;
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
