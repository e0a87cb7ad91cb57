package dev.tandem.bench;

import dev.tandem.bench.model.Control;
import dev.tandem.bench.model.Entity;
import dev.tandem.bench.model.World;
import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.client.jvm.TandemClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The load side of the Colyseus peer scenario, on the JVM client: N clients ({@link RawLoadClients}), each keeping a
 * real replica of the world (every update is decoded and applied to a model tree by model-core's {@code SyncClient},
 * and counted when its {@code change} event fires), latency = client clock at the event − the entity's {@code ts}.
 * One more connection, a {@link TandemClient} not counted, drives the server through the {@link Control} model: it
 * takes the heap samples and starts the driver, then leaves before the warm-up (so it takes no updates on the load
 * tool's core), and a new one stops the driver after the window. Prints one JSON line with the same fields as the
 * harness's load.js,
 * plus the server's live heap, and the payload the first client's frames would take with permessage-deflate
 * ({@link DeflatedSize}).
 *
 * <pre>java -cp tandem-bench.jar dev.tandem.bench.LoadTool --port 2567 --clients 100 --E 10 --R 100
 *     --warmup 2 --duration 8 --serverPid PID [--out result.json] [--hardLimit 35] [--coalesceMillis 50]</pre>
 */
public final class LoadTool {
    public static void main(String[] args) throws Exception {
        BenchProcess.run(args, "load", 40, arguments -> new LoadTool().run(arguments));
    }

    JsonObject run(Arguments arguments) throws Exception {
        int port = arguments.integer("port", 2567);
        int clients = arguments.integer("clients", 10);
        int entitiesPerStep = arguments.integer("E", 10);
        double stepsPerSecond = arguments.number("R", 20);
        double warmupSeconds = arguments.number("warmup", 2);
        double durationSeconds = arguments.number("duration", 8);
        long serverPid = Long.parseLong(arguments.text("serverPid", "-1"));
        // The server's coalescing window, as it was started (reported as the run's patchRate, like the harness's).
        int coalesceMillis = arguments.integer("coalesceMillis", 0);
        ClientWarmup.run(entitiesPerStep);
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        HttpClient http = sharedHttpClient();

        TandemClient<World> controller = TandemClient.connect(uri, new World(), http);
        long rssBefore = ProcStats.rssKiB(serverPid);
        long heapBefore = heapSample(controller, 1);

        long connectStart = System.nanoTime();
        RawLoadClients measured = new RawLoadClients(port);
        measured.connect(clients);
        long connectMs = (System.nanoTime() - connectStart) / 1_000_000;
        Thread.sleep(1500);
        long rssIdle = ProcStats.rssKiB(serverPid);
        long heapIdle = heapSample(controller, 2);

        // The replicas built at connect time are long-lived: collect once now, so they sit in the old generation and
        // the young collections during the window copy only the updates' short-lived garbage (benchmark hygiene,
        // as JMH does between iterations; this pauses only this load process, before the driver starts).
        System.gc();
        controller.setServer(controller.read(world -> world.control), Map.of("e", (long) entitiesPerStep,
                "r", stepsPerSecond, "running", true)).get(10, TimeUnit.SECONDS);
        // The controller leaves now, as the Colyseus harness's has no controller at all (its first measured client
        // sends "start"): connected, this JDK client would take every change too, on the load tool's one core, at
        // about three times a measured client's cost, and its code would still be compiling in the window.
        controller.close();
        controller = null;
        // Each second on its own, from the driver's start: a backlog (latency that climbs, then drains) shows here,
        // not in the window's p99. Warm-up seconds have negative times.
        SecondBySecond bySecond = new SecondBySecond(measured, serverPid);
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warmupEnd) {
            Thread.sleep(Math.min(1000, Math.max(1, (warmupEnd - System.nanoTime()) / 1_000_000)));
            bySecond.mark((System.nanoTime() - warmupEnd) / 1e9);
        }

        long serverTicks0 = ProcStats.cpuTicks(serverPid);
        long loadTicks0 = ProcStats.cpuTicks(ProcessHandle.current().pid());
        long window0 = System.nanoTime();
        measured.startWindow();
        bySecond.windowStarted();
        long rssMax = 0;
        long windowEnd = window0 + (long) (durationSeconds * 1e9);
        while (System.nanoTime() < windowEnd) {
            Thread.sleep(Math.min(1000, Math.max(1, (windowEnd - System.nanoTime()) / 1_000_000)));
            rssMax = Math.max(rssMax, ProcStats.rssKiB(serverPid));
            bySecond.mark((System.nanoTime() - window0) / 1e9);
        }
        RawLoadClients.Counts counts = measured.counts();
        double windowSeconds = (System.nanoTime() - window0) / 1e9;
        long serverTicks1 = ProcStats.cpuTicks(serverPid);
        long loadTicks1 = ProcStats.cpuTicks(ProcessHandle.current().pid());
        long rssLoad = ProcStats.rssKiB(serverPid);

        // After the window: stop the driver and read the server's own figures. When the load process is saturated
        // these answers can come late or not at all (the server may have dropped connections that fell behind); the
        // window's figures stand either way, and what went wrong is reported with them.
        List<String> errors = new ArrayList<>(counts.errors());
        long heapLoad = -1;
        long steps = 0;
        double elapsedMs = 0;
        double lateMaxMs = Double.NaN;
        try {
            controller = TandemClient.connect(uri, new World(), http);
            controller.setServer(controller.read(world -> world.control), Map.of("running", false))
                    .get(10, TimeUnit.SECONDS);
            heapLoad = heapSample(controller, 3);
            Control control = controller.read(world -> world.control);
            steps = controller.read(world -> control.get(Control.STEPS));
            elapsedMs = controller.read(world -> control.get(Control.ELAPSED_MS));
            lateMaxMs = controller.read(world -> control.get(Control.LATE_MAX_MS));
        } catch (Exception e) {
            errors.add("after the window, reconnecting the controller and stopping the driver: " + e);
        }

        measured.stop();
        LatencyHistogram latency = counts.latency();
        long updates = counts.updates();
        long frames = counts.frames();
        long chars = counts.bytes();
        long deflatedBytes = counts.firstClientDeflatedBytes();
        long firstUpdates = counts.firstClientUpdates();
        int joined = counts.joined();
        int fullState = counts.fullState();
        double stepsPerS = elapsedMs > 0 ? steps / (elapsedMs / 1000) : 0;

        try {
            if (controller != null) {
                controller.setServer(controller.read(world -> world.control), Map.of("shutdown", true))
                        .get(2, TimeUnit.SECONDS);
            }
        } catch (Exception ignored) {
            // the server exits right after answering; a lost answer does not matter
        }

        JsonObject.Builder out = JsonObject.builder()
                .put("system", JsonString.of("tandem"))
                .put("clients", JsonNumber.of(clients)).put("joined", JsonNumber.of(joined))
                .put("fullState", JsonNumber.of(fullState)).put("E", JsonNumber.of(entitiesPerStep))
                .put("R", JsonNumber.of(stepsPerSecond)).put("patchRate", coalesceMillis == 0 ? JsonString.of("immediate") : JsonNumber.of(coalesceMillis))
                .put("connectMs", JsonNumber.of(connectMs)).put("windowS", round(windowSeconds, 3))
                .put("serverStepsPerS", round(stepsPerS > 0 ? stepsPerS : Double.NaN, 2)).put("serverStepLateMaxMs", round(lateMaxMs, 2))
                .put("offeredEntityUpdatesPerS", stepsPerS > 0
                        ? JsonNumber.of(Math.round(stepsPerS * entitiesPerStep * joined)) : JsonNull.INSTANCE)
                .put("deliveredEntityUpdatesPerS", JsonNumber.of(Math.round(updates / windowSeconds)))
                .put("latencyMs", JsonObject.builder()
                        .put("p50", round(latency.percentileMs(0.5), 3))
                        .put("p90", round(latency.percentileMs(0.90), 3))
                        .put("p99", round(latency.percentileMs(0.99), 3))
                        .put("p999", round(latency.percentileMs(0.999), 3))
                        .put("max", round(latency.maxMs(), 3))
                        .put("samples", JsonNumber.of(latency.samples()))
                        .put("negativeClamped", JsonNumber.of(latency.negative())).build())
                .put("latencyBySecondMs", JsonArray.of(bySecond.seconds))
                .put("bytesPerClientPerS", JsonNumber.of(Math.round(chars / windowSeconds / Math.max(1, joined))))
                .put("bytesPerClientPerSInclWsHeader", JsonNumber.of(Math.round((chars + frames * 2L)
                        / windowSeconds / Math.max(1, joined))))
                .put("deflatedBytesPerClientPerS", JsonNumber.of(Math.round(deflatedBytes / windowSeconds)))
                .put("bytesPerUpdate", round(updates == 0 ? Double.NaN : (double) chars / updates, 1))
                .put("deflatedBytesPerUpdate", round(firstUpdates == 0 ? Double.NaN
                        : (double) deflatedBytes / firstUpdates, 1))
                .put("framesPerClientPerS", round(frames / windowSeconds / Math.max(1, joined), 1))
                .put("avgFrameBytes", frames == 0 ? JsonNull.INSTANCE : round((double) chars / frames, 1))
                .put("serverRssKiB", JsonObject.builder()
                        .put("beforeClients", JsonNumber.of(rssBefore)).put("idleClients", JsonNumber.of(rssIdle))
                        .put("underLoadEnd", JsonNumber.of(rssLoad)).put("underLoadMax", JsonNumber.of(rssMax))
                        .build())
                .put("rssPerIdleClientKiB", round((rssIdle - rssBefore) / (double) Math.max(1, joined), 1))
                .put("serverHeapKiB", JsonObject.builder()
                        .put("beforeClients", JsonNumber.of(heapBefore / 1024))
                        .put("idleClients", JsonNumber.of(heapIdle / 1024))
                        .put("underLoadEnd", JsonNumber.of(heapLoad / 1024)).build())
                .put("heapPerIdleClientKiB", round((heapIdle - heapBefore) / 1024.0 / Math.max(1, joined), 2))
                .put("cpuPctInWindow", JsonObject.builder()
                        .put("server", round((serverTicks1 - serverTicks0) * 100.0 / ProcStats.TICKS_PER_SECOND
                                / windowSeconds, 1))
                        .put("load", round((loadTicks1 - loadTicks0) * 100.0 / ProcStats.TICKS_PER_SECOND
                                / windowSeconds, 1)).build())
                .put("loadRssKiB", JsonNumber.of(ProcStats.rssKiB(ProcessHandle.current().pid())))
                .put("errors", JsonNumber.of(errors.size()));
        List<JsonValue> samples = new ArrayList<>();
        for (String error : errors.subList(0, Math.min(5, errors.size()))) {
            samples.add(JsonString.of(error));
        }
        out.put("errorSamples", JsonArray.of(samples));
        return out.build();
    }

    /**
     * Latency second by second: each mark slices off what the clients counted since the previous mark, with the CPU
     * both processes used in that slice (which side fell behind, when latency climbs).
     */
    private static final class SecondBySecond {
        final List<JsonValue> seconds = new ArrayList<>();
        private final RawLoadClients clients;
        private final long serverPid;
        private LatencyHistogram before = new LatencyHistogram();
        private long updatesBefore;
        private long nanosBefore = System.nanoTime();
        private long serverTicksBefore;
        private long loadTicksBefore;

        SecondBySecond(RawLoadClients clients, long serverPid) {
            this.clients = clients;
            this.serverPid = serverPid;
            this.serverTicksBefore = ProcStats.cpuTicks(serverPid);
            this.loadTicksBefore = ProcStats.cpuTicks(ProcessHandle.current().pid());
        }

        void mark(double atSeconds) throws Exception {
            RawLoadClients.Counts sofar = clients.counts();
            long nanos = System.nanoTime();
            long serverTicks = ProcStats.cpuTicks(serverPid);
            long loadTicks = ProcStats.cpuTicks(ProcessHandle.current().pid());
            double seconds = (nanos - nanosBefore) / 1e9;
            LatencyHistogram slice = sofar.latency().since(before);
            this.seconds.add(JsonObject.builder()
                    .put("atS", round(atSeconds, 2))
                    .put("updates", JsonNumber.of(sofar.updates() - updatesBefore))
                    .put("p50", round(slice.percentileMs(0.5), 3)).put("p99", round(slice.percentileMs(0.99), 3))
                    .put("max", round(slice.maxMs(), 3))
                    .put("cpuServer", round((serverTicks - serverTicksBefore) * 100.0 / ProcStats.TICKS_PER_SECOND / seconds, 0))
                    .put("cpuLoad", round((loadTicks - loadTicksBefore) * 100.0 / ProcStats.TICKS_PER_SECOND / seconds, 0))
                    .build());
            before = sofar.latency();
            updatesBefore = sofar.updates();
            nanosBefore = nanos;
            serverTicksBefore = serverTicks;
            loadTicksBefore = loadTicks;
        }

        /** The clients' counters started again from zero. */
        void windowStarted() {
            before = new LatencyHistogram();
            updatesBefore = 0;
        }
    }

    /**
     * HTTP client for the JDK-client connections of the bench tools (the load tool's controller, the idle test's JDK
     * clients): one selector thread, which also runs the callbacks. The measured clients use {@link RawLoadClients}.
     */
    static HttpClient sharedHttpClient() {
        // Callbacks run on the client's selector thread: no hand-off to another thread per frame (on the load tool's
        // one core a hand-off cost ~0.4 ms at p50 and ~1.3 ms at p99 when the measured clients were JDK clients).
        // The callbacks only apply a frame under the client's lock; they never block.
        return HttpClient.newBuilder().executor(Runnable::run).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Asks the server for a full GC and its live heap; returns bytes (or -1). */
    static long heapSample(TandemClient<World> controller, long request) throws Exception {
        controller.setServer(controller.read(world -> world.control), Map.of("heapSampleRequest", request))
                .get(30, TimeUnit.SECONDS);
        return controller.read(world -> world.control.get(Control.HEAP_SAMPLE) == request
                ? world.control.get(Control.HEAP_USED_BYTES) : -1L);
    }

    private static JsonValue round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return JsonNull.INSTANCE;
        }
        double scale = Math.pow(10, digits);
        return JsonNumber.of(Math.round(value * scale) / scale);
    }
}
