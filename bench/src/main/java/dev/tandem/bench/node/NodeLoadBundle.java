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
 * <p>JavaScript is single-threaded: the counters are plain static fields, shared by every client of the process.
 */
public final class NodeLoadBundle {
    private static final LatencyHistogram LATENCY = new LatencyHistogram();
    private static boolean measuring;
    private static double updates;

    private NodeLoadBundle() {
    }

    public static void main(String[] args) {
        // Nothing runs on load; load.js calls the exported functions.
    }

    /**
     * Connects one client to {@code url} (which should ask for {@code batch=1}, as browsers do). A {@code counted}
     * client's entity changes go into the shared counters while measuring; the controller is not counted.
     */
    @JSExport
    public static JsClient connect(String url, boolean counted) {
        World world = new World();
        if (counted) {
            world.entities.on("change", event -> {
                if (measuring) {
                    updates++;
                    LATENCY.record(nowMs() - ((Entity) event.model()).get(Entity.TS));
                }
            });
        }
        return new JsClient(BrowserClient.connect(world, url));
    }

    /** Starts or stops counting (the measurement window). */
    @JSExport
    public static void measure(boolean on) {
        measuring = on;
    }

    /** Entity updates applied by counted clients while measuring, summed over clients. */
    @JSExport
    public static double updates() {
        return updates;
    }

    /** Latency quantile {@code p} (0 … 1) in ms over every counted client, or NaN without samples. */
    @JSExport
    public static double latencyPercentileMs(double p) {
        return LATENCY.percentileMs(p);
    }

    @JSExport
    public static double latencyMaxMs() {
        return LATENCY.maxMs();
    }

    @JSExport
    public static double latencySamples() {
        return LATENCY.samples();
    }

    /** Samples whose latency came out negative (clock steps); they are counted as 0. */
    @JSExport
    public static double latencyNegative() {
        return LATENCY.negative();
    }

    @JSBody(script = "return performance.timeOrigin + performance.now();")
    private static native double nowMs();
}
