package dev.tandem.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tandem.bench.model.Entity;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonValue;
import dev.tandem.model.BaseModel;
import dev.tandem.json.jackson.JacksonJsonCodec;
import org.junit.jupiter.api.Test;

/**
 * The apply benchmark does the work it claims: every message is applied (the replica ends equal to the server's
 * tree), each one changes its entity, and the ring starts over without a seq error.
 */
class ApplyChangeBenchmarkTest {
    private final ApplyChangeBenchmark benchmark = new ApplyChangeBenchmark();
    private final JacksonJsonCodec codec = new JacksonJsonCodec();

    @Test
    void a_ring_of_single_messages_leaves_the_replica_equal_to_the_server() {
        ApplyChangeBenchmark.SingleMessages state = new ApplyChangeBenchmark.SingleMessages();
        state.setUp();
        for (int i = 0; i < ApplyChangeBenchmark.RING; i++) {
            benchmark.receiveChange(state);
        }
        assertEquals(ApplyChangeBenchmark.RING, state.client.replica().seq());
        assertEquals(state.server.world().xport(), state.client.replica().root().xport());
    }

    @Test
    void a_ring_of_batched_frames_leaves_the_replica_equal_to_the_server() {
        ApplyChangeBenchmark.BatchFrames state = new ApplyChangeBenchmark.BatchFrames();
        state.setUp();
        for (int i = 0; i < ApplyChangeBenchmark.RING_STEPS; i++) {
            benchmark.receiveBatchFrame(state);
        }
        assertEquals(ApplyChangeBenchmark.RING, state.client.replica().seq());
        assertEquals(state.server.world().xport(), state.client.replica().root().xport());
    }

    @Test
    void a_ring_of_decoded_messages_leaves_the_replica_equal_to_the_server() {
        ApplyChangeBenchmark.DecodedMessages state = new ApplyChangeBenchmark.DecodedMessages();
        state.setUp();
        for (int i = 0; i < ApplyChangeBenchmark.RING; i++) {
            benchmark.replicaApplyOnly(state);
        }
        assertEquals(ApplyChangeBenchmark.RING, state.replica.seq());
        assertEquals(state.server.world().xport(), state.replica.root().xport());
    }

    @Test
    void after_the_ring_the_client_starts_over_at_seq_1_and_every_message_changes_its_entity() {
        ApplyChangeBenchmark.SingleMessages state = new ApplyChangeBenchmark.SingleMessages();
        state.setUp();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < ApplyChangeBenchmark.RING; i++) {
                JsonObject message = (JsonObject) codec.decode(state.texts[i]);
                BaseModel entity = state.client.replica().root().registry()
                        .model(((dev.tandem.json.JsonString) message.get("id")).value());
                Object before = entity.get(Entity.X);
                benchmark.receiveChange(state);
                assertEquals(i + 1, state.client.replica().seq());
                assertNotEquals(before, entity.get(Entity.X));
                JsonValue x = ((JsonObject) message.get("attrs")).get("x");
                assertEquals(x, entity.schema().attribute("x").toJson(entity.get(Entity.X)));
            }
        }
    }

    @Test
    void decode_only_reads_the_messages_the_client_receives() {
        ApplyChangeBenchmark.SingleMessages state = new ApplyChangeBenchmark.SingleMessages();
        state.setUp();
        assertEquals(codec.decode(state.texts[0]), benchmark.decodeOnly(state));
        assertEquals(codec.decode(state.texts[1]), benchmark.decodeOnly(state));
    }
}
