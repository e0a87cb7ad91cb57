package dev.tandem.bench;

import dev.tandem.bench.jmh.ServerFrames;
import dev.tandem.json.jackson.JacksonJsonCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stand-in server on loopback for {@link ClientWarmup}: it answers a WebSocket upgrade, sends the scenario's
 * initial state and then pre-made frames of the scenario's changes ({@link ServerFrames}, the server's own texts,
 * framed as the server frames them) as fast as the client reads them, over and over. The frames are made once; each connection gets them from
 * its own thread with blocking writes.
 *
 * <p>Why not warm up on the real server: that would warm the system under test too, which the Colyseus side does
 * not get. This warms only the measuring instrument, through every step its clients take (socket reads, frame
 * parsing, decoding, applying, the latency record), so that the JIT's profiles are the ones of the real run.
 */
final class WarmupFrameServer implements AutoCloseable {
    /** Batch frames made for the ring; after them a seq reset, and the ring starts again. */
    static final int RING_FRAMES = 400;
    /** The upgrade request is read up to this size; the load tool's requests are far smaller. */
    static final int MAX_REQUEST_BYTES = 8192;

    private final ServerSocketChannel listener;
    private final byte[] initialFrame;
    private final List<byte[]> ring = new ArrayList<>();
    private final List<SocketChannel> connections = new ArrayList<>();
    private volatile boolean open = true;

    WarmupFrameServer(int entitiesPerStep) throws IOException {
        ServerFrames frames = new ServerFrames(new JacksonJsonCodec());
        initialFrame = textFrame(frames.initial());
        // Frames as the server sends them: the control change that starts the driver (one message, unbatched),
        // then one frame per step, unbatched at E = 1; and the change that stops it. Any kind of frame the warm-up
        // leaves out is a branch the JIT has not seen, and the first one in the run throws compiled code away
        // (found with -XX:+LogCompilation: an uncommon trap on the unbatched control change at the driver's start).
        ring.add(textFrame(frames.frame(frames.controlChange(entitiesPerStep, 100.0, true))));
        for (int i = 0; i < RING_FRAMES; i++) {
            ring.add(textFrame(frames.frame(frames.step(entitiesPerStep))));
        }
        ring.add(textFrame(frames.frame(frames.controlChange(entitiesPerStep, 100.0, false))));
        // seq back to 0 at the end of the ring, so that the ring's first frame (seqs from 1 on) is in step again
        ring.add(textFrame(frames.text(frames.seqReset())));
        listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        Thread acceptor = new Thread(this::acceptAll, "warmup-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() throws IOException {
        return ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    @Override
    public void close() throws IOException {
        open = false;
        listener.close();
        synchronized (connections) {
            for (SocketChannel connection : connections) {
                connection.close();
            }
        }
    }

    private void acceptAll() {
        try {
            while (open) {
                SocketChannel connection = listener.accept();
                synchronized (connections) {
                    connections.add(connection);
                }
                Thread sender = new Thread(() -> serve(connection), "warmup-sender");
                sender.setDaemon(true);
                sender.start();
            }
        } catch (IOException closed) {
            // close() ended the warm-up
        }
    }

    private void serve(SocketChannel connection) {
        try {
            String key = upgradeKey(connection);
            write(connection, ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + RawWebSocket.accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            write(connection, initialFrame);
            while (open) {
                for (byte[] frame : ring) {
                    write(connection, frame);
                }
            }
        } catch (IOException closed) {
            // the client or close() ended it
        }
    }

    /** Reads the upgrade request up to its blank line; returns its Sec-WebSocket-Key. */
    private static String upgradeKey(SocketChannel connection) throws IOException {
        ByteBuffer request = ByteBuffer.allocate(MAX_REQUEST_BYTES);
        String text = "";
        while (!text.contains("\r\n\r\n")) {
            if (!request.hasRemaining() || connection.read(request) < 0) {
                throw new IOException("no complete upgrade request");
            }
            text = new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII);
        }
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new IOException("upgrade request without Sec-WebSocket-Key");
    }

    private static void write(SocketChannel connection, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            connection.write(buffer);
        }
    }

    /** One unmasked, final text frame (RFC 6455 §5.2), as a server sends it. */
    static byte[] textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int n = payload.length;
        int header = n < 126 ? 2 : n < 65536 ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + n);
        frame.put((byte) 0x81);
        if (n < 126) {
            frame.put((byte) n);
        } else if (n < 65536) {
            frame.put((byte) 126).putShort((short) n);
        } else {
            frame.put((byte) 127).putLong(n);
        }
        return frame.put(payload).array();
    }
}
