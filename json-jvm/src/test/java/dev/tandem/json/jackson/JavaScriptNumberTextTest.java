package dev.tandem.json.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link JavaScriptNumberText} (whole numbers; Schubfach's digits) write exactly what the exact
 * path (BigDecimal) writes. ({@code JsonTextAgainstNodeTest} holds both to {@code JSON.stringify}.)
 */
class JavaScriptNumberTextTest {
    private final Random random = new Random(20_260_127);

    @Test
    void the_fast_path_agrees_with_the_exact_path_on_random_bit_patterns() {
        int answered = 0;
        for (int i = 0; i < 100_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                answered += agree(value);
            }
        }
        assertTrue(answered > 99_000, "the fast path answered only " + answered + " times");
    }

    @Test
    void the_fast_path_agrees_with_the_exact_path_on_the_numbers_apps_hold() {
        AppLikeNumbers.each(random, 40_000, JavaScriptNumberTextTest::agree);
    }

    @Test
    void the_fast_path_agrees_with_the_exact_path_at_the_edges() {
        for (int exponent = -1074; exponent <= 1023; exponent++) {
            double power = Math.scalb(1.0, exponent);
            agree(power);
            agree(Math.nextUp(power));
            agree(Math.nextDown(power));
        }
        for (double value : new double[] {Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e21, 1e-7,
                1.5e-7, 123456789012345680000.0, 0.1, 0.2 + 0.1, 5e-324, 9.007199254740993e15}) {
            agree(value);
            agree(-value);
        }
    }

    @Test
    void a_two_digit_answer_where_one_digit_would_do_takes_the_exact_path() {
        assertNull(JavaScriptNumberText.formatFromShortest(Double.MIN_VALUE)); // Java: 4.9E-324, JavaScript: 5e-324
        assertEquals("5e-324", JavaScriptNumberText.format(Double.MIN_VALUE));
    }

    @Test
    void short_numbers_are_written_the_javascript_way() {
        assertEquals("0.5", JavaScriptNumberText.formatFromShortest(0.5));
        assertEquals("0.75", JavaScriptNumberText.formatFromShortest(0.75));
        assertEquals("1e+21", JavaScriptNumberText.format(1e21));
        assertEquals("1.5e+300", JavaScriptNumberText.format(1.5e300));
        assertEquals("1.25e-7", JavaScriptNumberText.format(1.25e-7));
        assertEquals("-0.000001", JavaScriptNumberText.format(-1e-6));
        assertEquals("0.000123", JavaScriptNumberText.format(0.000123));
        assertEquals("123456.789", JavaScriptNumberText.format(123456.789));
        assertEquals("123456789012345680000", JavaScriptNumberText.format(123456789012345680000.0));
    }

    /** Asserts that format (fast paths first) writes what the exact path writes; 1 when Schubfach's answer served. */
    private static int agree(double value) {
        assertEquals(JavaScriptNumberText.formatExact(value), JavaScriptNumberText.format(value),
                () -> "for " + Double.toString(value));
        return JavaScriptNumberText.formatFromShortest(value) != null ? 1 : 0;
    }
}
