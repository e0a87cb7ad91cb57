package dev.tandem.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Raw WebSocket clients on one selector thread: upgrade by hand, then parse frame headers only to find the end
 * of the first message (checked to be the initial state) and to notice a close; every payload is discarded.
 */
final class RawIdleClients extends IdleClients {
private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final InetSocketAddress address;
    private final String hostHeader;
    private final Selector selector;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final List<Raw> all = new ArrayList<>();
    private final AtomicInteger joined = new AtomicInteger();
    private volatile boolean running = true;
    private Thread loop;

    RawIdleClients(int port) throws IOException {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.hostHeader = "127.0.0.1:" + port;
        this.selector = Selector.open();
    }

    @Override
    String description() {
        return "raw: java.nio sockets on one selector thread; RFC 6455 upgrade by hand (GET /ws?batch=1, accept "
                + "key checked), then frames read and discarded; each client's first message checked to be the "
                + "complete initial state; nothing applied (idle clients have nothing to apply)";
    }

    @Override
    void connect(int count, long deadlineNanos) throws Exception {
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
    int joined() {
        return joined.get();
    }


    @Override
    int open() {
        return all.size() - closed.get();
    }


    @Override
    void stop() {
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

    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
