package dev.tandem.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonValue;
import dev.tandem.json.jackson.JacksonJsonCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A benchmark comparing unequal work would be a defect: these tests hold the Tandem and databind sides of
 * {@link XportEncodeBenchmark} and {@link DecodeMportBenchmark} to the same tree, by calling the benchmark methods
 * themselves and comparing what they produce as JSON trees (numbers as doubles, so {@code 20} equals
 * {@code 20.0}).
 */
class TreeFixtureTest {
    private final JacksonJsonCodec codec = new JacksonJsonCodec();
    private final ObjectMapper mapper = TreeFixture.newMapper();

    @ParameterizedTest
    @EnumSource(TreeFixture.class)
    void databind_writes_the_same_tree_as_tandem(TreeFixture tree) throws Exception {
        XportEncodeBenchmark benchmark = new XportEncodeBenchmark();
        benchmark.tree = tree;
        benchmark.setUp();

        JsonValue tandem = codec.decode(benchmark.tandemXportEncode());
        JsonValue databind = codec.decode(benchmark.databindWrite());

        assertEquals(tandem, databind);
        assertEquals(tandem, codec.decode(benchmark.tandemEncodeOnly()));
        assertEquals(tandem, benchmark.tandemXportOnly());
        assertHoldsAHundredMembers(tandem);
    }

    @ParameterizedTest
    @EnumSource(TreeFixture.class)
    void both_sides_read_every_value_of_the_text(TreeFixture tree) throws Exception {
        DecodeMportBenchmark benchmark = new DecodeMportBenchmark();
        benchmark.tree = tree;
        benchmark.setUp();
        JsonValue text = codec.decode(codec.encode(tree.buildModel().xport()));

        Object pojo = benchmark.databindRead();
        assertEquals(tree.pojoClass(), pojo.getClass());
        assertEquals(text, codec.decode(mapper.writeValueAsString(pojo)));
        assertEquals(text, benchmark.tandemDecodeMport().xport());
        assertEquals(text, benchmark.tandemDecodeMportExisting().xport());
        assertEquals(text, benchmark.tandemMportText().xport());
        assertEquals(codec.encode(benchmark.tandemDecodeMport().xport()),
                codec.encode(benchmark.tandemMportText().xport()));
        assertEquals(text, benchmark.tandemDecodeOnly());
        assertNotSame(benchmark.tandemDecodeMport(), benchmark.tandemDecodeMport());
        assertHoldsAHundredMembers(text);
    }

    @ParameterizedTest
    @EnumSource(TreeFixture.class)
    void the_pojo_tree_and_the_model_tree_are_built_from_the_same_values(TreeFixture tree) throws Exception {
        JsonValue model = tree.buildModel().xport();
        JsonValue pojo = codec.decode(mapper.writeValueAsString(tree.buildPojo()));

        assertEquals(model, pojo);
        assertEquals(model, tree.buildModel().xport()); // deterministic
    }

    /** The trees are the sizes the benchmarks claim, with doubles that need all their digits. */
    private static void assertHoldsAHundredMembers(JsonValue tree) {
        JsonObject collections = (JsonObject) ((JsonObject) tree).get("collections");
        JsonObject collection = (JsonObject) collections.valueAt(0);
        JsonArray members = (JsonArray) collection.get("models");
        assertEquals(TreeFixture.MEMBERS, members.size());
        int longDoubles = 0;
        for (JsonValue member : members) {
            JsonObject attrs = (JsonObject) ((JsonObject) member).get("attrs");
            assertTrue(attrs.size() >= 3, "attrs of a member: " + attrs);
            for (int i = 0; i < attrs.size(); i++) {
                if (attrs.valueAt(i) instanceof JsonNumber number && Double.toString(number.value()).length() >= 17) {
                    longDoubles++;
                }
            }
        }
        assertTrue(longDoubles >= 30, "members with doubles of 16 or 17 digits: " + longDoubles);
    }
}
