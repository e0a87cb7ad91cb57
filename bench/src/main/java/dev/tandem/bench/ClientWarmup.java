package dev.tandem.bench;

import java.time.Duration;

/**
 * Warms the load tool's own client code up before it connects to the server: {@link #CLIENTS} clients of the same
 * kind as the measured ones ({@link RawLoadClients}) take the scenario's frames from a stand-in server on loopback
 * ({@link WarmupFrameServer}) for {@link #DURATION}, through every step a measured client takes: socket reads,
 * frame parsing, decoding, applying, the {@code change} event and the latency record. The real server is not
 * involved.
 *
 * <p>Why: at a low rate (N = 10, R = 20 is 200 frames/s) the JVM would still be interpreting that code in the
 * measurement window; at a high one (N = 100, E = 100, R = 100 is 10,000 frames/s) the JIT's compiler threads
 * share the load tool's one core with the clients for seconds after the start. Either way the instrument's slowness
 * would show up as the system's latency; JMH warms up for the same reason. An earlier warm-up fed a scratch replica
 * directly; the clients' socket and frame code stayed cold, and the listener and reader call sites saw other types
 * than in the run, so the JIT threw that code away and compiled it again once the load began (seen with
 * {@code -XX:+PrintCompilation}: about 100 optimising compiles in the first three seconds of the driver).
 */
final class ClientWarmup {
    /** How long the warm-up clients take frames: enough for the JIT's optimising compiler to finish on one core. */
    static final Duration DURATION = Duration.ofMillis(2500);
    /** Warm-up clients: several, so that the selector loop serves many ready connections per pass as in the run. */
    static final int CLIENTS = 10;

    private ClientWarmup() {
    }

    /** Runs the warm-up with steps of {@code entitiesPerStep} changes; returns the updates applied. */
    static long run(int entitiesPerStep) throws Exception {
        try (WarmupFrameServer server = new WarmupFrameServer(entitiesPerStep)) {
            RawLoadClients clients = new RawLoadClients(server.port());
            clients.connect(CLIENTS);
            Thread.sleep(DURATION.toMillis());
            RawLoadClients.Counts counts = clients.counts();
            clients.stop();
            if (counts.fullState() != CLIENTS || counts.updates() == 0 || !counts.errors().isEmpty()) {
                throw new IllegalStateException("warm-up: " + counts.fullState() + " of " + CLIENTS
                        + " clients with the full state, " + counts.updates() + " updates applied, errors "
                        + counts.errors());
            }
            return counts.updates();
        }
    }
}
