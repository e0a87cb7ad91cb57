package dev.tandem.json.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.json.JsonName;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JacksonJsonWriter}, through {@link JacksonJsonCodec#encode(dev.tandem.json.JsonSource)}, writes what {@code JSON.stringify} writes ({@code JsonTextAgainstNodeTest} checks that in
 * Node); here against a plain char-by-char reference of ES2019's escaping, on many random strings, as values and
 * as names (plain and as {@link JsonName} tokens), and its structure checks.
 */
class JacksonJsonWriterTest {
    private final Random random = new Random(20_261_128);

    @Test
    void random_strings_are_quoted_as_json_stringify_quotes_them() {
        for (int i = 0; i < 100_000; i++) {
            String text = randomString();
            assertEquals(reference(text), write(out -> out.value(text)), () -> "for " + codes(text));
        }
    }

    @Test
    void every_utf16_code_unit_is_written_as_json_stringify_writes_it_in_values_and_names() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String text = "a" + (char) c + "b";
            String expected = reference(text);
            assertEquals(expected, write(out -> out.value(text)), () -> "for " + codes(text));
            assertEquals("{" + expected + ":0}", write(out -> {
                out.beginObject();
                out.name(text);
                out.value(0L);
                out.endObject();
            }), () -> "for " + codes(text));
            assertEquals("{" + expected + ":0}", write(out -> {
                out.beginObject();
                out.name(JsonName.of(text));
                out.value(0L);
                out.endObject();
            }), () -> "for " + codes(text));
        }
    }

    @Test
    void random_names_are_quoted_as_json_stringify_quotes_them_whether_plain_or_tokens() {
        for (int i = 0; i < 50_000; i++) {
            String name = randomString();
            String expected = "{" + reference(name) + ":1}";
            assertEquals(expected, write(out -> {
                out.beginObject();
                out.name(name);
                out.value(1L);
                out.endObject();
            }), () -> "for " + codes(name));
            JsonName token = JsonName.of(name);
            for (int twice = 0; twice < 2; twice++) { // the second time from the kept text
                assertEquals(expected, write(out -> {
                    out.beginObject();
                    out.name(token);
                    out.value(1L);
                    out.endObject();
                }), () -> "for " + codes(name));
            }
        }
    }

    @Test
    void a_name_token_keeps_its_text_and_leaves_another_codecs_form_alone() {
        JsonName token = JsonName.of("x");
        write(out -> {
            out.beginObject();
            out.name(token);
            out.nullValue();
            out.endObject();
        });
        Object kept = token.encoded();
        write(out -> {
            out.beginObject();
            out.name(token);
            out.nullValue();
            out.endObject();
        });
        assertSame(kept, token.encoded());
        Object foreign = "someone else's";
        JsonName other = JsonName.of("y\u0001");
        other.encoded(foreign);
        assertEquals("{\"y\\u0001\":true}", write(out -> {
            out.beginObject();
            out.name(other);
            out.value(true);
            out.endObject();
        }));
        assertSame(foreign, other.encoded());
    }

    @Test
    void nested_containers_get_their_commas() {
        JsonValue tree = JsonObject.builder().put("a", JsonString.of("b"))
                .put("list", dev.tandem.json.Json.of(java.util.List.of(1, 2.5, java.util.List.of(), java.util.Map.of(),
                        true, false)))
                .put("o", JsonObject.builder().put("n", dev.tandem.json.JsonNull.INSTANCE).build()).build();
        assertEquals("{\"a\":\"b\",\"list\":[1,2.5,[],{},true,false],\"o\":{\"n\":null}}",
                write(out -> out.value(tree)));
    }

    @Test
    void a_text_grows_past_the_generators_buffer() {
        String large = "\u00e9\"".repeat(10_000);
        String text = write(out -> {
            out.beginArray();
            for (int i = 0; i < 100; i++) {
                out.value(large);
                out.value(1.0 / 3);
            }
            out.endArray();
        });
        String expected = "[" + (reference(large) + ",0.3333333333333333,").repeat(100);
        assertEquals(expected.substring(0, expected.length() - 1) + "]", text);
    }

    @Test
    void a_long_string_with_a_lone_surrogate_is_escaped_whole() {
        String large = "a\"\u0001".repeat(5_000) + "\ud800" + "\ud83d\ude00".repeat(3_000);
        assertEquals("[" + reference(large) + "," + reference(large) + "]", write(out -> {
            out.beginArray();
            out.value(large);
            out.value(large);
            out.endArray();
        }));
    }

    @Test
    void numbers_are_written_in_javascripts_layout() {
        assertEquals("[0,1,-1.5,1e+21,1e-7,0.000001,1700000000000.5,9007199254740991,-9007199254740991,5e-324]",
                write(out -> {
                    out.beginArray();
                    out.value(-0.0);
                    out.value(1.0);
                    out.value(-1.5);
                    out.value(1e21);
                    out.value(1e-7);
                    out.value(1e-6);
                    out.value(1_700_000_000_000.5);
                    out.value(9_007_199_254_740_991L);
                    out.value(-9_007_199_254_740_991L);
                    out.value(Double.MIN_VALUE);
                    out.endArray();
                }));
    }

    @Test
    void misuse_fails_instead_of_writing_broken_text() {
        assertThrows(IllegalStateException.class, () -> write(out -> {
            out.beginObject();
            out.value(1L);
        }));
        assertThrows(IllegalStateException.class, () -> write(out -> out.name("a")));
        assertThrows(IllegalStateException.class, () -> write(out -> {
            out.beginArray();
            out.name("a");
        }));
        assertThrows(IllegalStateException.class, () -> write(out -> {
            out.beginObject();
            out.name("a");
            out.name("b");
        }));
        assertThrows(IllegalStateException.class, () -> write(out -> {
            out.beginObject();
            out.endArray();
        }));
        assertThrows(IllegalStateException.class, () -> write(out -> {
            out.beginObject();
            out.name("a");
            out.endObject();
        }));
        assertThrows(IllegalStateException.class, () -> write(out -> {
            out.value(1L);
            out.value(2L);
        }));
        assertThrows(IllegalStateException.class, () -> write(out -> out.beginArray())); // never ended
        assertThrows(IllegalStateException.class, () -> write(out -> { }));
        assertThrows(IllegalArgumentException.class, () -> write(out -> out.value(Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> write(out -> out.value(1L << 53)));
    }

    private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();

    private static String write(dev.tandem.json.JsonSource source) {
        return CODEC.encode(source);
    }

    private String randomString() {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x30)); // controls, quote, backslash
                case 1 -> text.append((char) (0xD800 + random.nextInt(0x800))); // surrogates, often lone
                case 2 -> text.appendCodePoint(0x1F600 + random.nextInt(80)); // pairs
                case 3 -> text.append((char) (0x2020 + random.nextInt(16)));
                case 4 -> text.append((char) random.nextInt(0x10000));
                default -> text.append((char) (0x20 + random.nextInt(0x60)));
            }
        }
        return text.toString();
    }

    /** ES2019 {@code JSON.stringify} of a string, char by char (QuoteJSONString in the spec). */
    private static String reference(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (pair) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String codes(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("%04x ", c)));
        return out.toString();
    }
}
