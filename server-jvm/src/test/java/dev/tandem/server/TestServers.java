package dev.tandem.server;

import dev.tandem.client.jvm.TandemClient;
import dev.tandem.server.fixtures.TestBoard;
import dev.tandem.server.fixtures.TestCard;
import dev.tandem.json.jackson.JacksonJsonCodec;
import java.time.Duration;

/** Starts a server on a free port holding a {@link TestBoard} with two cards, and connects clients to it. */
final class TestServers {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final JacksonJsonCodec CODEC = new JacksonJsonCodec();

    private TestServers() {
    }

    static TandemServer<TestBoard> start() {
        TestBoard board = new TestBoard();
        board.set(TestBoard.TITLE, "Sprint");
        TandemServer<TestBoard> server = TandemServer.builder(board).host("127.0.0.1").port(0).start();
        server.authority().call(tree -> {
            tree.cards.add(TestCard.of("first"));
            tree.cards.add(TestCard.of("second"));
            return null;
        });
        return server;
    }

    static TandemClient<TestBoard> client(TandemServer<TestBoard> server) {
        return TandemClient.connect(server.webSocketUri(), new TestBoard());
    }

    static String serverXport(TandemServer<TestBoard> server) {
        return server.authority().call(tree -> CODEC.encode(tree.xport()));
    }
}
