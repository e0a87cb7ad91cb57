package dev.tandem.bench.jmh;

import dev.tandem.bench.model.World;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonValue;
import dev.tandem.json.jackson.JacksonJsonCodec;
import dev.tandem.sync.Replica;
import dev.tandem.sync.SyncClient;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A client applying the server's {@code change} messages: {@code SyncClient.receive(text)} on a client whose
 * replica holds the load benchmark's 100-entity {@link World}; one op is one change message
 * ({@code {"event":"change","seq":S,"id":"e7","attrs":{"x":…,"y":…,"ts":…}}}, made by {@link ServerFrames} the way
 * the server makes it). The client has no listeners: this is the cost of keeping the replica in step.
 *
 * <p>How seq keeps increasing: each benchmark walks a ring of {@value #RING} pre-made messages with seqs
 * 1 … {@value #RING}; at the end of the ring the client receives a tiny initial-state message
 * ({@link ServerFrames#seqReset()}) that sets its seq back to 0 and touches nothing else: one small import per
 * {@value #RING} ops. Every message really changes its entity (new random x and y, a later ts).
 *
 * <ul>
 *   <li>{@link #receiveChange}: one message per frame (a client without {@code ?batch=1});</li>
 *   <li>{@link #receiveBatchFrame}: frames of 10 messages (one driver step at E = 10, {@code ?batch=1}),
 *       reported per message;</li>
 *   <li>{@link #decodeOnly} and {@link #replicaApplyOnly}: the two halves of {@code receive} alone.</li>
 * </ul>
 * Run with {@code -prof gc} for the allocation per message ({@code gc.alloc.rate.norm}).
 *
 * <p>Short by default (1 fork, 3 × 1 s warm-up, 5 × 1 s measurement). For numbers to quote, run longer, e.g.
 * <pre>taskset -c 0 java -jar bench/target/tandem-bench.jar ApplyChangeBenchmark -f 3 -wi 5 -w 2s -i 10 -r 2s
 *     -prof gc</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ApplyChangeBenchmark {
    /** Messages per batched frame: one driver step at the load benchmark's default E = 10. */
    static final int BATCH = 10;
    /** Driver steps per ring of pre-made messages. */
    static final int RING_STEPS = 1638;
    /** Pre-made messages per ring (16,380: some MB of text, and every entity changed about 164 times). */
    static final int RING = RING_STEPS * BATCH;

    /**
     * A client in step with the server, and a ring of frames for it; after the ring, a seq reset (see the class
     * comment) lets it start over.
     */
    abstract static class ClientRing {
        final JacksonJsonCodec codec = new JacksonJsonCodec();
        ServerFrames server;
        SyncClient client;
        String[] texts;
        String reset;
        int next;

        /** The frames of the ring, made from {@code server}'s steps. */
        abstract String[] makeRing();

        void prepare() {
            server = new ServerFrames(codec);
            client = new SyncClient(new World(), codec, text -> { });
            client.receive(server.initial());
            texts = makeRing();
            reset = server.text(server.seqReset());
        }

        String nextText() {
            if (next == texts.length) {
                client.receive(reset);
                next = 0;
            }
            return texts[next++];
        }
    }

    /** A client in step with the server, and a ring of single-message frames for it. */
    @State(Scope.Thread)
    public static class SingleMessages extends ClientRing {
        @Setup
        public void setUp() {
            prepare();
        }

        @Override
        String[] makeRing() {
            String[] ring = new String[RING];
            int made = 0;
            for (int step = 0; step < RING_STEPS; step++) {
                for (JsonObject message : server.step(BATCH)) {
                    ring[made++] = server.text(message);
                }
            }
            return ring;
        }
    }

    /** A client in step with the server, and a ring of batched frames of {@value #BATCH} messages for it. */
    @State(Scope.Thread)
    public static class BatchFrames extends ClientRing {
        @Setup
        public void setUp() {
            prepare();
        }

        @Override
        String[] makeRing() {
            String[] ring = new String[RING_STEPS];
            for (int i = 0; i < ring.length; i++) {
                ring[i] = server.batch(server.step(BATCH));
            }
            return ring;
        }
    }

    /** A bare replica in step with the server, and a ring of already decoded messages for it. */
    @State(Scope.Thread)
    public static class DecodedMessages {
        ServerFrames server;
        Replica replica;
        JsonObject[] messages;
        JsonObject reset;
        int next;

        @Setup
        public void setUp() {
            JacksonJsonCodec codec = new JacksonJsonCodec();
            server = new ServerFrames(codec);
            replica = new Replica(new World());
            replica.apply((JsonObject) codec.decode(server.initial()));
            messages = new JsonObject[RING];
            int made = 0;
            for (int step = 0; step < RING_STEPS; step++) {
                for (JsonObject message : server.step(BATCH)) {
                    // Decoded from the text, as a client holds them, not the server's own objects.
                    messages[made++] = (JsonObject) codec.decode(server.text(message));
                }
            }
            reset = server.seqReset();
        }

        JsonObject nextMessage() {
            if (next == RING) {
                replica.apply(reset);
                next = 0;
            }
            return messages[next++];
        }
    }

    /** One change message in its own frame: decode, then apply to the replica. */
    @Benchmark
    public SyncClient receiveChange(SingleMessages state) {
        state.client.receive(state.nextText());
        return state.client;
    }

    /** A frame of {@value #BATCH} change messages; reported per message. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public SyncClient receiveBatchFrame(BatchFrames state) {
        state.client.receive(state.nextText());
        return state.client;
    }

    /** The first half of {@link #receiveChange}: the text to a JSON tree (nothing applied). */
    @Benchmark
    public JsonValue decodeOnly(SingleMessages state) {
        String text = state.texts[state.next];
        state.next = state.next + 1 == RING ? 0 : state.next + 1;
        return state.codec.decode(text);
    }

    /** The second half of {@link #receiveChange}: an already decoded message applied to the replica. */
    @Benchmark
    public Replica replicaApplyOnly(DecodedMessages state) {
        state.replica.apply(state.nextMessage());
        return state.replica;
    }
}
