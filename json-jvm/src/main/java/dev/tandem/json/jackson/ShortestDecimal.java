package dev.tandem.json.jackson;

import java.math.BigInteger;

/**
 * The shortest decimal of a double, as digits and an exponent, without text: what {@link JavaScriptNumberWriter}
 * lays out in JavaScript's form straight into its buffer.
 *
 * <p>This is Raffaello Giulietti's Schubfach algorithm, the one behind JDK 19's {@code Double.toString} and
 * jackson-core's {@code NumberOutput}: among the decimals that read back as the double, one of minimal length, the
 * nearest to it (the even one on a tie). It answers with {@code digits × 10^exponent}, {@code digits} without
 * trailing zeros. It is written here, rather than taken from jackson-core, because jackson-core only hands out the
 * result as a {@code String} in Java's layout, which then had to be scanned and laid out again.
 *
 * <p>One difference from ECMAScript, inherited from Java's contract and kept so that the digits can be checked
 * against jackson-core's: for the smallest subnormals (fewer than 3 units) the answer has 2 digits where 1 would
 * read back ({@code 4.9E-324} against JavaScript's {@code 5e-324}). {@link JavaScriptNumberWriter} catches every
 * 2-digit answer that has a 1-digit rival.
 *
 * <p>Not thread-safe: an instance holds the last answer ({@link #digits()}, {@link #exponent()}).
 */
final class ShortestDecimal {
    private static final int PRECISION = 53;                 // significand bits, hidden bit included
    private static final int Q_MIN = -1074;                  // exponent of the smallest subnormal's unit
    private static final long C_MIN = 1L << PRECISION - 1;   // smallest normal significand
    private static final int BIASED_EXPONENT_MASK = 0x7FF;
    private static final long FRACTION_MASK = C_MIN - 1;
    private static final long C_TINY = 3;                    // subnormals below this get one more digit (Java's rule)
    private static final long MASK_63 = (1L << 63) - 1;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;

    // g(k) = floor(10^-k × 2^(125 - floor(log2 10^-k))) + 1, a 126-bit over-approximation of 10^-k, as two 63-bit
    // halves: G[2(k - K_MIN)] the high half, G[2(k - K_MIN) + 1] the low half. Computed once, exactly.
    private static final long[] G = powersOfTen();

    private long digits;
    private int exponent;

    /** The significant digits of the last answer (no trailing zeros; positive). */
    long digits() {
        return digits;
    }

    /** The decimal exponent of the last answer: the value is {@link #digits()} × 10^exponent. */
    int exponent() {
        return exponent;
    }

    /** Finds the shortest decimal of a finite, non-zero {@code value}'s magnitude. */
    void of(double value) {
        long bits = Double.doubleToRawLongBits(value);
        long fraction = bits & FRACTION_MASK;
        int biased = (int) (bits >>> PRECISION - 1) & BIASED_EXPONENT_MASK;
        if (biased == BIASED_EXPONENT_MASK || biased == 0 && fraction == 0) {
            throw new IllegalArgumentException("no shortest decimal for " + value);
        }
        if (biased != 0) {
            int mq = -Q_MIN + 1 - biased;
            long c = C_MIN | fraction;
            if (0 < mq && mq < PRECISION) {
                long whole = c >> mq;
                if (whole << mq == c) { // a whole number below 2^53: its own digits
                    set(whole, 0);
                    return;
                }
            }
            toDecimal(-mq, c, 0);
        } else if (fraction < C_TINY) {
            toDecimal(Q_MIN, 10 * fraction, -1);
        } else {
            toDecimal(Q_MIN, fraction, 0);
        }
    }

    /**
     * The value is c × 2^q. Its rounding interval, scaled by 4 (cb = 4c), is [cbl, cbr], closed when c is even.
     * Scaled by 10^-k so that it holds 16 or 17 digits, the interval's ends and c itself are vbl, vbr and vb (with
     * two fraction bits; rounded to odd, so that a lost remainder still counts). If a decimal with one digit fewer
     * (a multiple of 10) is inside, that is the shortest; else the nearer of the two neighbours s and s + 1 inside.
     */
    private void toDecimal(int q, long c, int dk) {
        int out = (int) c & 1; // 1 when c is odd: the interval's ends are then excluded
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        } else { // at a power of two the gap below is half the gap above
            cbl = cb - 1;
            k = floorLog10ThreeQuartersPow2(q);
        }
        int h = q + floorLog2Pow10(-k) + 2;
        int index = 2 * (k - K_MIN);
        long g1 = G[index];
        long g0 = G[index + 1];
        long vb = roundToOdd(g1, g0, cb << h);
        long vbl = roundToOdd(g1, g0, cbl << h);
        long vbr = roundToOdd(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            long sp10 = s / 10 * 10;
            long tp10 = sp10 + 10;
            boolean upIn = vbl + out <= sp10 << 2;
            boolean wpIn = (tp10 << 2) + out <= vbr;
            if (upIn != wpIn) {
                set(upIn ? sp10 : tp10, k);
                return;
            }
        }
        long t = s + 1;
        boolean uIn = vbl + out <= s << 2;
        boolean wIn = (t << 2) + out <= vbr;
        if (uIn != wIn) {
            set(uIn ? s : t, k + dk);
            return;
        }
        long cmp = vb - (s + t << 1);
        set(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k + dk);
    }

    /** floor(g × cp / 2^127), with its lowest bit set when the remainder is not zero. */
    private static long roundToOdd(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    private void set(long f, int e) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        digits = f;
        exponent = e;
    }

    /** floor(e × log10(2)), exact for |e| ≤ 5456721. */
    static int floorLog10Pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 × 2^e)), exact for |e| ≤ 1603. */
    static int floorLog10ThreeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** floor(e × log2(10)), exact for |e| ≤ 1233. */
    static int floorLog2Pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    private static long[] powersOfTen() {
        long[] g = new long[2 * (K_MAX - K_MIN + 1)];
        BigInteger mask63 = BigInteger.valueOf(MASK_63);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e = -k;
            int shift = 125 - floorLog2Pow10(e);
            BigInteger scaled;
            if (e >= 0) {
                BigInteger power = BigInteger.TEN.pow(e);
                scaled = shift >= 0 ? power.shiftLeft(shift) : power.shiftRight(-shift);
            } else {
                scaled = BigInteger.ONE.shiftLeft(shift).divide(BigInteger.TEN.pow(-e));
            }
            BigInteger value = scaled.add(BigInteger.ONE);
            g[2 * (k - K_MIN)] = value.shiftRight(63).longValueExact();
            g[2 * (k - K_MIN) + 1] = value.and(mask63).longValueExact();
        }
        return g;
    }
}
