package dev.tandem.bench;

import dev.tandem.bench.model.World;
import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.client.jvm.TandemClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Idle memory: connects N clients that only listen to a running {@link BenchServer} (driver stopped, so nothing
 * changes), and reports the server's live heap after a full GC (through the {@link dev.tandem.bench.model.Control}
 * model, as {@link LoadTool} does) and its RSS, before and with the clients connected.
 *
 * <p>The idle clients are raw WebSockets by default ({@code --idleClient raw}): plain non-blocking sockets on one
 * selector thread that do the RFC 6455 upgrade by hand (the accept key is checked), then read and discard frames,
 * counting per client that the first frame is the complete initial state ({@code {"event":"initial",...}}). They
 * apply nothing, which is all an idle client does; the server cannot tell them from {@link TandemClient} (the same
 * URL, {@code ?batch=1}, the same frames). {@code --idleClient jdk} uses the JDK's java.net.http WebSocket instead
 * (what TandemClient runs on, without a replica), to compare the load side's cost. The one controlling connection
 * is a real TandemClient.
 *
 * <pre>java -cp tandem-bench.jar dev.tandem.bench.IdleTest --port 2567 --clients 10000 --serverPid PID
 *     [--out idle_tandem.json] [--hardLimit 100] [--connectLimit 60] [--idleClient raw|jdk]
 *     [--histoOut histo.txt]   (also writes the server's class histogram, jcmd GC.class_histogram, with clients on)
 *     [--dumpOut heap.hprof]   (and a heap dump of the server, jcmd GC.heap_dump, for finding what holds memory)
 *     [--keepServer]           (does not tell the server to exit at the end)</pre>
 */
public final class IdleTest {
    /** After the last initial state arrived: time for the server's write callbacks and queues to settle. */
    static final long SETTLE_MILLIS = 1500;

    public static void main(String[] args) throws Exception {
        BenchProcess.run(args, "idle", 100, arguments -> new IdleTest().run(arguments));
    }

    JsonObject run(Arguments arguments) throws Exception {
        int port = arguments.integer("port", 2567);
        int clients = arguments.integer("clients", 10_000);
        long serverPid = Long.parseLong(arguments.text("serverPid", "-1"));
        long connectLimitNanos = TimeUnit.SECONDS.toNanos(arguments.integer("connectLimit", 60));
        String idleClient = arguments.text("idleClient", "raw");
        String histoOut = arguments.text("histoOut", null);
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        HttpClient http = LoadTool.sharedHttpClient();

        TandemClient<World> controller = TandemClient.connect(uri, new World(), http);
        Thread.sleep(500);
        long heapBefore = LoadTool.heapSample(controller, 1);
        long rssBefore = ProcStats.rssKiB(serverPid);
        long loadRssBefore = ProcStats.rssKiB(ProcessHandle.current().pid());

        IdleClients idle = switch (idleClient) {
            case "raw" -> new RawIdleClients(port);
            case "jdk" -> new JdkIdleClients(http, uri);
            default -> throw new IllegalArgumentException("--idleClient raw|jdk, not " + idleClient);
        };
        long connectStart = System.nanoTime();
        idle.connect(clients, connectStart + connectLimitNanos);
        long connectMs = (System.nanoTime() - connectStart) / 1_000_000;
        Thread.sleep(SETTLE_MILLIS);

        long heapIdle = LoadTool.heapSample(controller, 2);
        long rssIdle = ProcStats.rssKiB(serverPid);
        long loadRss = ProcStats.rssKiB(ProcessHandle.current().pid());
        String histogram = histoOut == null ? null : classHistogram(serverPid, Path.of(histoOut));
        String dumpOut = arguments.text("dumpOut", null);
        if (dumpOut != null) {
            jcmd(serverPid, Path.of(dumpOut + ".log"), "GC.heap_dump", Path.of(dumpOut).toAbsolutePath().toString());
        }
        int stillOpen = idle.open();
        int initialStates = idle.initialStates();
        List<String> errors = idle.errors();
        int joined = idle.joined();

        if (!arguments.flag("keepServer")) {
            try {
                controller.setServer(controller.read(world -> world.control), Map.of("shutdown", true))
                        .get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the server exits right after answering; a lost answer does not matter
            }
        }
        idle.stop();

        int counted = Math.max(1, initialStates);
        JsonObject.Builder out = JsonObject.builder()
                .put("system", JsonString.of("tandem"))
                .put("test", JsonString.of("idle"))
                .put("clients", JsonNumber.of(clients))
                .put("joined", JsonNumber.of(joined))
                .put("initialStateReceived", JsonNumber.of(initialStates))
                .put("stillOpenAtEnd", JsonNumber.of(stillOpen))
                .put("errors", JsonNumber.of(errors.size()))
                .put("idleClient", JsonString.of(idle.description()))
                .put("connectMs", JsonNumber.of(connectMs))
                .put("serverHeapKiB", JsonObject.builder()
                        .put("beforeClients", JsonNumber.of(heapBefore / 1024))
                        .put("idleClients", JsonNumber.of(heapIdle / 1024)).build())
                .put("heapPerIdleClientKiB", round((heapIdle - heapBefore) / 1024.0 / counted, 2))
                .put("serverRssKiB", JsonObject.builder()
                        .put("beforeClients", JsonNumber.of(rssBefore))
                        .put("idleClients", JsonNumber.of(rssIdle)).build())
                .put("rssPerIdleClientKiB", round((rssIdle - rssBefore) / (double) counted, 2))
                .put("loadRssKiB", JsonObject.builder()
                        .put("beforeClients", JsonNumber.of(loadRssBefore))
                        .put("idleClients", JsonNumber.of(loadRss)).build())
                .put("heapMethod", JsonString.of("server: System.gc() (-XX:+UseSerialGC: a full collection), then "
                        + "totalMemory - freeMemory; per client = (idle - before) / initialStateReceived"));
        if (histogram != null) {
            out.put("histogramTop", JsonString.of(histogram));
        }
        List<JsonValue> samples = new ArrayList<>();
        for (String error : errors.subList(0, Math.min(5, errors.size()))) {
            samples.add(JsonString.of(error));
        }
        out.put("errorSamples", JsonArray.of(samples));
        return out.build();
    }

    /** {@code jcmd PID GC.class_histogram} (a full GC: live objects only) to {@code file}; returns its top lines. */
    private static String classHistogram(long pid, Path file) {
        String failed = jcmd(pid, file, "GC.class_histogram");
        if (failed != null) {
            return failed;
        }
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(0, Math.min(lines.size(), 25)));
        } catch (IOException e) {
            return "reading " + file + " failed: " + e;
        }
    }

    /** Runs {@code jcmd PID command...} with its output to {@code file}, bounded in time; null or what failed. */
    private static String jcmd(long pid, Path file, String... command) {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return "jcmd timed out";
            }
            return null;
        } catch (IOException e) {
            return "jcmd failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static JsonValue round(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return JsonNull.INSTANCE;
        }
        double scale = Math.pow(10, digits);
        return JsonNumber.of(Math.round(value * scale) / scale);
    }
}
