package dev.tandem.server;

import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonValue;
import dev.tandem.json.MalformedJsonException;
import dev.tandem.protocol.Protocol;
import dev.tandem.protocol.ServerMessages;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Utf8StringBuilder;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;

/**
 * The WebSocket endpoint of one connection: where client frames enter. It assembles each text message from its
 * frames, decodes it on Jetty's thread (so the authority only applies) and hands it to the {@link Authority}; it never
 * blocks Jetty.
 *
 * <p>It is a Jetty core {@link FrameHandler}, not an endpoint of Jetty's WebSocket API: that API's session keeps the
 * upgrade request and response for the connection's whole life, and in Jetty 12.1 they still reach the whole HTTP
 * exchange (request headers, parser, channel state): about 4.5 KiB of heap per idle client. The core session keeps
 * only what the WebSocket needs. What the API layer did for us is here: text messages assembled (at most
 * {@link ServerLimits#MAX_TEXT_MESSAGE_BYTES}, else 1009; invalid UTF-8 closes with 1007), pings answered, and the
 * next frame demanded after each one.
 */
final class TandemWebSocket implements FrameHandler {
    private final Authority<?> authority;
    private final JsonCodec codec;
    private final ClientInfo info;
    private final boolean batching;
    private CoreSession session;
    private ClientConnection connection;
    /** The text message being assembled (null between messages, so an idle connection holds no buffer). */
    private Utf8StringBuilder text;
    /** Bytes of the text message so far. */
    private long textBytes;
    /** A binary message is being skipped (its continuation frames are not text). */
    private boolean inBinary;

    TandemWebSocket(Authority<?> authority, JsonCodec codec, ClientInfo info, boolean batching) {
        this.authority = authority;
        this.codec = codec;
        this.info = info;
        this.batching = batching;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        session = coreSession;
        connection = new ClientConnection(coreSession, info, batching);
        authority.connect(connection);
        callback.succeeded();
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        switch (frame.getOpCode()) {
            case OpCode.TEXT -> {
                inBinary = false;
                textFrame(frame, callback);
            }
            case OpCode.CONTINUATION -> {
                if (inBinary) {
                    binaryFrame(frame, callback);
                } else {
                    textFrame(frame, callback);
                }
            }
            case OpCode.BINARY -> {
                inBinary = true;
                binaryFrame(frame, callback);
            }
            case OpCode.PING -> {
                Frame pong = new Frame(OpCode.PONG).setPayload(frame.hasPayload() ? BufferUtil.copy(frame.getPayload())
                        : BufferUtil.EMPTY_BUFFER);
                session.sendFrame(pong, Callback.NOOP, false);
                callback.succeeded();
                session.demand();
            }
            case OpCode.CLOSE -> callback.succeeded(); // the session answers the close and then calls onClosed
            default -> { // PONG
                callback.succeeded();
                session.demand();
            }
        }
    }

    private void textFrame(Frame frame, Callback callback) {
        textBytes += frame.getPayloadLength();
        long max = session.getMaxTextMessageSize();
        if (max > 0 && textBytes > max) {
            text = null;
            textBytes = 0;
            callback.failed(new MessageTooLargeException("text message too large: more than " + max + " bytes"));
            return;
        }
        try {
            if (text == null) {
                text = new Utf8StringBuilder(Math.max(16, frame.getPayloadLength()));
            }
            if (frame.hasPayload()) {
                text.append(frame.getPayload());
            }
            if (frame.isFin()) {
                String message = text.takeCompleteString(() -> new BadPayloadException("invalid UTF-8"));
                text = null;
                textBytes = 0;
                received(message);
            }
        } catch (Throwable failure) { // the session closes with the failure's status (1007 for invalid UTF-8)
            text = null;
            textBytes = 0;
            callback.failed(failure);
            return;
        }
        callback.succeeded();
        session.demand();
    }

    /** Protocol v1 is text only: a binary message is skipped, then refused once whole. */
    private void binaryFrame(Frame frame, Callback callback) {
        callback.succeeded();
        if (frame.isFin()) {
            inBinary = false;
            refuse(null, Protocol.BAD_MESSAGE, "protocol v1 uses text frames only");
        }
        session.demand();
    }

    private void received(String message) {
        JsonValue command;
        try {
            command = codec.decode(message);
        } catch (MalformedJsonException malformed) {
            refuse(null, Protocol.MALFORMED_JSON, "not JSON: " + malformed.getMessage());
            return;
        }
        if (!connection.admitCommand()) {
            refuse(command instanceof JsonObject object ? object.get(Protocol.REF) : null, Protocol.OVERLOADED,
                    "more than " + ServerLimits.MAX_PENDING_COMMANDS_PER_CLIENT + " commands are waiting; slow down");
            return;
        }
        authority.command(connection, command);
    }

    /**
     * Answers a frame refused before it reached the authority, straight from this thread: it changed nothing, so it
     * needs no place in the order of changes, and it costs the authority's queue nothing.
     */
    private void refuse(JsonValue ref, String code, String message) {
        connection.send(codec.encode(ServerMessages.error(ref, code, message)));
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        // The session closes itself after an error (1009, 1007, 1002, ...) and then calls onClosed, which cleans up.
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        text = null;
        if (connection != null) {
            connection.closed();
            authority.disconnect(connection);
        }
        callback.succeeded();
    }
}
