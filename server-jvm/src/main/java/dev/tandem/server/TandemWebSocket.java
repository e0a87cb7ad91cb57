package dev.tandem.server;

import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonValue;
import dev.tandem.json.MalformedJsonException;
import dev.tandem.sync.Protocol;
import dev.tandem.sync.ServerMessages;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The WebSocket endpoint of one connection: where client frames enter. It decodes each frame on Jetty's thread
 * (so the authority only applies) and hands it to the {@link Authority}; it never blocks Jetty. Public because
 * Jetty calls it reflectively.
 */
public final class TandemWebSocket implements Session.Listener.AutoDemanding {
    private final Authority<?> authority;
    private final JsonCodec codec;
    private final ClientInfo info;
    private final boolean batching;
    private ClientConnection connection;

    TandemWebSocket(Authority<?> authority, JsonCodec codec, ClientInfo info, boolean batching) {
        this.authority = authority;
        this.codec = codec;
        this.info = info;
        this.batching = batching;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        connection = new ClientConnection(session, info, batching);
        authority.connect(connection);
    }

    @Override
    public void onWebSocketText(String text) {
        JsonValue command;
        try {
            command = codec.decode(text);
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
    public void onWebSocketBinary(java.nio.ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
        callback.succeed();
        refuse(null, Protocol.BAD_MESSAGE, "protocol v1 uses text frames only");
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        if (connection != null) {
            connection.closed();
            authority.disconnect(connection);
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Jetty closes the session after an error and then calls onWebSocketClose, which cleans up.
    }
}
