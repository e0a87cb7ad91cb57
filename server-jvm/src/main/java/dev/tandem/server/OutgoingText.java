package dev.tandem.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One text frame on its way out, shared by every connection that sends it: the text, and its UTF-8 bytes encoded
 * once, on first use, for all of them (each connection writes a read-only view of the same bytes).
 */
final class OutgoingText {
    private final String text;
    private volatile ByteBuffer utf8;

    OutgoingText(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** A fresh read-only view of the shared UTF-8 bytes (its position is this caller's own). */
    ByteBuffer bytes() {
        ByteBuffer encoded = utf8;
        if (encoded == null) {
            encoded = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
            utf8 = encoded;
        }
        return encoded.duplicate();
    }

    int length() {
        return text.length();
    }
}
