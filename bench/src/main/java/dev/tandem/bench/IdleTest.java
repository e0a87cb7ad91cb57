package dev.tandem.bench;

import dev.tandem.bench.model.World;
import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.server.client.TandemClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** Upgrades in flight at once. */
    static final int CONNECT_CONCURRENCY = 100;
    /** A client that has not received its initial state this long after its connect started counts as an error. */
    static final long CLIENT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);
    /** After the last initial state arrived: time for the server's write callbacks and queues to settle. */
    static final long SETTLE_MILLIS = 1500;
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] INITIAL_PREFIX = "{\"event\":\"initial\"".getBytes(StandardCharsets.US_ASCII);

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
            case "raw" -> new RawClients(port);
            case "jdk" -> new JdkClients(http, uri);
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

    /** A set of idle connections. */
    private interface IdleClients {
        /** Opens {@code count} connections and returns when each got its initial state, failed, or the deadline. */
        void connect(int count, long deadlineNanos) throws Exception;

        /** Connections whose upgrade succeeded. */
        int joined();

        /** Connections whose first message was the complete initial state. */
        int initialStates();

        /** Connections not closed (by either side) now. */
        int open();

        List<String> errors();

        String description();

        void stop();
    }

    // ------------------------------------------------------------------------------------------------ raw clients

    /**
     * Raw WebSocket clients on one selector thread: upgrade by hand, then parse frame headers only to find the end
     * of the first message (checked to be the initial state) and to notice a close; every payload is discarded.
     */
    private static final class RawClients implements IdleClients {
        private final InetSocketAddress address;
        private final String hostHeader;
        private final Selector selector;
        private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
        private final List<Raw> all = new ArrayList<>();
        private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger joined = new AtomicInteger();
        private final AtomicInteger initialStates = new AtomicInteger();
        private final AtomicInteger closed = new AtomicInteger();
        private volatile boolean running = true;
        private Thread loop;

        RawClients(int port) throws IOException {
            this.address = new InetSocketAddress("127.0.0.1", port);
            this.hostHeader = "127.0.0.1:" + port;
            this.selector = Selector.open();
        }

        @Override
        public String description() {
            return "raw: java.nio sockets on one selector thread; RFC 6455 upgrade by hand (GET /ws?batch=1, accept "
                    + "key checked), then frames read and discarded; each client's first message checked to be the "
                    + "complete initial state; nothing applied (idle clients have nothing to apply)";
        }

        @Override
        public void connect(int count, long deadlineNanos) throws Exception {
            CompletableFuture<Void> done = new CompletableFuture<>();
            loop = new Thread(() -> {
                try {
                    runLoop(count, deadlineNanos, done);
                } catch (Throwable t) {
                    errors.add("selector loop: " + t);
                    done.complete(null);
                }
            }, "idle-selector");
            loop.setDaemon(true);
            loop.start();
            done.get();
        }

        private void runLoop(int count, long deadlineNanos, CompletableFuture<Void> done) throws IOException {
            int started = 0;
            int inFlight = 0;
            List<Raw> connecting = new ArrayList<>();
            while (running) {
                if (!done.isDone()) {
                    long now = System.nanoTime();
                    while (started < count && inFlight < CONNECT_CONCURRENCY && now < deadlineNanos) {
                        Raw raw = openOne();
                        started++;
                        if (raw != null) {
                            inFlight++;
                            connecting.add(raw);
                        }
                    }
                }
                selector.select(50);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Raw raw = (Raw) key.attachment();
                    try {
                        raw.ready(key);
                    } catch (IOException | RuntimeException e) {
                        raw.fail(e.toString());
                    }
                }
                if (!done.isDone()) {
                    long now = System.nanoTime();
                    for (Iterator<Raw> it = connecting.iterator(); it.hasNext(); ) {
                        Raw raw = it.next();
                        if (raw.firstMessageDone || raw.failed) {
                            it.remove();
                            inFlight--;
                        } else if (now - raw.startedNanos > CLIENT_TIMEOUT_NANOS || now > deadlineNanos) {
                            raw.fail("no initial state within the time limit");
                            it.remove();
                            inFlight--;
                        }
                    }
                    if (connecting.isEmpty() && (started >= count || now >= deadlineNanos)) {
                        if (started < count) {
                            errors.add("connect deadline: " + (count - started) + " clients not started");
                        }
                        done.complete(null);
                    }
                }
            }
        }

        private Raw openOne() {
            try {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                Raw raw = new Raw(channel);
                all.add(raw);
                if (channel.connect(address)) {
                    raw.key = channel.register(selector, SelectionKey.OP_WRITE, raw);
                } else {
                    raw.key = channel.register(selector, SelectionKey.OP_CONNECT, raw);
                }
                return raw;
            } catch (IOException e) {
                errors.add("open: " + e);
                return null;
            }
        }

        @Override
        public int joined() {
            return joined.get();
        }

        @Override
        public int initialStates() {
            return initialStates.get();
        }

        @Override
        public int open() {
            return all.size() - closed.get();
        }

        @Override
        public List<String> errors() {
            synchronized (errors) {
                return new ArrayList<>(errors);
            }
        }

        @Override
        public void stop() {
            running = false;
            selector.wakeup();
            try {
                loop.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Raw raw : all) {
                try {
                    raw.channel.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }

        /** One raw connection; touched only by the selector thread. */
        private final class Raw {
            final SocketChannel channel;
            final long startedNanos = System.nanoTime();
            SelectionKey key;
            ByteBuffer request;
            String expectedAccept;
            /** The response head while upgrading (null after). */
            byte[] head = new byte[512];
            int headLength;
            boolean upgraded;
            /** The frame header being read: 2 to 14 bytes. */
            final byte[] frameHeader = new byte[14];
            int frameHeaderLength;
            long payloadLeft;
            int frames;
            /** The first message: its leading bytes, to check it is the initial state. */
            final byte[] prefix = new byte[INITIAL_PREFIX.length];
            int prefixLength;
            boolean firstMessageDone;
            boolean failed;
            boolean gone;

            Raw(SocketChannel channel) {
                this.channel = channel;
            }

            void ready(SelectionKey key) throws IOException {
                if (!key.isValid()) {
                    return;
                }
                if (key.isConnectable()) {
                    channel.finishConnect();
                    key.interestOps(SelectionKey.OP_WRITE);
                    return;
                }
                if (key.isWritable()) {
                    if (request == null) {
                        request = upgradeRequest();
                    }
                    channel.write(request);
                    if (!request.hasRemaining()) {
                        request = null;
                        key.interestOps(SelectionKey.OP_READ);
                    }
                    return;
                }
                if (key.isReadable()) {
                    readBuffer.clear();
                    int n = channel.read(readBuffer);
                    if (n < 0) {
                        gone(firstMessageDone ? null : "closed by the server before the initial state");
                        return;
                    }
                    readBuffer.flip();
                    if (!upgraded) {
                        readHead();
                    }
                    if (upgraded) {
                        readFrames();
                    }
                }
            }

            private ByteBuffer upgradeRequest() {
                byte[] nonce = new byte[16];
                ThreadLocalRandom.current().nextBytes(nonce);
                String key = Base64.getEncoder().encodeToString(nonce);
                expectedAccept = accept(key);
                String text = "GET /ws?batch=1 HTTP/1.1\r\nHost: " + hostHeader + "\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
                return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
            }

            /** Collects the HTTP response head up to the blank line; then checks the upgrade. */
            private void readHead() {
                while (readBuffer.hasRemaining()) {
                    if (headLength == head.length) {
                        fail("response head longer than " + head.length + " bytes");
                        return;
                    }
                    head[headLength++] = readBuffer.get();
                    if (headLength >= 4 && head[headLength - 4] == '\r' && head[headLength - 3] == '\n'
                            && head[headLength - 2] == '\r' && head[headLength - 1] == '\n') {
                        String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
                        head = null;
                        if (!text.startsWith("HTTP/1.1 101")) {
                            fail("upgrade refused: " + text.lines().findFirst().orElse(""));
                            return;
                        }
                        boolean acceptOk = text.lines().anyMatch(line -> line.regionMatches(true, 0,
                                "Sec-WebSocket-Accept:", 0, 21) && line.substring(21).trim().equals(expectedAccept));
                        if (!acceptOk) {
                            fail("wrong or missing Sec-WebSocket-Accept");
                            return;
                        }
                        upgraded = true;
                        joined.incrementAndGet();
                        return;
                    }
                }
            }

            /** Walks frame headers, skipping payloads; the first message's first bytes are kept for the check. */
            private void readFrames() {
                while (readBuffer.hasRemaining() && !failed && !gone) {
                    if (payloadLeft > 0) {
                        int take = (int) Math.min(payloadLeft, readBuffer.remaining());
                        if (!firstMessageDone && frames == 1) {
                            while (prefixLength < prefix.length && take > 0) {
                                prefix[prefixLength++] = readBuffer.get();
                                take--;
                                payloadLeft--;
                            }
                        }
                        readBuffer.position(readBuffer.position() + take);
                        payloadLeft -= take;
                        if (payloadLeft == 0) {
                            frameEnded();
                        }
                        continue;
                    }
                    frameHeader[frameHeaderLength++] = readBuffer.get();
                    if (frameHeaderLength < 2) {
                        continue;
                    }
                    int lengthCode = frameHeader[1] & 0x7f;
                    boolean masked = (frameHeader[1] & 0x80) != 0;
                    int need = 2 + (lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0) + (masked ? 4 : 0);
                    if (frameHeaderLength < need) {
                        continue;
                    }
                    long length = lengthCode < 126 ? lengthCode : 0;
                    if (lengthCode == 126) {
                        length = ((frameHeader[2] & 0xffL) << 8) | (frameHeader[3] & 0xffL);
                    } else if (lengthCode == 127) {
                        for (int i = 2; i < 10; i++) {
                            length = (length << 8) | (frameHeader[i] & 0xffL);
                        }
                    }
                    frames++;
                    int opcode = frameHeader[0] & 0x0f;
                    if (opcode == 0x8) {
                        gone(firstMessageDone ? null : "close frame before the initial state");
                        return;
                    }
                    if (frames == 1 && opcode != 0x1) {
                        fail("first frame is not text (opcode " + opcode + ")");
                        return;
                    }
                    payloadLeft = length;
                    if (payloadLeft == 0) {
                        frameEnded();
                    }
                }
            }

            /** The frame whose header is in {@code frameHeader} was read to its end. */
            private void frameEnded() {
                boolean fin = (frameHeader[0] & 0x80) != 0;
                frameHeaderLength = 0;
                if (!firstMessageDone && fin) {
                    firstMessageDone = true;
                    if (prefixLength == prefix.length && java.util.Arrays.equals(prefix, INITIAL_PREFIX)) {
                        initialStates.incrementAndGet();
                    } else {
                        fail("first message is not the initial state: "
                                + new String(prefix, 0, prefixLength, StandardCharsets.UTF_8));
                    }
                }
            }

            void fail(String reason) {
                if (failed) {
                    return;
                }
                failed = true;
                errors.add(reason);
                gone(null);
            }

            private void gone(String reason) {
                if (reason != null && !failed) {
                    failed = true;
                    errors.add(reason);
                }
                if (gone) {
                    return;
                }
                gone = true;
                closed.incrementAndGet();
                if (key != null) {
                    key.cancel();
                }
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }

    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ JDK clients

    /** The JDK's WebSocket client, one per idle connection, over the shared HttpClient; messages discarded. */
    private static final class JdkClients implements IdleClients {
        private final HttpClient http;
        private final URI uri;
        private final List<WebSocket> sockets = Collections.synchronizedList(new ArrayList<>());
        private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger initialStates = new AtomicInteger();
        private final AtomicInteger closed = new AtomicInteger();

        JdkClients(HttpClient http, URI uri) {
            this.http = http;
            this.uri = URI.create(uri + "?batch=1");
        }

        @Override
        public String description() {
            return "jdk: java.net.http WebSocket (what TandemClient runs on) over one shared HttpClient, messages "
                    + "discarded after checking the first is the initial state";
        }

        @Override
        public void connect(int count, long deadlineNanos) throws Exception {
            Semaphore slots = new Semaphore(CONNECT_CONCURRENCY);
            ConcurrentLinkedQueue<CompletableFuture<?>> all = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < count && System.nanoTime() < deadlineNanos; i++) {
                if (!slots.tryAcquire(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                CompletableFuture<Void> first = new CompletableFuture<>();
                first.whenComplete((ok, error) -> slots.release());
                all.add(first);
                http.newWebSocketBuilder().buildAsync(uri, new Discard(first))
                        .orTimeout(CLIENT_TIMEOUT_NANOS, TimeUnit.NANOSECONDS)
                        .whenComplete((socket, error) -> {
                            if (error != null) {
                                errors.add("connect: " + error);
                                first.complete(null);
                            } else {
                                sockets.add(socket);
                            }
                        });
                first.orTimeout(CLIENT_TIMEOUT_NANOS, TimeUnit.NANOSECONDS).exceptionally(e -> {
                    errors.add("no initial state: " + e);
                    return null;
                });
            }
            for (CompletableFuture<?> future : all) {
                long left = deadlineNanos - System.nanoTime();
                try {
                    future.get(Math.max(1, left), TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // counted by the listener or the timeout above
                }
            }
        }

        private final class Discard implements WebSocket.Listener {
            private final CompletableFuture<Void> first;
            private final StringBuilder head = new StringBuilder();
            private boolean firstDone;

            Discard(CompletableFuture<Void> first) {
                this.first = first;
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                if (!firstDone) {
                    if (head.length() < INITIAL_PREFIX.length) {
                        head.append(data, 0, Math.min(data.length(), INITIAL_PREFIX.length - head.length()));
                    }
                    if (last) {
                        firstDone = true;
                        if (head.toString().equals(new String(INITIAL_PREFIX, StandardCharsets.US_ASCII))) {
                            initialStates.incrementAndGet();
                        } else {
                            errors.add("first message is not the initial state: " + head);
                        }
                        first.complete(null);
                    }
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.incrementAndGet();
                first.complete(null);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.incrementAndGet();
                errors.add("error: " + error);
                first.complete(null);
            }
        }

        @Override
        public int joined() {
            return sockets.size();
        }

        @Override
        public int initialStates() {
            return initialStates.get();
        }

        @Override
        public int open() {
            return sockets.size() - closed.get();
        }

        @Override
        public List<String> errors() {
            synchronized (errors) {
                return new ArrayList<>(errors);
            }
        }

        @Override
        public void stop() {
            synchronized (sockets) {
                for (WebSocket socket : sockets) {
                    socket.abort();
                }
            }
        }
    }
}
