package dev.tandem.server;

import static dev.tandem.server.TestServers.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.server.fixtures.TestBoard;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket framing the endpoint handles itself (it is a Jetty core frame handler): a text message split into
 * frames is one command, binary messages are refused, pings are answered, and a message over the size limit (1009)
 * or not UTF-8 (1007) closes that connection.
 */
class FramingTest {
    private TandemServer<TestBoard> server;
    private WebSocket socket;
    private final Frames frames = new Frames();

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(server.webSocketUri(), frames)
                .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        assertTrue(frames.next().startsWith("{\"event\":\"initial\""), "the initial state comes first");
    }

    @AfterEach
    void stop() {
        socket.abort();
        server.close();
    }

    @Test
    void aTextMessageInSeveralFramesIsOneCommand() throws Exception {
        socket.sendText("{\"event\":", false).join();
        socket.sendText("\"explode\",", false).join();
        socket.sendText("\"ref\":\"é-r\"}", true).join();
        String answer = frames.next();
        assertTrue(answer.contains("\"code\":\"unknown-event\"") && answer.contains("\"ref\":\"é-r\""), answer);
    }

    @Test
    void aBinaryMessageIsRefusedAndTheConnectionStaysOpen() throws Exception {
        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2}), false).join();
        socket.sendBinary(ByteBuffer.wrap(new byte[] {3}), true).join();
        String refused = frames.next();
        assertTrue(refused.contains("\"code\":\"bad-message\""), refused);
        socket.sendText("{\"event\":\"explode\",\"ref\":\"after\"}", true).join();
        String answer = frames.next();
        assertTrue(answer.contains("\"ref\":\"after\""), answer);
    }

    @Test
    void aPingIsAnsweredWithItsPayload() throws Exception {
        socket.sendPing(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8))).join();
        assertEquals("hello", frames.pong.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void aMessageOverTheLimitInSeveralFramesClosesWith1009() throws Exception {
        String part = "a".repeat(ServerLimits.MAX_TEXT_MESSAGE_BYTES / 2 + 1);
        socket.sendText("{\"event\":\"set\",\"x\":\"" + part, false).join();
        socket.sendText(part, false).join();
        assertEquals(1009, frames.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, awaitConnections(0), "the server forgot the connection");
    }

    @Test
    void aTextMessageThatIsNotUtf8ClosesWith1007() throws Exception {
        try (Socket raw = new Socket("127.0.0.1", server.port())) {
            raw.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = raw.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(raw.getInputStream());
            assertTrue(readHead(in).startsWith("HTTP/1.1 101"), "upgraded");
            // One masked text frame (FIN, opcode 1) holding 0xC3 0x28: a two-byte sequence with a bad second byte.
            byte[] mask = {1, 2, 3, 4};
            byte[] payload = {(byte) 0xC3, 0x28};
            out.write(new byte[] {(byte) 0x81, (byte) (0x80 | payload.length)});
            out.write(mask);
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ mask[i % 4]);
            }
            out.flush();
            assertEquals(1007, closeCode(in));
        }
    }

    private int awaitConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int count;
        while ((count = server.authority().connectionCount()) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return count;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
    }

    /** Reads (unmasked) server frames, skipping data frames, up to the close frame; returns its status code. */
    private static int closeCode(DataInputStream in) throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int lengthCode = in.readUnsignedByte() & 0x7f;
            long length = lengthCode == 126 ? in.readUnsignedShort() : lengthCode == 127 ? in.readLong() : lengthCode;
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            if ((first & 0x0f) == 0x8) {
                return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
            }
        }
    }

    /** Collects text messages, the first pong and the close code. */
    private static final class Frames implements WebSocket.Listener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<String> pong = new CompletableFuture<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        String next() throws InterruptedException {
            String text = texts.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(text != null, "a message arrived");
            return text;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pong.complete(StandardCharsets.UTF_8.decode(message).toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
