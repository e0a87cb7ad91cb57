package dev.tandem.json.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.json.JsonReader;
import dev.tandem.json.JsonValue;
import dev.tandem.json.MalformedJsonException;
import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;
import dev.tandem.model.ModelValidationException;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JVM codec's streaming reader, and the import that reads text through it. */
class StreamedImportTest {
    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    static final class Item extends BaseModel {
        static final Attribute<String> NAME = Attribute.string("name").required();
        static final Attribute<Double> X = Attribute.number("x").defaultValue(0.0);
        static final Schema SCHEMA = Schema.of("Item", NAME, X);
        static int validations;

        Item() {
            super(SCHEMA);
        }

        @Override
        protected String validate(Map<String, Object> candidate) {
            validations++;
            return null;
        }
    }

    static final class Shelf extends BaseModel {
        static final Schema SCHEMA = Schema.of("Shelf", Attribute.string("label").defaultValue(""));
        final ModelCollection<Item> items = declareCollection("items", Item::new);

        Shelf() {
            super(SCHEMA);
        }
    }

    private static final String SHELF = "{\"id\":\"s\",\"attrs\":{\"label\":\"L\"},\"collections\":{\"items\":"
            + "{\"id\":\"c\",\"models\":[{\"id\":\"a\",\"attrs\":{\"name\":\"A\",\"x\":1.5}},"
            + "{\"id\":\"b\",\"attrs\":{\"name\":\"B\"}}]}}}";

    @Test
    void the_codec_reader_streams() {
        JsonReader reader = codec.reader("{\"a\":[1,\"x\",true,null]}");
        assertTrue(reader.streams());
        reader.beginObject();
        assertEquals("a", reader.nextName());
        assertEquals(JsonValue.Kind.ARRAY, reader.peek());
        assertEquals(codec.decode("[1,\"x\",true,null]"), reader.readValue());
        reader.endObject();
    }

    @Test
    void the_reader_refuses_what_decode_refuses() {
        assertThrows(MalformedJsonException.class, () -> codec.reader(""));
        JsonReader trailing = codec.reader("{} x");
        trailing.beginObject();
        assertThrows(MalformedJsonException.class, trailing::endObject);
        JsonReader deep = codec.reader("[".repeat(65) + "]".repeat(65));
        MalformedJsonException tooDeep = assertThrows(MalformedJsonException.class, () -> {
            for (int i = 0; i < 65; i++) {
                deep.beginArray();
            }
        });
        assertEquals("JSON nests deeper than 64 levels", tooDeep.getMessage());
    }

    @Test
    void a_valid_image_is_planned_once_straight_from_the_text() {
        Shelf shelf = new Shelf();
        Item.validations = 0;
        shelf.mport(SHELF, codec);
        assertEquals(2, Item.validations); // once per item: no second plan from the tree
        assertEquals(codec.decode(SHELF), shelf.xport());
    }

    @Test
    void an_invalid_image_is_decided_by_the_tree_and_changes_nothing() {
        Shelf shelf = new Shelf();
        String bad = SHELF.replace("\"name\":\"B\"", "\"name\":7");
        ModelValidationException fromTree = assertThrows(ModelValidationException.class,
                () -> new Shelf().mport(codec.decode(bad)));
        ModelValidationException fromText = assertThrows(ModelValidationException.class,
                () -> shelf.mport(bad, codec));
        assertEquals(fromTree.getMessage(), fromText.getMessage());
        assertTrue(fromText.getMessage().contains("$.collections.items.models[1].attrs"), fromText.getMessage());
        assertEquals(0, shelf.items.size());
    }
}
