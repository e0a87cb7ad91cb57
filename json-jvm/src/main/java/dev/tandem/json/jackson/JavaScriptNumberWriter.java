package dev.tandem.json.jackson;

/**
 * Writes a double into a {@code char[]} exactly as JavaScript's {@code Number.prototype.toString} (and so
 * {@code JSON.stringify}) writes it: the same text as {@link JavaScriptNumberText#format}, without making a
 * {@code String} on the way.
 *
 * <p>Whole numbers below 2^53 are written as integers. Every other number takes its digits from
 * {@link ShortestDecimal} (Schubfach: the shortest digits that read back, the nearest of them) and is laid out in
 * ECMAScript's form at once: plain digits up to 1e21, {@code 0.000001} down to 1e-6, else {@code d.ddde±N}. The
 * one case where Schubfach's digits (Java's contract) and JavaScript's can differ, a 2-digit answer where one
 * digit would read back, goes to {@link JavaScriptNumberText#formatExact}.
 *
 * <p>Not thread-safe (it keeps a scratch buffer); one per writer.
 */
final class JavaScriptNumberWriter {
    /** The most characters one number takes: {@code -0.0000012345678901234567} (25), with room to spare. */
    static final int MAX_LENGTH = 32;

    private static final double TWO_POW_53 = 9_007_199_254_740_992.0;
    private static final long[] POWERS_OF_TEN = new long[19];
    // The tens and the ones digit of 0 to 99.
    private static final char[] TENS = new char[100];
    private static final char[] ONES = new char[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (char) ('0' + i / 10);
            ONES[i] = (char) ('0' + i % 10);
        }
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private final ShortestDecimal shortest = new ShortestDecimal();
    private final char[] digits = new char[20];

    /**
     * Writes {@code value} at {@code out[at]} and returns the index after it; {@code out} must have
     * {@link #MAX_LENGTH} free characters from {@code at}. Fails on NaN and the infinities; -0 is written as 0.
     */
    int write(double value, char[] out, int at) {
        if (value == 0) {
            out[at] = '0';
            return at + 1;
        }
        if (Math.abs(value) < TWO_POW_53) {
            long whole = (long) value;
            if (whole == value) {
                return writeLong(whole, out, at);
            }
        } else if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON cannot carry " + value);
        }
        shortest.of(value);
        long f = shortest.digits();
        int k = digitCount(f);
        int n = k + shortest.exponent(); // value = 0.d1…dk × 10^n
        if (k == 2 && JavaScriptNumberText.oneDigitReadsBack(value, (char) ('0' + f / 10), n)) {
            String exact = JavaScriptNumberText.formatExact(value);
            exact.getChars(0, exact.length(), out, at);
            return at + exact.length();
        }
        if (value < 0) {
            out[at++] = '-';
        }
        return layout(f, k, n, out, at);
    }

    /** A long as its decimal digits (with a minus sign when negative; any long but {@link Long#MIN_VALUE}). */
    static int writeLong(long value, char[] out, int at) {
        if (value < 0) {
            out[at++] = '-';
            value = -value;
        }
        int k = digitCount(value);
        writeDigits(value, out, at + k);
        return at + k;
    }

    /** ECMAScript's layout of 0.d1…dk × 10^n, the k digits being those of {@code f}. */
    private int layout(long f, int k, int n, char[] out, int at) {
        if (k <= n && n <= 21) { // 1500, 123456789012345680000
            writeDigits(f, out, at + k);
            at += k;
            for (int i = k; i < n; i++) {
                out[at++] = '0';
            }
            return at;
        }
        if (0 < n && n <= 21) { // 1.5, 123456789.125: the point after n digits
            writeDigits(f, digits, k);
            System.arraycopy(digits, 0, out, at, n);
            at += n;
            out[at++] = '.';
            System.arraycopy(digits, n, out, at, k - n);
            return at + k - n;
        }
        if (-6 < n && n <= 0) { // 0.5, 0.000025
            out[at++] = '0';
            out[at++] = '.';
            for (int i = n; i < 0; i++) {
                out[at++] = '0';
            }
            writeDigits(f, out, at + k);
            return at + k;
        }
        writeDigits(f, digits, k); // 1e+21, 1.5e-7
        out[at++] = digits[0];
        if (k > 1) {
            out[at++] = '.';
            System.arraycopy(digits, 1, out, at, k - 1);
            at += k - 1;
        }
        int exponent = n - 1;
        out[at++] = 'e';
        out[at++] = exponent < 0 ? '-' : '+';
        return writeLong(Math.abs(exponent), out, at);
    }

    /** The number of decimal digits of a positive long. */
    private static int digitCount(long f) {
        int k = 1;
        while (k < POWERS_OF_TEN.length && f >= POWERS_OF_TEN[k]) {
            k++;
        }
        return k;
    }

    /**
     * Writes the digits of a non-negative {@code f} so that its last digit is at {@code end - 1}: eight digits at a
     * time in int arithmetic (cheaper than long), two per division (a 100-entry table), from the right.
     */
    private static void writeDigits(long f, char[] out, int end) {
        while (f >= 100_000_000L) {
            long high = f / 100_000_000L;
            int low = (int) (f - high * 100_000_000L);
            for (int i = 0; i < 4; i++) {
                int q = low / 100;
                int pair = low - q * 100;
                out[--end] = ONES[pair];
                out[--end] = TENS[pair];
                low = q;
            }
            f = high;
        }
        int rest = (int) f;
        while (rest >= 100) {
            int q = rest / 100;
            int pair = rest - q * 100;
            out[--end] = ONES[pair];
            out[--end] = TENS[pair];
            rest = q;
        }
        if (rest >= 10) {
            out[--end] = ONES[rest];
            out[--end] = TENS[rest];
        } else {
            out[--end] = (char) ('0' + rest);
        }
    }
}
