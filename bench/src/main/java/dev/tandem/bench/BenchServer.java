package dev.tandem.bench;

import dev.tandem.bench.model.Control;
import dev.tandem.bench.model.Entity;
import dev.tandem.bench.model.World;
import dev.tandem.server.TandemServer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Colyseus peer scenario as a Tandem app: a {@link World} of 100 entities, and a driver that mutates E of them
 * per step at R steps per second, round-robin, each step on the authority thread. Start and stop come from the
 * load tool through the synchronized {@link Control} model; {@code --E}/{@code --R} set the defaults and
 * {@code --autostart} runs the driver at once (the server then runs on its own).
 *
 * <pre>java -cp tandem-bench.jar dev.tandem.bench.BenchServer --port 2567 [--E 10 --R 20 --autostart]
 *     [--maxLifetime 45] [--coalesceMillis 50]</pre>
 *
 * <p>{@code --coalesceMillis} sets the server's coalescing window (default 0: every change is sent when its task
 * ends), for comparing with Colyseus's patch interval.
 */
public final class BenchServer {
    private final TandemServer<World> server;
    private volatile Driver driver;

    private BenchServer(TandemServer<World> server) {
        this.server = server;
    }

    public static void main(String[] args) {
        Arguments arguments = new Arguments(args);
        int port = arguments.integer("port", 2567);
        long maxLifetimeSeconds = arguments.integer("maxLifetime", 90);
        Thread lifetime = new Thread(() -> {
            sleepMillis(maxLifetimeSeconds * 1000);
            System.err.println("server: maxLifetime reached, exiting");
            System.exit(0);
        }, "max-lifetime");
        lifetime.setDaemon(true);
        lifetime.start();

        World world = new World();
        double now = nowMs();
        for (int i = 0; i < World.ENTITY_COUNT; i++) {
            Entity entity = new Entity();
            entity.assignId("e" + i);
            entity.set(Entity.X, i * 10.5);
            entity.set(Entity.Y, i * 7.25);
            entity.set(Entity.TS, now);
            world.entities.add(entity);
        }
        world.control.set(Control.E, (long) arguments.integer("E", 10));
        world.control.set(Control.R, (double) arguments.integer("R", 20));
        int coalesceMillis = arguments.integer("coalesceMillis", 0);
        BenchServer bench = new BenchServer(TandemServer.builder(world).host("127.0.0.1").port(port)
                .coalesceMillis(coalesceMillis).start());
        bench.server.authority().call(root -> {
            root.control.on("change:running", event -> bench.running(root.control));
            root.control.on("change:heapSampleRequest", event -> bench.sampleHeap(root.control));
            root.control.on("change:shutdown", event -> {
                Thread exit = new Thread(() -> {
                    sleepMillis(200);
                    System.exit(0);
                });
                exit.start();
            });
            return null;
        });
        System.out.println("READY port=" + bench.server.port() + " pid=" + ProcessHandle.current().pid());
        if (arguments.flag("autostart")) {
            bench.server.authority().update(root -> root.control.set(Control.RUNNING, true));
        }
    }

    /** On the authority thread: the control's running flag changed. */
    private void running(Control control) {
        boolean on = control.get(Control.RUNNING);
        if (on && driver == null) {
            driver = new Driver(control.get(Control.E).intValue(), control.get(Control.R));
            driver.start();
        } else if (!on && driver != null) {
            Driver stopped = driver;
            driver = null;
            stopped.stop(control);
        }
    }

    /** On the authority thread: a full GC, then the live heap, published with the request's number. */
    private void sampleHeap(Control control) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("heapUsedBytes", runtime.totalMemory() - runtime.freeMemory());
        sample.put("heapSample", control.get(Control.HEAP_SAMPLE_REQUEST));
        control.set(sample);
    }

    /** Server wall time in ms with sub-ms precision, the same clock the load tool reads. */
    static double nowMs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1000.0 + now.getNano() / 1_000_000.0;
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs steps on a drift-free schedule (step k is due at t0 + k/R; more than one period late resyncs instead
     * of bursting), each step a timed task on the authority thread itself, as a Colyseus room's timer runs on its
     * event loop: no hand-off between threads.
     */
    private final class Driver {
        private final int entitiesPerStep;
        private final long periodNanos;
        private volatile boolean active = true;
        private long steps;
        private int cursor;
        private double lateMaxMs;
        private long next;
        private final double startedMs = nowMs();

        Driver(int entitiesPerStep, double stepsPerSecond) {
            this.entitiesPerStep = entitiesPerStep;
            this.periodNanos = (long) (1e9 / stepsPerSecond);
        }

        void start() {
            next = System.nanoTime();
            server.authority().after(0, this::step);
        }

        /** On the authority thread: stops stepping and publishes what was done. */
        void stop(Control control) {
            active = false;
            double elapsed = nowMs() - startedMs;
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("steps", steps);
            report.put("elapsedMs", elapsed);
            report.put("lateMaxMs", lateMaxMs);
            control.set(report);
        }

        private void step(World root) {
            if (!active) {
                return;
            }
            long now = System.nanoTime();
            lateMaxMs = Math.max(lateMaxMs, (now - next) / 1e6);
            double ts = nowMs();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < entitiesPerStep; i++) {
                Entity entity = root.entities.at((cursor + i) % World.ENTITY_COUNT);
                Map<String, Object> change = new LinkedHashMap<>(4);
                change.put("x", random.nextDouble() * 1000);
                change.put("y", random.nextDouble() * 1000);
                change.put("ts", ts);
                entity.set(change);
            }
            cursor = (cursor + entitiesPerStep) % World.ENTITY_COUNT;
            steps++;
            next += periodNanos;
            long after = System.nanoTime();
            if (next < after - periodNanos) {
                next = after;
            }
            server.authority().after(next - after, this::step);
        }
    }
}
