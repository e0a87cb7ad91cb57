package dev.tandem.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.json.jackson.JacksonJsonCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Holds the JVM codec to JavaScript's own output on many generated values: the JVM encodes, Node runs
 * {@code JSON.stringify(JSON.parse(text))}, and the two texts must be identical. A difference means the JVM writes a
 * number or an escape in a form the browser would not.
 */
class JsonTextAgainstNodeTest {
    /** Values generated per kind; enough to cover exponent ranges and escape classes, fast enough for every build. */
    private static final int SAMPLES = 20_000;
    private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();

    @Test
    void randomDoublesAreWrittenExactlyAsJavaScriptWritesThem() throws Exception {
        Random random = new Random(20261127);
        List<JsonValue> numbers = new ArrayList<>();
        while (numbers.size() < SAMPLES) {
            double value = switch (numbers.size() % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());               // any bit pattern
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20); // everyday magnitudes
                case 2 -> Math.round(random.nextDouble() * 1e6) / 1e3;              // short decimals
                default -> (double) (random.nextLong() >> random.nextInt(64));      // integers, large and small
            };
            if (!Double.isNaN(value) && !Double.isInfinite(value)) {
                numbers.add(JsonNumber.of(value));
            }
        }
        assertSameTextInNode(JsonArray.of(numbers));
    }

    @Test
    void everyPowerOfTwoAndItsNeighboursAreWrittenExactlyAsJavaScriptWritesThem() throws Exception {
        // Powers of two sit where the spacing of doubles halves: the classic trap for shortest-digit printing.
        List<JsonValue> numbers = new ArrayList<>();
        for (int exponent = -1074; exponent <= 1023; exponent++) {
            double power = Math.scalb(1.0, exponent);
            numbers.add(JsonNumber.of(power));
            numbers.add(JsonNumber.of(Math.nextUp(power)));
            numbers.add(JsonNumber.of(Math.nextDown(power)));
            numbers.add(JsonNumber.of(-power));
        }
        assertSameTextInNode(JsonArray.of(numbers));
    }

    @Test
    void randomStringsAreEscapedExactlyAsJavaScriptEscapesThem() throws Exception {
        Random random = new Random(7);
        List<JsonValue> strings = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                int pick = random.nextInt(10);
                char c = pick < 3 ? (char) random.nextInt(0x80)                  // ASCII, controls included
                        : pick < 5 ? (char) (0xD800 + random.nextInt(0x800))      // surrogates, paired or lone
                        : pick < 6 ? (char) (0x2020 + random.nextInt(16))         // around U+2028/9
                        : (char) random.nextInt(0x10000);                         // anything
                text.append(c);
            }
            strings.add(JsonString.of(text.toString()));
        }
        assertSameTextInNode(JsonArray.of(strings));
    }

    private static void assertSameTextInNode(JsonArray values) throws IOException, InterruptedException {
        String jvmText = CODEC.encode(values);
        Process node = new ProcessBuilder("node", "-e", "let s = ''; process.stdin.setEncoding('utf8');"
                + " process.stdin.on('data', d => s += d);"
                + " process.stdin.on('end', () => process.stdout.write(JSON.stringify(JSON.parse(s))));")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = node.getOutputStream()) {
            in.write(jvmText.getBytes(StandardCharsets.UTF_8));
        }
        String nodeText = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), "node exit code");
        if (!jvmText.equals(nodeText)) {
            int at = 0;
            while (at < Math.min(jvmText.length(), nodeText.length()) && jvmText.charAt(at) == nodeText.charAt(at)) {
                at++;
            }
            int from = Math.max(0, at - 40);
            assertEquals(nodeText.substring(from, Math.min(nodeText.length(), at + 40)),
                    jvmText.substring(from, Math.min(jvmText.length(), at + 40)), "first difference at char " + at);
        }
        assertEquals(nodeText, jvmText);
        assertEquals(values, CODEC.decode(nodeText), "the JVM reads Node's text back to the same values");
    }
}
