package dev.tandem.server;

import dev.tandem.json.JsonCodec;
import dev.tandem.model.BaseModel;
import dev.tandem.json.jackson.JacksonJsonCodec;
import dev.tandem.protocol.Protocol;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * An embedded Jetty 12 server holding one authoritative model tree: static files at {@code /}, protocol v1 at
 * {@code /ws}. Starting one takes a root model and a few lines:
 * <pre>{@code
 * TandemServer<Board> server = TandemServer.builder(new Board()).port(8080).staticResources("static").start();
 * server.authority().every(1000, board -> board.set(Board.SERVER_TIME, System.currentTimeMillis()));
 * }</pre>
 * Clients get the whole tree on connect and every change after; their commands go through the
 * {@link Authority}. The handshake ({@link Authenticator}, origin check) refuses before upgrading.
 */
public final class TandemServer<R extends BaseModel> implements AutoCloseable {
    private final Server jetty;
    private final Authority<R> authority;

    private TandemServer(Server jetty, Authority<R> authority) {
        this.jetty = jetty;
        this.authority = authority;
    }

    public static <R extends BaseModel> Builder<R> builder(R root) {
        return new Builder<>(root);
    }

    /** The tree's authority: {@code update}, {@code every} and {@code call} run on its thread. */
    public Authority<R> authority() {
        return authority;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** Network connections Jetty holds open now (upgraded or not): what tests check to see a connection really cut. */
    int openConnections() {
        return ((ServerConnector) jetty.getConnectors()[0]).getConnectedEndPoints().size();
    }

    /** {@code ws://localhost:PORT/ws} */
    public URI webSocketUri() {
        return URI.create("ws://localhost:" + port() + Protocol.PATH);
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty failed", e);
        } finally {
            authority.stop();
        }
    }

    /** Configuration with sensible defaults: port 8080 on all interfaces, anonymous users, same-origin pages. */
    public static final class Builder<R extends BaseModel> {
        private final R root;
        private String host;
        private int port = 8080;
        private String staticResources;
        private Authenticator authenticator = Authenticator.ANONYMOUS;
        private final Set<String> extraOrigins = new LinkedHashSet<>();
        private ConnectionListener<R> onConnect;
        private ConnectionListener<R> onDisconnect;
        private JsonCodec codec = new JacksonJsonCodec();
        private long coalesceMillis;

        private Builder(R root) {
            this.root = root;
        }

        /** The port to listen on; 0 picks a free one. */
        public Builder<R> port(int value) {
            port = value;
            return this;
        }

        /** The interface to bind, e.g. "127.0.0.1"; default all. */
        public Builder<R> host(String value) {
            host = value;
            return this;
        }

        /** A classpath folder served at {@code /} (e.g. "static", holding index.html and the client bundle). */
        public Builder<R> staticResources(String classpathFolder) {
            staticResources = classpathFolder;
            return this;
        }

        public Builder<R> authenticator(Authenticator value) {
            authenticator = value;
            return this;
        }

        /** Also accept WebSocket connections from pages of these origins, e.g. "http://localhost:5173". */
        public Builder<R> allowOrigin(String origin) {
            extraOrigins.add(origin);
            return this;
        }

        /** Runs on the authority thread after a client got its initial state. */
        public Builder<R> onConnect(ConnectionListener<R> listener) {
            onConnect = listener;
            return this;
        }

        /** Runs on the authority thread after a client's connection closed. */
        public Builder<R> onDisconnect(ConnectionListener<R> listener) {
            onDisconnect = listener;
            return this;
        }

        /**
         * Sends changes in ticks of {@code millis} (1 … {@link ServerLimits#MAX_COALESCE_MILLIS}) instead of as soon
         * as each task ends: fewer, larger frames for apps that prefer Colyseus-style patch ticks. Every change is
         * still sent (none are merged) and a command's answer still follows its changes. Default 0: immediate.
         */
        public Builder<R> coalesceMillis(long millis) {
            if (millis < 0 || millis > ServerLimits.MAX_COALESCE_MILLIS) {
                throw new IllegalArgumentException("coalesceMillis must be 0 (immediate) to "
                        + ServerLimits.MAX_COALESCE_MILLIS + ", got " + millis);
            }
            coalesceMillis = millis;
            return this;
        }

        public Builder<R> codec(JsonCodec value) {
            codec = value;
            return this;
        }

        public TandemServer<R> start() {
            Authority<R> authority = new Authority<>(root, codec, onConnect, onDisconnect, coalesceMillis);
            Server jetty = new Server();
            ServerConnector connector = new ServerConnector(jetty);
            connector.setPort(port);
            connector.setHost(host);
            jetty.addConnector(connector);

            ContextHandler context = new ContextHandler("/");
            OriginPolicy origins = new OriginPolicy(extraOrigins);
            AtomicLong connectionIds = new AtomicLong();
            JsonCodec frames = codec;
            Authenticator users = authenticator;
            // Jetty's core WebSocket API (see TandemWebSocket for why not its endpoint API), on the server's buffer
            // pool and executor.
            WebSocketUpgradeHandler webSocket = new WebSocketUpgradeHandler(
                    WebSocketServerComponents.ensureWebSocketComponents(jetty, context), upgrades -> {
                upgrades.getConfiguration().setMaxTextMessageSize(ServerLimits.MAX_TEXT_MESSAGE_BYTES);
                upgrades.getConfiguration().setIdleTimeout(ServerLimits.IDLE_TIMEOUT);
                upgrades.addMapping(Protocol.PATH, (request, response, callback) -> {
                    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
                    if (!origins.allows(origin, request.getHeaders().get(HttpHeader.HOST))) {
                        Response.writeError(request, response, callback, 403, "origin not allowed: " + origin);
                        return null;
                    }
                    long connectionId = connectionIds.incrementAndGet();
                    String user = users.authenticate(request, connectionId);
                    if (user == null) {
                        Response.writeError(request, response, callback, 403, "not authenticated");
                        return null;
                    }
                    boolean batching = "1".equals(org.eclipse.jetty.server.Request.extractQueryParameters(request)
                            .getValue(Protocol.BATCH_PARAMETER));
                    return new TandemWebSocket(authority, frames, new ClientInfo(connectionId, user), batching);
                });
            });
            Handler content = staticHandler(jetty);
            if (content != null) {
                webSocket.setHandler(content);
            }
            context.setHandler(webSocket);
            jetty.setHandler(context);
            try {
                jetty.start();
            } catch (Exception e) {
                authority.stop();
                throw new IllegalStateException("Jetty failed to start on port " + port + ": " + e.getMessage(), e);
            }
            return new TandemServer<>(jetty, authority);
        }

        private Handler staticHandler(Server jetty) {
            if (staticResources == null) {
                return null;
            }
            ResourceHandler files = new ResourceHandler();
            var base = ResourceFactory.of(jetty).newClassLoaderResource(staticResources);
            if (base == null) {
                throw new IllegalArgumentException("no classpath folder \"" + staticResources + "\" to serve");
            }
            files.setBaseResource(base);
            files.setWelcomeFiles("index.html");
            files.setDirAllowed(false);
            return files;
        }
    }
}
