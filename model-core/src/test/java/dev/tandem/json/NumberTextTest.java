package dev.tandem.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * NumberText on its own, with no runtime writer installed (model-core's tests load no codec): what it writes itself,
 * and the fallback for fractions. The runtimes' writers are held to JavaScript's text by the model scenarios.
 */
class NumberTextTest {

    @Test
    void wholeNumbersUpTo2pow53AreWrittenAsIntegers() {
        assertEquals("0", NumberText.of(0.0));
        assertEquals("0", NumberText.of(-0.0));
        assertEquals("-42", NumberText.of(-42.0));
        assertEquals("9007199254740991", NumberText.of(9007199254740991.0));
        assertEquals("-9007199254740991", NumberText.of(-9007199254740991.0));
    }

    @Test
    void nanAndTheInfinitiesHaveJavaScriptsNames() {
        assertEquals("NaN", NumberText.of(Double.NaN));
        assertEquals("Infinity", NumberText.of(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", NumberText.of(Double.NEGATIVE_INFINITY));
    }

    @Test
    void withoutAWriterShortFractionsReadAsInJavaScript() {
        String[][] cases = {
            {"0.1", "0.1"}, {"-1.5", "-1.5"}, {"4.35", "4.35"}, {"123456789.125", "123456789.125"},
            {"0.000001", "0.000001"}, {"2.5e-5", "0.000025"}, {"1e-7", "1e-7"}, {"1.5e-10", "1.5e-10"},
            {"1e21", "1e+21"}, {"2e22", "2e+22"}, {"1e300", "1e+300"}, {"0.5", "0.5"}, {"99.99", "99.99"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], NumberText.fallback(Double.parseDouble(c[0])), c[0]);
        }
    }

    @Test
    void withoutAWriterLongFractionsKeepFifteenSignificantDigits() {
        assertEquals("0.333333333333333", NumberText.fallback(1.0 / 3));
        assertEquals("0.3", NumberText.fallback(0.1 + 0.2));
        assertEquals("1.79769313486232e+308", NumberText.fallback(Double.MAX_VALUE));
        assertEquals("4.94065645841247e-324", NumberText.fallback(Double.MIN_VALUE));
        assertEquals("9007199254740990", NumberText.fallback(9007199254740992.0), "2^53, beyond the exact integers");
        assertEquals("123456789012346000000", NumberText.fallback(1.2345678901234568e20));
    }

    @Test
    void withoutAWriterEveryFractionReadsBackWithinFifteenDigits() {
        long bits = 20261127;
        for (int i = 0; i < 20_000; i++) {
            bits = bits * 6364136223846793005L + 1442695040888963407L;
            double value = Double.longBitsToDouble(bits);
            if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
                continue;
            }
            String text = NumberText.fallback(value);
            double back = Double.parseDouble(text);
            assertTrue(Math.abs(back - value) <= Math.abs(value) * 1e-14, value + " written as " + text);
            String mantissa = text.contains("e") ? text.substring(0, text.indexOf('e')) : text;
            assertTrue(!mantissa.contains(".") || !mantissa.endsWith("0"), "no trailing zeros: " + text);
        }
    }
}
