package dev.tandem.bench.jmh;

import dev.tandem.bench.model.Control;
import dev.tandem.bench.model.Entity;
import dev.tandem.bench.model.World;
import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.protocol.Protocol;
import dev.tandem.protocol.ServerMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The server's side of the apply benchmark: a {@link TreeFixture#WORLD} tree driven like {@code BenchServer}'s
 * driver (each step sets x, y to random doubles and ts to the step's time on the next entities, round-robin), whose
 * tree-change stream is stamped with consecutive seqs and turned into protocol messages by
 * {@link ServerMessages}, exactly as the server does. So the texts a client receives here are the server's texts.
 * Also used by the load tool to warm its client code up before it connects ({@code ClientWarmup}).
 */
public final class ServerFrames {
    private final JsonCodec codec;
    private final World world = (World) TreeFixture.WORLD.buildModel();
    private final List<JsonObject> stamped = new ArrayList<>();
    private final Random random = new Random(7);
    private long seq;
    private int cursor;
    private double ts = 1_752_000_100_000.0;

    public ServerFrames(JsonCodec codec) {
        this.codec = codec;
        world.onTreeChange(change -> stamped.add(ServerMessages.of(change, ++seq)));
    }

    /** The server's tree, as it is after the steps made so far. */
    World world() {
        return world;
    }

    /** The initial-state message for the tree as it is now, carrying the last seq stamped (0 before any step). */
    public String initial() {
        return codec.encode(ServerMessages.initial(seq, world.xport()));
    }

    /**
     * An initial-state message whose tree names only the root ({@code {"id":"world","attrs":{}}}: no
     * {@code models}, no {@code collections}), which sets a replica's seq back to {@code 0} and changes nothing else
     * in its tree. How the benchmark reuses its ring of pre-made messages, whose seqs must keep increasing.
     */
    public JsonObject seqReset() {
        JsonObject rootOnly = JsonObject.builder().put(Protocol.ID, JsonString.of(world.id()))
                .put(Protocol.ATTRS, JsonObject.EMPTY).build();
        return JsonObject.builder().put(Protocol.EVENT, JsonString.of(Protocol.INITIAL))
                .put(Protocol.SEQ, JsonNumber.of(0)).put(Protocol.DATA, rootOnly).build();
    }

    /** One driver step over {@code entities} entities: their change messages, in seq order. */
    public List<JsonObject> step(int entities) {
        ts += 50.0 + random.nextDouble(); // 20 steps/s, with the jitter of a real clock
        for (int i = 0; i < entities; i++) {
            Entity entity = world.entities.at((cursor + i) % World.ENTITY_COUNT);
            Map<String, Object> change = new LinkedHashMap<>(4);
            change.put("x", random.nextDouble() * 1000);
            change.put("y", random.nextDouble() * 1000);
            change.put("ts", ts);
            entity.set(change);
        }
        cursor = (cursor + entities) % World.ENTITY_COUNT;
        List<JsonObject> messages = new ArrayList<>(stamped);
        stamped.clear();
        return messages;
    }

    /**
     * A change of the control model like the one that starts the load tool's driver (e, r, running), stamped: its
     * message. The real stream has one such message between the initial state and the first step.
     */
    public List<JsonObject> controlChange(long entities, double stepsPerSecond, boolean running) {
        Map<String, Object> change = new LinkedHashMap<>(4);
        change.put(Control.E.name(), entities);
        change.put(Control.R.name(), stepsPerSecond);
        change.put(Control.RUNNING.name(), running);
        world.control.set(change);
        List<JsonObject> messages = new ArrayList<>(stamped);
        stamped.clear();
        return messages;
    }

    /**
     * The frame a {@code ?batch=1} client gets for one authority task's messages, as the server makes it: one message
     * alone, more than one as a JSON array.
     */
    public String frame(List<JsonObject> messages) {
        return messages.size() == 1 ? text(messages.get(0)) : batch(messages);
    }

    /** One message alone, as a client without {@code ?batch=1} gets it. */
    public String text(JsonObject message) {
        return codec.encode(message);
    }

    /** A batched frame, as a {@code ?batch=1} client gets one authority task's messages: a JSON array. */
    public String batch(List<JsonObject> messages) {
        return codec.encode(JsonArray.of(messages));
    }
}
