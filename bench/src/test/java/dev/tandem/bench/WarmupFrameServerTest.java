package dev.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupFrameServerTest {
    private static final int E = 10;

    @Test
    void clientsTakeTheRingOverAndOverInStep() throws Exception {
        takeTheRingThreeTimes(E);
    }

    @Test
    void atOneChangePerStepTheFramesAreSingleMessagesAsTheServerSendsThem() throws Exception {
        takeTheRingThreeTimes(1);
    }

    private static void takeTheRingThreeTimes(int entitiesPerStep) throws Exception {
        try (WarmupFrameServer server = new WarmupFrameServer(entitiesPerStep)) {
            RawLoadClients clients = new RawLoadClients(server.port());
            clients.connect(3);
            // three times round the ring: its seq reset must keep every client in step
            long wanted = 3L * WarmupFrameServer.RING_FRAMES * entitiesPerStep * 3;
            long deadline = System.nanoTime() + 30_000_000_000L;
            RawLoadClients.Counts counts = clients.counts();
            while (counts.updates() < wanted && counts.errors().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                counts = clients.counts();
            }
            clients.stop();

            assertEquals(java.util.List.of(), counts.errors());
            assertEquals(3, counts.joined());
            assertEquals(3, counts.fullState());
            assertTrue(counts.updates() >= wanted, counts.updates() + " updates");
        }
    }

    @Test
    void theWarmupRunsTheMeasuredClientsCode() throws Exception {
        assertTrue(ClientWarmup.run(E) > 0);
    }
}
