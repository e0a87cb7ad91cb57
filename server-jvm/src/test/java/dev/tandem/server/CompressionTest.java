package dev.tandem.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.server.fixtures.TestBoard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The server compresses with permessage-deflate (RFC 7692) for clients that offer it, as browsers do, and speaks
 * uncompressed to clients that do not. Bytes on the wire are part of the product's promise, so the negotiation is
 * checked here rather than assumed from Jetty's defaults.
 */
class CompressionTest {

    @Test
    void aClientOfferingPermessageDeflateGetsIt() throws IOException {
        try (TandemServer<TestBoard> server = TestServers.start()) {
            String response = handshake(server, "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");
            assertTrue(response.startsWith("HTTP/1.1 101"), response);
            assertTrue(response.toLowerCase().contains("sec-websocket-extensions: permessage-deflate"), response);
        }
    }

    @Test
    void aClientOfferingNothingGetsPlainFrames() throws IOException {
        try (TandemServer<TestBoard> server = TestServers.start()) {
            String response = handshake(server, "");
            assertTrue(response.startsWith("HTTP/1.1 101"), response);
            assertFalse(response.toLowerCase().contains("sec-websocket-extensions"), response);
        }
    }

    /** Sends an upgrade request by hand and returns the response head. */
    private static String handshake(TandemServer<TestBoard> server, String extraHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.write(next);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }
}
