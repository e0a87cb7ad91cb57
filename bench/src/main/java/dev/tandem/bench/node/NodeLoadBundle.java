package dev.tandem.bench.node;

import dev.tandem.bench.LatencyHistogram;
import dev.tandem.bench.model.Entity;
import dev.tandem.bench.model.World;
import dev.tandem.client.BrowserClient;
import dev.tandem.client.js.JsClient;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;

/**
 * The Tandem half of the Node load tool ({@code bench/node/load.js}), compiled by TeaVM into
 * {@code target/node/tandem-load.js}. Each client is the browser client itself ({@link BrowserClient}, the code a
 * page runs, over the {@code ws} package's WebSocket), keeping a real {@link World} replica: every change is decoded
 * and applied to a model tree, and counted when the entity's {@code change} event fires, exactly as the JVM
 * {@code LoadTool} counts. Latency = the client clock at the event − the entity's {@code ts}; the clock is the one
 * the Colyseus harness's load.js uses ({@code performance.timeOrigin + performance.now()}), and the histogram has
 * its buckets ({@link LatencyHistogram}).
 *
 * <p>Why a Node load tool next to the JVM one: the Colyseus harness loads its server from one Node process. Measuring
 * Tandem from the same kind of process takes the load runtime out of the comparison (the JVM load tool's own
 * per-frame cost and pauses are in its figures; see docs/benchmarks.md).
 *
 * <p>JavaScript is single-threaded: the counters are plain static fields, shared by every client of the process. They
 * count from the first update on and start again from zero when the window opens ({@link #startWindow()}), so the
 * counting code is already optimised by then (as in the JVM load tool).
 */
public final class NodeLoadBundle {
    private static LatencyHistogram latency = new LatencyHistogram();
    private static double updates;
    /** What the last window counted (see {@link #endWindow()}). */
    private static LatencyHistogram windowLatency = new LatencyHistogram();
    private static double windowUpdates;

    private NodeLoadBundle() {
    }

    public static void main(String[] args) {
        // Nothing runs on load; load.js calls the exported functions.
    }

    /**
     * Connects one client to {@code url} (which should ask for {@code batch=1}, as browsers do). A {@code counted}
     * client's entity changes go into the shared counters; the controller is not counted.
     */
    @JSExport
    public static JsClient connect(String url, boolean counted) {
        World world = new World();
        if (counted) {
            world.entities.on("change", event -> {
                updates++;
                latency.record(nowMs() - ((Entity) event.model()).get(Entity.TS));
            });
        }
        return new JsClient(BrowserClient.connect(world, url));
    }

    /** Opens the measurement window: the counters start again from zero. */
    @JSExport
    public static void startWindow() {
        latency = new LatencyHistogram();
        updates = 0;
    }

    /** Closes the window: what was counted since {@link #startWindow()} is kept for the accessors below. */
    @JSExport
    public static void endWindow() {
        windowLatency = latency;
        windowUpdates = updates;
        latency = new LatencyHistogram();
        updates = 0;
    }

    /** Entity updates applied by counted clients in the window, summed over clients. */
    @JSExport
    public static double updates() {
        return windowUpdates;
    }

    /** Latency quantile {@code p} (0 … 1) in ms over every counted client in the window, or NaN without samples. */
    @JSExport
    public static double latencyPercentileMs(double p) {
        return windowLatency.percentileMs(p);
    }

    @JSExport
    public static double latencyMaxMs() {
        return windowLatency.maxMs();
    }

    @JSExport
    public static double latencySamples() {
        return windowLatency.samples();
    }

    /** Samples whose latency came out negative (clock steps); they are counted as 0. */
    @JSExport
    public static double latencyNegative() {
        return windowLatency.negative();
    }

    @JSBody(script = "return performance.timeOrigin + performance.now();")
    private static native double nowMs();
}
