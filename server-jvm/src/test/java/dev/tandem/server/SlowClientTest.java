package dev.tandem.server;

import static dev.tandem.server.TestServers.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.client.jvm.TandemClient;
import dev.tandem.server.fixtures.TestBoard;
import dev.tandem.server.fixtures.TestCard;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading is dropped once its backlog passes {@link ServerLimits#MAX_QUEUED_MESSAGES_PER_CLIENT},
 * and nobody else waits for it: a normal client on the same server keeps receiving every change meanwhile.
 */
class SlowClientTest {
    /** About 2 KB per change, so the stuck client's backlog is many megabytes, past any TCP buffer. */
    private static final String NOTE = "n".repeat(2_000);
    /** Changes broadcast between two catch-ups of the normal client: well under the per-client queue limit. */
    private static final int BATCH = 1_000;
    /**
     * Upper bound on the flood: 40,000 changes of 2 KB = 80 MB, far more than the queue limit (about 8 MB here) plus
     * TCP buffers (a few MB on loopback). The flood stops early once the server has dropped the stuck client.
     */
    private static final int MAX_BATCHES = 40;

    private TandemServer<TestBoard> server;
    private TandemClient<TestBoard> normal;
    private WebSocket stuck;
    private final AtomicInteger framesToStuck = new AtomicInteger();
    private final CountDownLatch stuckGotInitialState = new CountDownLatch(1);

    @BeforeEach
    void start() {
        server = TestServers.start();
        normal = TestServers.client(server);
        stuck = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(server.webSocketUri(), new StopsReading()).orTimeout(WAIT.toMillis(),
                        TimeUnit.MILLISECONDS).join();
    }

    @AfterEach
    void stop() {
        stuck.abort();
        normal.close();
        server.close();
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndNobodyElseWaitsForIt() throws Exception {
        assertTrue(stuckGotInitialState.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the stuck client connected");
        assertEquals(2, server.authority().connectionCount());

        int change = 0;
        for (int batch = 0; batch < MAX_BATCHES && server.authority().connectionCount() == 2; batch++) {
            for (int i = 0; i < BATCH; i++) {
                String note = change++ + NOTE;
                server.authority().update(board -> board.cards.at(0).set(TestCard.NOTE, note));
            }
            // The normal client keeps up batch by batch while the stuck one falls ever further behind.
            normal.awaitSeq(seqAfterQueuedUpdates(), WAIT);
        }

        awaitConnectionCount(1);
        assertTrue(framesToStuck.get() <= 3, "the stuck client read no more than it asked for");
        assertFalse(normal.closed().isDone(), "the normal client is still connected");

        long last = seqAfterQueuedUpdates();
        normal.awaitSeq(last, WAIT);
        assertEquals(last, normal.seq());
        assertEquals(TestServers.serverXport(server), normal.xportText());
        assertEquals((change - 1) + NOTE, normal.read(board -> board.cards.at(0).get(TestCard.NOTE)));

        // Not just forgotten by the authority: the connection itself is cut (the stuck client never reads the close
        // frame, so the close timeout ends it), and only the normal client's remains open. Checked on the server's
        // side: how soon the stuck client would find out depends on how fast it reads through megabytes of buffered
        // frames, which on a busy 2-core machine took over a minute.
        awaitOpenConnections(1);
        assertFalse(normal.closed().isDone(), "the normal client is still connected");
    }

    private void awaitOpenConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos() + ServerLimits.CLOSE_TIMEOUT.toNanos();
        while (server.openConnections() != expected) {
            assertTrue(System.nanoTime() < deadline, "Jetty still holds " + server.openConnections()
                    + " connections, expected " + expected);
            Thread.sleep(20);
        }
    }

    /** The authority's seq once every update queued so far has run. */
    private long seqAfterQueuedUpdates() {
        return server.authority().call(board -> server.authority().seq());
    }

    private void awaitConnectionCount(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.authority().connectionCount() != expected) {
            assertTrue(System.nanoTime() < deadline, "connection count still " + server.authority()
                    .connectionCount() + " after " + WAIT + ", expected " + expected);
            Thread.sleep(20);
        }
    }

    /** Takes the initial state and two more frames, then never calls {@code request} again. */
    private final class StopsReading implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            int frames = last ? framesToStuck.incrementAndGet() : framesToStuck.get();
            if (frames == 1) {
                stuckGotInitialState.countDown();
            }
            if (frames < 3) {
                webSocket.request(1);
            }
            return null;
        }
    }
}
