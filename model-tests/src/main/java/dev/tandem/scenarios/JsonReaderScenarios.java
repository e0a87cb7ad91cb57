package dev.tandem.scenarios;

import static dev.tandem.scenarios.harness.Expect.equal;
import static dev.tandem.scenarios.harness.Expect.fails;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonBoolean;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonReader;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.json.MalformedJsonException;
import dev.tandem.scenarios.harness.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime codec's {@link JsonReader} ({@code codec.reader(text)}: on the JVM jackson-core's parser, in the
 * browser a walk over what {@code JSON.parse} made), walked value by value, gives what {@code codec.decode} gives,
 * and refuses what it refuses.
 */
final class JsonReaderScenarios {
    private JsonReaderScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("a codec's reader, walked value by value, reads what its decode reads", context -> {
            JsonCodec codec = context.codec();
            List<String> texts = List.of(
                    "{}", "[]", "null", "true", "\"text\"", "-0", "1.5e300", "9007199254740993",
                    "{\"a\":1,\"b\":[true,false,null,\"x\",{\"c\":[]}],\"d\":{}}",
                    "{\"b\":1,\"2\":2,\"a\":3,\"1\":4,\"10\":5}",             // index-like keys: engine order
                    "{\"k\":1,\"k\":2,\"j\":[1,{\"k\":3,\"k\":4}]}",           // a repeated key: the last wins
                    "{\"__proto__\":{\"x\":1},\"constructor\":2,\"toString\":\"s\"}",
                    "[[[[[[[[[[1]]]]]]]]]]",
                    "{\"event\":\"change\",\"seq\":41,\"id\":\"e7\",\"attrs\":{\"x\":-0.0,\"y\":1e-7,\"ts\":1752000061700.25}}",
                    "[{\"event\":\"change\",\"seq\":1,\"id\":\"a\",\"attrs\":{}},{\"event\":\"remove\",\"seq\":2}]",
                    "\"\\u00e9\\ud83d\\ude00 \\\"quoted\\\" \\n\\u2028\"");
            for (String text : texts) {
                equal(codec.decode(text), walk(codec.reader(text)), text);
            }
        }));
        scenarios.add(new Scenario("a codec's reader refuses what its decode refuses", context -> {
            JsonCodec codec = context.codec();
            List<String> texts = List.of("", "{", "{\"a\":}", "[1,]", "{\"a\":1} x", "1e400", "[-1e400]",
                    "[".repeat(65) + "]".repeat(65), "{\"a\":" + "{\"b\":".repeat(64) + "1" + "}".repeat(65));
            for (String text : texts) {
                fails(MalformedJsonException.class, () -> codec.decode(text), "decode " + text);
                fails(MalformedJsonException.class, () -> walk(codec.reader(text)), "reader " + text);
            }
        }));
        return scenarios;
    }

    /** Rebuilds a tree from the reader with peek and the begin/next/end methods only (not readValue). */
    private static JsonValue walk(JsonReader in) {
        switch (in.peek()) {
            case NULL:
                in.skipValue();
                return JsonNull.INSTANCE;
            case BOOLEAN:
                return JsonBoolean.of(in.nextBoolean());
            case NUMBER:
                return JsonNumber.of(in.nextDouble());
            case STRING:
                return JsonString.of(in.nextString());
            case ARRAY: {
                in.beginArray();
                List<JsonValue> items = new ArrayList<>();
                while (in.hasNext()) {
                    items.add(walk(in));
                }
                in.endArray();
                return JsonArray.of(items);
            }
            case OBJECT: {
                in.beginObject();
                JsonObject.Builder members = JsonObject.builder();
                while (in.hasNext()) {
                    String name = in.nextName();
                    members.put(name, walk(in));
                }
                in.endObject();
                return members.build();
            }
            default:
                throw new IllegalStateException(in.peek().name());
        }
    }
}
