package dev.tandem.server;

import static dev.tandem.server.TestServers.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.client.jvm.TandemClient;
import dev.tandem.server.fixtures.TestBoard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The WebSocket handshake decides before upgrading: a page from a foreign origin, or a client the
 * {@link Authenticator} does not name, gets a plain HTTP 403 and never becomes a connection.
 */
class HandshakeTest {
    private static final String TOKEN = "X-Tandem-Token";

    @ParameterizedTest(name = "Origin: {0}")
    @ValueSource(strings = {"http://evil.example", "http://localhost:5173", "https://localhost", "null"})
    void anOriginFromAnotherSiteIsRefusedWith403(String origin) {
        try (TandemServer<TestBoard> server = start(TandemServer.builder(new TestBoard()))) {
            assertEquals(403, refusal(open(server, "localhost", Map.of("Origin", origin))));
            assertEquals(0, server.authority().connectionCount());
        }
    }

    @Test
    void theSameHostOnAnotherPortIsAnotherOriginAndRefused() {
        try (TandemServer<TestBoard> server = start(TandemServer.builder(new TestBoard()))) {
            String origin = "http://localhost:" + (server.port() == 65535 ? 65534 : server.port() + 1);
            assertEquals(403, refusal(open(server, "localhost", Map.of("Origin", origin))));
        }
    }

    @Test
    void anOriginNamingAnotherHostThanTheHostHeaderIsRefused() {
        try (TandemServer<TestBoard> server = start(TandemServer.builder(new TestBoard()))) {
            // Host: 127.0.0.1:PORT, Origin: localhost — the same machine, but not the same origin as far as a
            // browser is concerned.
            assertEquals(403, refusal(open(server, "127.0.0.1", Map.of("Origin", "http://localhost:" + server.port()))));
        }
    }

    @ParameterizedTest(name = "ws://{0}:PORT with Origin http://{0}:PORT")
    @ValueSource(strings = {"127.0.0.1", "localhost"})
    void aPageOfTheServersOwnOriginIsAccepted(String host) throws Exception {
        try (TandemServer<TestBoard> server = start(TandemServer.builder(new TestBoard()))) {
            Opened opened = open(server, host, Map.of("Origin", "http://" + host + ":" + server.port()));
            assertInitialState(opened);
            opened.socket().join().abort();
        }
    }

    @Test
    void aClientThatSendsNoOriginIsAccepted() {
        try (TandemServer<TestBoard> server = start(TandemServer.builder(new TestBoard()));
                TandemClient<TestBoard> client = TandemClient.connect(server.webSocketUri(), new TestBoard())) {
            assertEquals(TestServers.serverXport(server), client.xportText());
            assertEquals(1, server.authority().connectionCount());
        }
    }

    @Test
    void anExtraAllowedOriginIsAccepted() throws Exception {
        try (TandemServer<TestBoard> server = start(TandemServer.builder(new TestBoard())
                .allowOrigin("http://localhost:5173"))) {
            Opened opened = open(server, "localhost", Map.of("Origin", "http://localhost:5173"));
            assertInitialState(opened);
            opened.socket().join().abort();
            assertEquals(403, refusal(open(server, "localhost", Map.of("Origin", "http://localhost:5174"))),
                    "only the listed origin");
        }
    }

    @Test
    void anAuthenticatorReturningNullRefusesTheConnectionWith403() {
        List<ClientInfo> connected = new CopyOnWriteArrayList<>();
        try (TandemServer<TestBoard> server = start(TandemServer.builder(new TestBoard())
                .authenticator((request, connectionId) -> null)
                .onConnect((root, client) -> connected.add(client)))) {
            assertEquals(403, refusal(open(server, "localhost", Map.of())));
            assertEquals(0, server.authority().connectionCount());
            assertEquals(List.of(), connected);
        }
    }

    @Test
    void theUserTheAuthenticatorNamesIsTheUserTheServerSees() throws Exception {
        List<ClientInfo> connected = new CopyOnWriteArrayList<>();
        try (TandemServer<TestBoard> server = start(TandemServer.builder(new TestBoard())
                .authenticator((request, connectionId) -> switch (String.valueOf(request.getHeaders().get(TOKEN))) {
                    case "secret-of-alice" -> "alice";
                    case "secret-of-bob" -> "bob";
                    default -> null;
                })
                .onConnect((root, client) -> connected.add(client)))) {
            Opened alice = open(server, "localhost", Map.of(TOKEN, "secret-of-alice"));
            assertInitialState(alice);
            assertEquals(403, refusal(open(server, "localhost", Map.of(TOKEN, "a guess"))));
            Opened bob = open(server, "localhost", Map.of(TOKEN, "secret-of-bob"));
            assertInitialState(bob);
            // onConnect runs on the authority thread after the initial state was queued; call() waits past it.
            assertEquals(2, server.authority().connectionCount());
            assertEquals(List.of("alice", "bob"), connected.stream().map(ClientInfo::user).toList());
            assertEquals(2, connected.stream().map(ClientInfo::connectionId).distinct().count());
            alice.socket().join().abort();
            bob.socket().join().abort();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static TandemServer<TestBoard> start(TandemServer.Builder<TestBoard> builder) {
        return builder.host("127.0.0.1").port(0).start();
    }

    /** A raw JDK WebSocket to ws://HOST:PORT/ws with extra handshake headers, and its first frame. */
    private record Opened(CompletableFuture<WebSocket> socket, CompletableFuture<String> firstFrame) {
    }

    private static Opened open(TandemServer<TestBoard> server, String host, Map<String, String> headers) {
        CompletableFuture<String> firstFrame = new CompletableFuture<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        headers.forEach(builder::header);
        URI uri = URI.create("ws://" + host + ":" + server.port() + "/ws");
        CompletableFuture<WebSocket> socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    firstFrame.complete(text.toString());
                }
                webSocket.request(1);
                return null;
            }
        }).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return new Opened(socket, firstFrame);
    }

    /** The HTTP status with which the server refused the upgrade. */
    private static int refusal(Opened opened) {
        CompletionException failure = assertThrows(CompletionException.class, () -> opened.socket().join(),
                "the handshake should have been refused");
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class,
                failure.getCause(), "refused by the server, not failed otherwise");
        return refused.getResponse().statusCode();
    }

    private static void assertInitialState(Opened opened) throws Exception {
        opened.socket().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String frame = opened.firstFrame().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonObject initial = (JsonObject) TestServers.CODEC.decode(frame);
        assertEquals("initial", ((JsonString) initial.get("event")).value(), frame);
    }
}
