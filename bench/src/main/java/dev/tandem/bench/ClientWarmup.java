package dev.tandem.bench;

import dev.tandem.bench.jmh.ServerFrames;
import dev.tandem.bench.model.Entity;
import dev.tandem.bench.model.World;
import dev.tandem.server.json.JacksonJsonCodec;
import dev.tandem.sync.SyncClient;
import java.time.Duration;

/**
 * Warms the load tool's own client code up before it connects: a scratch replica takes the server's kind of
 * frames ({@link ServerFrames}: the scenario's change messages, batched per step) through the code every measured
 * client runs — decode, apply, the {@code change} event, the latency record — for {@link #DURATION}. The server is not
 * involved. Why: at a low rate (N = 10, R = 20 is 200 frames/s) the JVM would still be interpreting that code in the
 * measurement window, and the instrument's slowness would show up as the system's latency; JMH warms up for the same
 * reason.
 */
final class ClientWarmup {
    /** How long the scratch replica takes frames: enough for the JIT's optimising compiler to finish on one core. */
    static final Duration DURATION = Duration.ofMillis(2500);

    private ClientWarmup() {
    }

    /** Runs the warm-up with steps of {@code entitiesPerStep} changes; returns the frames applied. */
    static long run(int entitiesPerStep) {
        JacksonJsonCodec codec = new JacksonJsonCodec();
        ServerFrames server = new ServerFrames(codec);
        World replica = new World();
        LatencyHistogram scratch = new LatencyHistogram();
        replica.entities.on("change", event -> RawLoadClients.recordLatency(scratch, (Entity) event.model()));
        SyncClient client = new SyncClient(replica, codec, text -> {
            throw new IllegalStateException("the warm-up replica sends nothing");
        });
        client.receive(server.initial());
        long frames = 0;
        long deadline = System.nanoTime() + DURATION.toNanos();
        while (System.nanoTime() < deadline) {
            client.receive(server.batch(server.step(entitiesPerStep)));
            frames++;
        }
        if (scratch.samples() != frames * entitiesPerStep) {
            throw new IllegalStateException("warm-up: " + scratch.samples() + " updates applied for " + frames
                    + " frames of " + entitiesPerStep);
        }
        return frames;
    }
}
