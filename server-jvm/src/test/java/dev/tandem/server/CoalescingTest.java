package dev.tandem.server;

import static dev.tandem.server.TestServers.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.client.jvm.TandemClient;
import dev.tandem.server.fixtures.TestBoard;
import dev.tandem.server.fixtures.TestCard;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With a coalescing window, changes from separate tasks leave together at the tick; nothing is lost or merged. */
class CoalescingTest {
    /** Long enough that three quick updates fall into one window on a slow machine. */
    private static final long WINDOW_MILLIS = 400;

    @Test
    void changesOfSeveralTasksLeaveInOneFrameAtTheTick() throws Exception {
        TestBoard board = new TestBoard();
        try (TandemServer<TestBoard> server = TandemServer.builder(board).host("127.0.0.1").port(0)
                .coalesceMillis(WINDOW_MILLIS).start()) {
            server.authority().call(tree -> {
                tree.cards.add(TestCard.of("first"));
                return null;
            });
            try (TandemClient<TestBoard> batching = TandemClient.connect(server.webSocketUri(), new TestBoard());
                    TandemClient<TestBoard> plain = TandemClient.connect(
                            URI.create(server.webSocketUri() + "?batch=0"), new TestBoard())) {
                List<String> batchedFrames = new CopyOnWriteArrayList<>();
                List<String> plainFrames = new CopyOnWriteArrayList<>();
                batching.onText(batchedFrames::add);
                plain.onText(plainFrames::add);
                long before = server.authority().seq();
                server.authority().update(tree -> tree.set(TestBoard.TITLE, "one"));
                server.authority().update(tree -> tree.set(TestBoard.SERVER_TIME, 2L));
                server.authority().update(tree -> tree.cards.at(0).set(TestCard.VOTES, 3L));
                batching.awaitSeq(before + 3, WAIT);
                plain.awaitSeq(before + 3, WAIT);
                assertEquals(1, batchedFrames.size(), "one frame at the tick: " + batchedFrames);
                assertEquals(3, plainFrames.size(), "plain clients still get one message per frame");
                String expected = TestServers.serverXport(server);
                assertEquals(expected, batching.xportText());
                assertEquals(expected, plain.xportText());
            }
        }
    }

    @Test
    void aCommandsAnswerStillFollowsItsChangeAndNewClientsGetAConsistentStart() throws Exception {
        try (TandemServer<TestBoard> server = TandemServer.builder(new TestBoard()).host("127.0.0.1").port(0)
                .coalesceMillis(WINDOW_MILLIS).start()) {
            try (TandemClient<TestBoard> client = TestServers.client(server)) {
                server.authority().update(tree -> tree.set(TestBoard.SERVER_TIME, 7L)); // waits for the tick
                client.setServer(client.read(tree -> tree), Map.of("title", "asked")).get(WAIT.toSeconds(),
                        TimeUnit.SECONDS);
                assertEquals("asked", client.read(tree -> tree.get(TestBoard.TITLE)), "the ack came after the change");
                server.authority().update(tree -> tree.set(TestBoard.SERVER_TIME, 8L)); // pending when the next joins
                try (TandemClient<TestBoard> late = TestServers.client(server)) {
                    late.awaitSeq(server.authority().seq(), WAIT);
                    client.awaitSeq(server.authority().seq(), WAIT);
                    assertEquals(TestServers.serverXport(server), late.xportText());
                    assertEquals(TestServers.serverXport(server), client.xportText());
                }
            }
        }
    }

    @Test
    void aWindowOutsideTheLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TandemServer.builder(new TestBoard())
                .coalesceMillis(ServerLimits.MAX_COALESCE_MILLIS + 1));
        assertThrows(IllegalArgumentException.class, () -> TandemServer.builder(new TestBoard()).coalesceMillis(-1));
    }
}
