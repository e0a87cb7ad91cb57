package dev.tandem.server;

import static dev.tandem.server.TestServers.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.server.client.TandemClient;
import dev.tandem.server.fixtures.TestBoard;
import dev.tandem.server.fixtures.TestCard;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
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
    /** How the stuck client's connection ended, as it sees it once it reads again: "close CODE" or "error ...". */
    private final CompletableFuture<String> stuckEnded = new CompletableFuture<>();

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

    /** Bound for the stuck client to read through what its buffers hold and see the connection end. */
    private static final long READ_THROUGH_SECONDS = 60;

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

        // Not just forgotten by the authority: the connection itself is gone, as the stuck client finds out as soon
        // as it reads on through what its buffers still hold.
        stuck.request(Long.MAX_VALUE);
        // Reading through megabytes of buffered frames on a busy 2-core machine can take a while: a generous bound.
        String ended = stuckEnded.get(READ_THROUGH_SECONDS, TimeUnit.SECONDS);
        assertTrue(ended.startsWith("close") || ended.startsWith("error"), ended);
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

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            stuckEnded.complete("close " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            stuckEnded.complete("error " + error);
        }
    }
}
