package dev.tandem.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Warms the load tool's own client code up before it connects to the server: {@link #CLIENTS} clients of the same
 * kind as the measured ones ({@link RawLoadClients}) take the scenario's frames from a stand-in server on loopback
 * ({@link WarmupFrameServer}) until the JIT has settled (below), through every step a measured client takes: socket reads,
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
 *
 * <p>The warm-up lasts until the JIT has settled (its compile time grows by less than {@link #QUIET_COMPILE_SHARE}
 * of the wall time over {@link #QUIET_SPAN}), at least {@link #MIN_DURATION} and at most {@link #MAX_DURATION}: a
 * fixed 2.5 s ended with the optimising compiler's queue still full at E = 100.
 */
final class ClientWarmup {
    /** The shortest warm-up. */
    static final Duration MIN_DURATION = Duration.ofMillis(2500);
    /** The longest warm-up, whether or not the JIT has settled (the load tool's whole run is bounded). */
    static final Duration MAX_DURATION = Duration.ofSeconds(8);
    /** The span over which the JIT's compile time is watched. */
    static final Duration QUIET_SPAN = Duration.ofMillis(500);
    /** The JIT has settled when it compiled for less than this share of {@link #QUIET_SPAN}. */
    static final double QUIET_COMPILE_SHARE = 0.05;
    /** Warm-up clients: several, so that the selector loop serves many ready connections per pass as in the run. */
    static final int CLIENTS = 10;

    private ClientWarmup() {
    }

    /** Runs the warm-up with steps of {@code entitiesPerStep} changes; returns the updates applied. */
    static long run(int entitiesPerStep) throws Exception {
        try (WarmupFrameServer server = new WarmupFrameServer(entitiesPerStep)) {
            RawLoadClients clients = new RawLoadClients(server.port());
            clients.connect(CLIENTS);
            waitForTheJit();
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

    private static void waitForTheJit() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long compiledMs = jit.getTotalCompilationTime();
        while (true) {
            Thread.sleep(QUIET_SPAN.toMillis());
            long nowCompiledMs = jit.getTotalCompilationTime();
            long elapsed = System.nanoTime() - start;
            boolean settled = nowCompiledMs - compiledMs < QUIET_COMPILE_SHARE * QUIET_SPAN.toMillis();
            if (elapsed >= MAX_DURATION.toNanos() || (settled && elapsed >= MIN_DURATION.toNanos())) {
                return;
            }
            compiledMs = nowCompiledMs;
        }
    }
}
