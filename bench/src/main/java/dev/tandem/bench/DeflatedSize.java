package dev.tandem.bench;

import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * What a frame stream would weigh on the wire with permessage-deflate (RFC 7692) as Jetty and browsers negotiate it
 * by default: one raw DEFLATE stream per direction kept across messages (context takeover), each message ended with
 * a sync flush whose trailing {@code 00 00 ff ff} is not sent. The JDK's WebSocket client cannot negotiate the
 * extension, so the load tool computes the compressed size of the frames it received, exactly as the server's
 * deflater would produce them.
 */
final class DeflatedSize {
    /** The tail of a sync flush, which permessage-deflate removes from every message. */
    private static final int SYNC_FLUSH_TAIL = 4;

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final byte[] buffer = new byte[64 * 1024];
    private long bytes;

    /** Compresses one message's payload and adds its wire size. */
    void add(String text) {
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        long produced = 0;
        int written;
        do {
            written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            produced += written;
        } while (written == buffer.length);
        bytes += produced - SYNC_FLUSH_TAIL;
    }

    /** Starts counting again; the compression context (what earlier messages taught the deflater) stays. */
    void reset() {
        bytes = 0;
    }

    long bytes() {
        return bytes;
    }
}
