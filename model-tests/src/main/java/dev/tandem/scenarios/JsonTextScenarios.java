package dev.tandem.scenarios;

import static dev.tandem.scenarios.harness.Expect.contains;
import static dev.tandem.scenarios.harness.Expect.equal;
import static dev.tandem.scenarios.harness.Expect.fails;
import static dev.tandem.scenarios.harness.Expect.isTrue;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonLimits;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.json.MalformedJsonException;
import dev.tandem.json.NumberText;
import dev.tandem.model.IdPolicy;
import dev.tandem.scenarios.fixtures.Grid;
import dev.tandem.scenarios.fixtures.Task;
import dev.tandem.scenarios.fixtures.Team;
import dev.tandem.scenarios.harness.Scenario;
import java.util.ArrayList;
import java.util.List;

/** The JSON text contract every codec keeps: numbers, escapes, key order, strictness. */
final class JsonTextScenarios {
    private JsonTextScenarios() {
    }

    /** Doubles and the text JavaScript's Number#toString gives for each. */
    private static final double[] NUMBERS = {0.1, 1.0 / 3, 1e21, 1e-7, 1.2345678901234568e20, 5e-324,
        1.7976931348623157e308, -1.5, 0.000001, 9007199254740992.0, 100, 1.0, -0.0, 4.35, 0.1 + 0.2, 123456789.125,
        2.5e-5, 1e300, -9007199254740991.0, 2e22, 1.5e-10};
    private static final String[] NUMBER_TEXTS = {"0.1", "0.3333333333333333", "1e+21", "1e-7",
        "123456789012345680000", "5e-324", "1.7976931348623157e+308", "-1.5", "0.000001", "9007199254740992", "100",
        "1", "0", "4.35", "0.30000000000000004", "123456789.125", "0.000025", "1e+300", "-9007199254740991",
        "2e+22", "1.5e-10"};
    /** Doubles the generated-number scenario checks: many exponents, cheap enough for every build on both runtimes. */
    private static final int GENERATED_NUMBERS = 4000;

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("numbers are written in JavaScript's shortest form", context -> {
            List<JsonValue> values = new ArrayList<>();
            for (int i = 0; i < NUMBERS.length; i++) {
                equal(NUMBER_TEXTS[i], context.codec().encode(JsonNumber.of(NUMBERS[i])), "text of " + NUMBERS[i]);
                values.add(JsonNumber.of(NUMBERS[i]));
            }
            context.record("numbers", JsonArray.of(values));
        }));
        scenarios.add(new Scenario("numbers in messages and toString read as the JSON text writes them", context -> {
            List<JsonValue> texts = new ArrayList<>();
            for (int i = 0; i < NUMBERS.length; i++) {
                equal(NUMBER_TEXTS[i], NumberText.of(NUMBERS[i]), "number text of " + NUMBER_TEXTS[i]);
                equal(NUMBER_TEXTS[i], JsonNumber.of(NUMBERS[i]).toString(), "toString of " + NUMBER_TEXTS[i]);
                texts.add(JsonString.of(NumberText.of(NUMBERS[i])));
            }
            equal("NaN", NumberText.of(Double.NaN), "NaN");
            equal("Infinity", NumberText.of(Double.POSITIVE_INFINITY), "Infinity");
            equal("-Infinity", NumberText.of(Double.NEGATIVE_INFINITY), "-Infinity");
            equal("[1.5, 1e+21, \"x\"]", JsonArray.of(JsonNumber.of(1.5), JsonNumber.of(1e21), JsonString.of("x"))
                    .toString(), "an array's toString");
            equal("{a=0.1, b=[2]}", JsonObject.of("a", JsonNumber.of(0.1), "b", JsonArray.of(JsonNumber.of(2)))
                    .toString(), "an object's toString");
            context.record("number texts", JsonArray.of(texts));
        }));
        scenarios.add(new Scenario("the runtime's number text is its codec's on thousands of generated doubles",
                context -> {
                    // A fixed generator (a 64-bit LCG), not java.util.Random, which TeaVM seeds differently.
                    long bits = 20261127;
                    List<JsonValue> texts = new ArrayList<>();
                    for (int i = 0; i < GENERATED_NUMBERS; i++) {
                        bits = bits * 6364136223846793005L + 1442695040888963407L;
                        double value = i % 2 == 0 ? Double.longBitsToDouble(bits) // any bit pattern
                                : (bits >>> 44) / 1000.0;                           // short decimals
                        if (Double.isNaN(value) || Double.isInfinite(value)) {
                            continue;
                        }
                        String text = NumberText.of(value);
                        String json = context.codec().encode(JsonNumber.of(value));
                        if (!json.equals(text)) {
                            equal(json, text, "number text of the double with bits " + Long.toHexString(bits));
                        }
                        texts.add(JsonString.of(text));
                    }
                    context.record("generated number texts", JsonArray.of(texts));
                }));
        scenarios.add(new Scenario("strings are escaped as JSON.stringify escapes them", context -> {
            JsonCodec codec = context.codec();
            equal("\"q\\\"b\\\\s/\"", codec.encode(JsonString.of("q\"b\\s/")), "quote, backslash, slash");
            equal("\"\\b\\f\\n\\r\\t\"", codec.encode(JsonString.of("\b\f\n\r\t")), "short escapes");
            equal("\"\\u0000\\u000b\\u001f\"", codec.encode(JsonString.of("\u0000\u000b\u001f")),
                    "other controls, lower-case hex");
            equal("\"\u007f\u00e9\u4e2d\u2028\u2029\"", codec.encode(JsonString.of("\u007f\u00e9\u4e2d\u2028\u2029")),
                    "DEL, non-ASCII and line separators as themselves");
            equal("\"\ud83d\ude00\"", codec.encode(JsonString.of("\ud83d\ude00")), "a surrogate pair as itself");
            equal("\"\\ud800x\\udc00\"", codec.encode(JsonString.of("\ud800x\udc00")), "lone surrogates escaped");
            equal("{\"\\ud83d\":1}", codec.encode(JsonObject.of("\ud83d", JsonNumber.of(1))),
                    "a lone surrogate in a key");
            equal("{\"__proto__\":{\"a\":1},\"constructor\":2}", codec.encode(codec.decode(
                    "{\"__proto__\":{\"a\":1},\"constructor\":2}")), "keys JavaScript objects treat specially");
        }));
        scenarios.add(new Scenario("object keys that are array indices come first, ascending; others keep their"
                + " order", context -> {
            JsonObject object = JsonObject.of("b", JsonNumber.of(1), "10", JsonNumber.of(2), "a", JsonNumber.of(3),
                    "2", JsonNumber.of(4), "01", JsonNumber.of(5), "4294967295", JsonNumber.of(6), "-1",
                    JsonNumber.of(7));
            String text = context.record("key order", object);
            equal("{\"2\":4,\"10\":2,\"b\":1,\"a\":3,\"01\":5,\"4294967295\":6,\"-1\":7}", text, "text");
            equal(text, context.codec().encode(context.codec().decode(text)), "decoding keeps the order");
            JsonObject lengths = JsonObject.of("100", JsonNumber.of(1), "9", JsonNumber.of(2), "4294967294",
                    JsonNumber.of(3), "10", JsonNumber.of(4), "x", JsonNumber.of(5), "99", JsonNumber.of(6));
            equal("{\"9\":2,\"10\":4,\"99\":6,\"100\":1,\"4294967294\":3,\"x\":5}",
                    context.codec().encode(lengths), "indices of different lengths, numerically");
            JsonObject.Builder descending = JsonObject.builder().put("z", JsonNumber.of(-1));
            StringBuilder ascending = new StringBuilder("{");
            for (int i = 0; i < 37; i++) {
                descending.put(Integer.toString(36 - i), JsonNumber.of(36 - i));
                ascending.append('"').append(i).append("\":").append(i).append(',');
            }
            equal(ascending.append("\"z\":-1}").toString(), context.codec().encode(descending.build()),
                    "many indices given in descending order");
        }));
        scenarios.add(new Scenario("a key given twice keeps its first place and its last value", context -> {
            JsonValue value = context.codec().decode("{\"a\":1,\"b\":2,\"a\":3}");
            equal("{\"a\":3,\"b\":2}", context.codec().encode(value), "text");
        }));
        scenarios.add(new Scenario("numbers decode as doubles: integers beyond 2^53 round as in JavaScript",
                context -> {
                    JsonCodec codec = context.codec();
                    equal("[9007199254740992,1,0,0.5,1e+21,100]", codec.encode(codec.decode(
                            "[9007199254740993,1.0,-0,5e-1,1e21,1E2]")), "re-encoded");
                    JsonNumber big = (JsonNumber) codec.decode("9007199254740993");
                    isTrue(!big.isSafeInteger(), "2^53 is not a safe integer");
                    isTrue(((JsonNumber) codec.decode("9007199254740991")).isSafeInteger(), "2^53 - 1 is");
                }));
        scenarios.add(new Scenario("malformed JSON text is refused", context -> {
            JsonCodec codec = context.codec();
            String[] bad = {"", " ", "{", "[1,]", "{\"a\":1,}", "01", "NaN", "Infinity", "1e400", "-1e400",
                "{\"a\":1} x", "'a'", "{a:1}", "\"\t\"", "[1] [2]", "tru", "\"\\x\"", "// c\n1", "{\"a\" 1}"};
            for (String text : bad) {
                fails(MalformedJsonException.class, () -> codec.decode(text), "decoding <" + text + ">");
            }
            StringBuilder deep = new StringBuilder();
            for (int i = 0; i < JsonLimits.MAX_DEPTH + 1; i++) {
                deep.append('[');
            }
            for (int i = 0; i < JsonLimits.MAX_DEPTH + 1; i++) {
                deep.append(']');
            }
            contains(fails(MalformedJsonException.class, () -> codec.decode(deep.toString()), "too deep")
                    .getMessage(), "deeper than " + JsonLimits.MAX_DEPTH, "depth message");
            String deepest = deep.substring(1, deep.length() - 1);
            equal(JsonLimits.MAX_DEPTH, codec.decode(deepest).depth(), "exactly the limit is fine");
        }));
        scenarios.add(new Scenario("a tree full of edge cases has the same text on every end", context -> {
            JsonCodec codec = context.codec();
            Team team = SerializerScenarios.sampleTeam();
            JsonObject.Builder meta = JsonObject.builder()
                    .put("emoji", JsonString.of("\ud83d\ude80 \u00fc\u00df \u4e2d\u6587 \u05e2\u05d1"))
                    .put("controls", JsonString.of("\u0001\u001f\n\t\"\\</script>"))
                    .put("lone", JsonString.of("\udfff"))
                    .put("numbers", JsonArray.of(JsonNumber.of(1e-7), JsonNumber.of(1e21), JsonNumber.of(-0.0),
                            JsonNumber.of(JsonNumber.MAX_SAFE_INTEGER), JsonNumber.of(-JsonNumber.MAX_SAFE_INTEGER),
                            JsonNumber.of(0.1 + 0.2), JsonNumber.of(5e-324)))
                    .put("7", JsonNull.INSTANCE)
                    .put("", JsonArray.EMPTY)
                    .put("empty", JsonObject.EMPTY)
                    .put("nested", JsonObject.of("3", JsonArray.of(JsonObject.of("z", JsonNumber.of(1),
                            "0", JsonNumber.of(2)))));
            team.set(Team.META, meta.build());
            team.set(Team.NAME, "\u2028 line \u2029 sep");
            team.set(Team.RATING, 1.0 / 3);
            String text = context.record("edge tree", team.xport());
            contains(text, "\"meta\":{\"7\":null,\"emoji\":", "index-like key first");
            contains(text, "\"lone\":\"\\udfff\"", "lone surrogate escaped");
            contains(text, "[1e-7,1e+21,0,9007199254740991,-9007199254740991,0.30000000000000004,5e-324]",
                    "numbers");
            contains(text, "\"nested\":{\"3\":[{\"0\":2,\"z\":1}]}", "nested index keys first");
            Team copy = new Team();
            copy.mport(codec.decode(text));
            equal(text, codec.encode(copy.xport()), "decode + mport + xport + encode gives the same text");
            equal(text, codec.encode(team::xport), "the streamed export gives the same text");
        }));
        scenarios.add(new Scenario("a streamed export writes index-like names first, as the tree does", context -> {
            JsonCodec codec = context.codec();
            Grid grid = new Grid();
            grid.assignId("g");
            grid.named.assignId("g-named");
            grid.zero.assignId("g-0");
            grid.rows.assignId("g-rows");
            grid.three.assignId("g-3");
            grid.registry(IdPolicy.ASSIGNED);
            Task task = Task.of("x");
            task.assignId("t");
            grid.three.add(task);
            String text = context.record("grid", grid.xport());
            isTrue(text.startsWith("{\"id\":\"g\",\"attrs\":{\"2\":2.5,\"10\":10,\"b\":\"b\"},"
                    + "\"models\":{\"0\":"), "index-like names first: " + text);
            contains(text, "\"collections\":{\"3\":{", "index-like collection first");
            equal(text, codec.encode(grid::xport), "the streamed export gives the same text");
            equal(grid.xport(), codec.decode(text), "and decodes to the same tree");
        }));
        return scenarios;
    }
}
