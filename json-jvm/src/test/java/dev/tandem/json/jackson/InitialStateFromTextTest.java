package dev.tandem.json.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;
import dev.tandem.model.ModelValidationException;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;
import dev.tandem.protocol.ServerMessages;
import dev.tandem.sync.SyncClient;
import dev.tandem.sync.SyncException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JVM client reads the server's initial state straight from the text (the codec's streaming reader into the
 * import plan), with the same outcome as decoding it first: tree, seq, events, listeners, and errors.
 */
class InitialStateFromTextTest {
    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    static final class Note extends BaseModel {
        static final Attribute<String> TEXT = Attribute.string("text").required();
        static final Attribute<Double> X = Attribute.number("x").defaultValue(0.0);
        static final Schema SCHEMA = Schema.of("Note", TEXT, X);

        Note() {
            super(SCHEMA);
        }
    }

    static final class Wall extends BaseModel {
        static final Schema SCHEMA = Schema.of("Wall", Attribute.string("title").defaultValue(""));
        final ModelCollection<Note> notes = declareCollection("notes", Note::new);

        Wall() {
            super(SCHEMA);
        }
    }

    private String serverInitial(long seq) {
        Wall wall = new Wall();
        wall.registry();
        wall.set("title", "T");
        for (int i = 0; i < 3; i++) {
            Note note = new Note();
            note.set(Note.TEXT, "n" + i);
            note.set(Note.X, i + 0.5);
            wall.notes.add(note);
        }
        return codec.encode(ServerMessages.initial(seq, wall.xport()));
    }

    /** What a client ends with after receiving {@code text}: its tree, seq, events, listener runs, or its error. */
    private String outcome(String text, boolean decodedFirst) {
        Wall wall = new Wall();
        SyncClient client = new SyncClient(wall, codec, sent -> { });
        List<String> events = new ArrayList<>();
        wall.on("all", e -> events.add(e.name()));
        wall.notes.on("all", e -> events.add("notes:" + e.name()));
        int[] initialRuns = new int[1];
        client.onInitialState(() -> initialRuns[0]++);
        try {
            if (decodedFirst) {
                client.replica().apply((dev.tandem.json.JsonObject) codec.decode(text));
                if (client.replica().hasInitialState()) {
                    initialRuns[0]++;
                }
            } else {
                client.receive(text);
            }
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return codec.encode(wall.xport()) + " seq " + client.replica().seq() + " " + events + " " + wall.changedAttributes()
                + " runs " + initialRuns[0];
    }

    @Test
    void an_initial_state_read_from_text_equals_the_decoded_one() {
        String text = serverInitial(12);
        assertEquals(outcome(text, true), outcome(text, false));
        assertEquals(true, new dev.tandem.sync.Replica(new Wall()).applyInitial(codec.reader(text)),
                "the server's initial message is read from the stream, not decoded");
    }

    @Test
    void an_invalid_initial_state_fails_as_before_and_changes_nothing() {
        String text = serverInitial(3).replace("\"text\":\"n1\"", "\"text\":5");
        String outcome = outcome(text, false);
        assertEquals(outcome(text, true), outcome);
        assertEquals(true, outcome.startsWith("ModelValidationException"), outcome);
        Wall wall = new Wall();
        SyncClient client = new SyncClient(wall, codec, sent -> { });
        assertThrows(ModelValidationException.class, () -> client.receive(text));
        assertEquals(0, wall.notes.size());
        assertEquals(-1, client.replica().seq());
    }

    @Test
    void malformed_initial_text_fails_with_the_decoders_message() {
        String text = serverInitial(3);
        String cut = text.substring(0, text.length() - 5);
        Wall wall = new Wall();
        SyncClient client = new SyncClient(wall, codec, sent -> { });
        SyncException thrown = assertThrows(SyncException.class, () -> client.receive(cut));
        SyncException decoded = assertThrows(SyncException.class,
                () -> new SyncClient(new Wall(), codec, sent -> { }).receive(cut + " "));
        assertEquals(true, thrown.getMessage().startsWith("the server sent malformed JSON: "), thrown.getMessage());
        assertEquals(0, wall.notes.size());
        assertEquals(decoded.getMessage().substring(0, 30), thrown.getMessage().substring(0, 30));
    }

    @Test
    void an_initial_state_in_another_shape_takes_the_decoded_path() {
        String text = serverInitial(4);
        String withSeqTwice = text.replace("\"seq\":4,", "\"seq\":9,\"seq\":4,");
        assertEquals(outcome(withSeqTwice, true), outcome(withSeqTwice, false));
        String badSeq = text.replace("\"seq\":4,", "\"seq\":\"4\",");
        assertEquals(outcome(badSeq, true), outcome(badSeq, false));
    }
}
