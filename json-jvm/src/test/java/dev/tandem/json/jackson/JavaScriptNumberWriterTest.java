package dev.tandem.json.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JavaScriptNumberWriter} writes what {@link JavaScriptNumberText#format} writes (which is held to
 * {@code JSON.stringify} by {@code JsonTextAgainstNodeTest}, and to the exact BigDecimal path by
 * {@code JavaScriptNumberTextTest}), and {@link ShortestDecimal} finds the digits jackson-core's Schubfach finds.
 */
class JavaScriptNumberWriterTest {
    private final Random random = new Random(20_261_127);
    private final JavaScriptNumberWriter writer = new JavaScriptNumberWriter();
    private final ShortestDecimal shortest = new ShortestDecimal();
    private final char[] buffer = new char[3 + JavaScriptNumberWriter.MAX_LENGTH];

    @Test
    void random_bit_patterns_are_written_as_the_string_path_writes_them() {
        for (int i = 0; i < 2_000_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                agree(value);
            }
        }
    }

    @Test
    void the_numbers_apps_hold_are_written_as_the_string_path_writes_them() {
        AppLikeNumbers.each(random, 200_000, this::agree);
        for (int i = 0; i < 200_000; i++) {
            agree(random.nextLong() >> random.nextInt(64));
            agree(random.nextInt(2_000_000) / 1000.0 - 1000);
        }
    }

    @Test
    void powers_of_two_and_ten_and_their_neighbours_are_written_as_the_string_path_writes_them() {
        for (int exponent = -1074; exponent <= 1023; exponent++) {
            double power = Math.scalb(1.0, exponent);
            agree(power);
            agree(Math.nextUp(power));
            agree(Math.nextDown(power));
            agree(-power);
        }
        for (int exponent = -325; exponent <= 308; exponent++) {
            double power = Double.parseDouble("1e" + exponent);
            agree(power);
            agree(Math.nextUp(power));
            agree(Math.nextDown(power));
        }
        for (long units = 1; units < 100_000; units++) { // the smallest subnormals, where Java keeps two digits
            agree(Double.longBitsToDouble(units));
        }
        for (double value : new double[] {Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e21, 1e-7,
                1.5e-7, 123456789012345680000.0, 0.1, 0.2 + 0.1, 9.007199254740993e15, 9007199254740992.0,
                -9007199254740991.0, 1e-6, 999999999999999900000.0, 0.000001234, 4.35, 1.7976931348623157e308}) {
            agree(value);
            agree(-value);
        }
    }

    @Test
    void the_shortest_digits_are_the_digits_of_jackson_cores_schubfach() {
        for (int i = 0; i < 1_000_000; i++) {
            double value = Math.abs(Double.longBitsToDouble(random.nextLong()));
            if (Double.isFinite(value) && value != 0) {
                shortest.of(value);
                String text = NumberOutput.toString(value, true); // e.g. 1.2345E-7, 123.456
                assertEquals(new BigDecimal(text).stripTrailingZeros(),
                        BigDecimal.valueOf(shortest.digits(), -shortest.exponent()),
                        () -> "for " + text);
            }
        }
    }

    @Test
    void the_log_approximations_are_exact_over_the_range_used() {
        for (int e = -1200; e <= 1200; e++) {
            BigInteger power = BigInteger.TEN.pow(Math.abs(e));
            // floor(log2 10^e): bitLength - 1 for e ≥ 0; -bitLength for e < 0 (10^|e| is no power of two)
            int log2 = e >= 0 ? power.bitLength() - 1 : -power.bitLength();
            assertEquals(log2, ShortestDecimal.floorLog2Pow10(e), "log2 of 10^" + e);
        }
        for (int e = -1100; e <= 1100; e++) {
            BigInteger power = BigInteger.TWO.pow(Math.abs(e));
            // floor(log10 2^e): digits - 1 for e ≥ 0; -digits for e < 0 (2^|e| is no power of ten unless e = 0)
            int digits = power.toString().length();
            int log10 = e >= 0 ? digits - 1 : -digits;
            assertEquals(log10, ShortestDecimal.floorLog10Pow2(e), "log10 of 2^" + e);
            // floor(log10(3 × 2^(e-2)))
            BigInteger threeQuarters = e >= 2 ? BigInteger.valueOf(3).shiftLeft(e - 2) : null;
            if (threeQuarters != null) {
                assertEquals(threeQuarters.toString().length() - 1, ShortestDecimal.floorLog10ThreeQuartersPow2(e),
                        "log10 of 3/4 2^" + e);
            }
        }
    }

    @Test
    void a_number_goes_where_it_is_asked_and_nowhere_else() {
        char[] out = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF".toCharArray();
        int end = writer.write(-1.5e-7, out, 3);
        assertEquals("-1.5e-7", new String(out, 3, end - 3));
        assertEquals("abc", new String(out, 0, 3));
        assertEquals('k', out[end]);
    }

    @Test
    void not_a_number_and_the_infinities_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> writer.write(Double.NaN, buffer, 0));
        assertThrows(IllegalArgumentException.class, () -> writer.write(Double.POSITIVE_INFINITY, buffer, 0));
        assertThrows(IllegalArgumentException.class, () -> writer.write(Double.NEGATIVE_INFINITY, buffer, 0));
    }

    @Test
    void minus_zero_is_written_as_zero() {
        assertEquals("0", written(-0.0));
    }

    private void agree(double value) {
        assertEquals(JavaScriptNumberText.format(value), written(value), () -> "for " + Double.toString(value));
    }

    private String written(double value) {
        int end = writer.write(value, buffer, 3);
        return new String(buffer, 3, end - 3);
    }
}
