package dev.tandem.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client WebSocket on a caller-run {@link Selector}, as thin as a load process can make it: the RFC 6455
 * upgrade written by hand ({@code GET <path>}, accept key checked), then frame headers parsed in place and each
 * payload handed to {@link #payload} straight from the shared read buffer. It never sends frames (load clients only
 * receive). Used by the idle test (payloads discarded, nothing held) and by the load tool (payloads applied).
 *
 * <p>Why not the JDK's client: {@code java.net.http.WebSocket} costs about 100 KiB per connection and, at
 * N = 100, E = 10, R = 100, a quarter of the load process's CPU in its reader pipeline (a JFR profile), work that sits
 * between the server and the replica being measured. Touched only by the selector thread.
 */
abstract class RawWebSocket {
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** The longest HTTP response head accepted for the upgrade. */
    static final int MAX_RESPONSE_HEAD_BYTES = 512;
    static final int OPCODE_TEXT = 0x1;
    static final int OPCODE_CLOSE = 0x8;

    final SocketChannel channel;
    final long startedNanos = System.nanoTime();
    private final String request;
    private SelectionKey key;
    private ByteBuffer pendingRequest;
    private String expectedAccept;
    /** The response head while upgrading (null after). */
    private byte[] head = new byte[MAX_RESPONSE_HEAD_BYTES];
    private int headLength;
    private boolean upgraded;
    /** The frame header being read: 2 to 14 bytes. */
    private final byte[] frameHeader = new byte[14];
    private int frameHeaderLength;
    private long payloadLeft;
    /** The current frame is a ping or pong: its payload is skipped, not handed on (it may come between fragments). */
    private boolean controlFrame;
    private boolean failed;
    private boolean gone;

    /** Opens a non-blocking connection to {@code address} and registers it with {@code selector}. */
    RawWebSocket(Selector selector, java.net.InetSocketAddress address, String path) throws IOException {
        this.request = "GET " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        this.channel = SocketChannel.open();
        channel.configureBlocking(false);
        boolean connected = channel.connect(address);
        key = channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, this);
    }

    /** The upgrade succeeded. */
    abstract void upgraded();

    /** {@code length} bytes of the current frame's payload, at {@code buffer}'s position; consume exactly those. */
    abstract void payload(ByteBuffer buffer, int length);

    /** The current frame ended ({@code fin}: it was the last of its message). */
    abstract void frameEnded(int opcode, boolean fin);

    /** The connection ended: {@code error} says why it failed, or is null when it was closed (by either side). */
    abstract void ended(String error);

    final boolean failed() {
        return failed;
    }

    final boolean gone() {
        return gone;
    }

    /** Handles what the selector reported for this connection, reading into {@code readBuffer}. */
    final void ready(SelectionKey selected, ByteBuffer readBuffer) {
        try {
            if (!selected.isValid()) {
                return;
            }
            if (selected.isConnectable()) {
                channel.finishConnect();
                selected.interestOps(SelectionKey.OP_WRITE);
                return;
            }
            if (selected.isWritable()) {
                if (pendingRequest == null) {
                    pendingRequest = upgradeRequest();
                }
                channel.write(pendingRequest);
                if (!pendingRequest.hasRemaining()) {
                    pendingRequest = null;
                    selected.interestOps(SelectionKey.OP_READ);
                }
                return;
            }
            if (selected.isReadable()) {
                readBuffer.clear();
                int n = channel.read(readBuffer);
                if (n < 0) {
                    end(null);
                    return;
                }
                readBuffer.flip();
                if (!upgraded) {
                    readHead(readBuffer);
                }
                if (upgraded) {
                    readFrames(readBuffer);
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(e.toString());
        }
    }

    private ByteBuffer upgradeRequest() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String nonceText = Base64.getEncoder().encodeToString(nonce);
        expectedAccept = accept(nonceText);
        return ByteBuffer.wrap(String.format(request, nonceText).getBytes(StandardCharsets.US_ASCII));
    }

    /** Collects the HTTP response head up to the blank line; then checks the upgrade. */
    private void readHead(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            if (headLength == head.length) {
                fail("response head longer than " + head.length + " bytes");
                return;
            }
            head[headLength++] = buffer.get();
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
                upgraded();
                return;
            }
        }
    }

    /** Walks frame headers and hands payloads on, as far as the buffer goes. */
    private void readFrames(ByteBuffer buffer) {
        while (buffer.hasRemaining() && !gone) {
            if (payloadLeft > 0) {
                int take = (int) Math.min(payloadLeft, buffer.remaining());
                int end = buffer.position() + take;
                if (!controlFrame) {
                    payload(buffer, take);
                }
                buffer.position(end);
                payloadLeft -= take;
                if (payloadLeft == 0) {
                    frameDone();
                }
                continue;
            }
            frameHeader[frameHeaderLength++] = buffer.get();
            if (frameHeaderLength < 2) {
                continue;
            }
            int lengthCode = frameHeader[1] & 0x7f;
            boolean masked = (frameHeader[1] & 0x80) != 0;
            int need = 2 + (lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0) + (masked ? 4 : 0);
            if (frameHeaderLength < need) {
                continue;
            }
            if (masked) {
                fail("the server sent a masked frame");
                return;
            }
            long length = lengthCode < 126 ? lengthCode : 0;
            if (lengthCode == 126) {
                length = ((frameHeader[2] & 0xffL) << 8) | (frameHeader[3] & 0xffL);
            } else if (lengthCode == 127) {
                for (int i = 2; i < 10; i++) {
                    length = (length << 8) | (frameHeader[i] & 0xffL);
                }
            }
            int opcode = frameHeader[0] & 0x0f;
            if (opcode == OPCODE_CLOSE) {
                end(null);
                return;
            }
            controlFrame = opcode >= OPCODE_CLOSE; // ping or pong (a load client never answers pings)
            payloadLeft = length;
            if (payloadLeft == 0) {
                frameDone();
            }
        }
    }

    private void frameDone() {
        frameHeaderLength = 0;
        if (!controlFrame) {
            frameEnded(frameHeader[0] & 0x0f, (frameHeader[0] & 0x80) != 0);
        }
    }

    /** Ends the connection as failed with {@code reason} (reported once). */
    final void fail(String reason) {
        if (failed || gone) {
            return;
        }
        failed = true;
        end(reason);
    }

    private void end(String error) {
        if (gone) {
            return;
        }
        gone = true;
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
        ended(error);
    }

    /** Closes the connection without a close handshake (the load is over). */
    final void abort() {
        end(null);
    }

    static String accept(String nonce) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((nonce + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
