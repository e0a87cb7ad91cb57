package dev.tandem.server;

import static dev.tandem.server.TestServers.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.client.jvm.TandemClient;
import dev.tandem.server.fixtures.TestBoard;
import dev.tandem.server.fixtures.TestCard;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client with more than {@link ServerLimits#MAX_PENDING_COMMANDS_PER_CLIENT} commands waiting for the authority
 * gets {@code overloaded} for the excess, each answer carrying that command's ref; the rest are applied, and the
 * connection carries on.
 */
class OverloadTest {
    private static final int SENT = ServerLimits.MAX_PENDING_COMMANDS_PER_CLIENT + 50;

    @Test
    void commandsBeyondThePendingLimitAreRefusedWithTheirRefs() throws Exception {
        try (TandemServer<TestBoard> server = TestServers.start();
                TandemClient<TestBoard> client = TestServers.client(server)) {
            Map<String, String> answers = new ConcurrentHashMap<>();
            CountDownLatch allAnswered = new CountDownLatch(SENT);
            client.onFrame(frame -> {
                if (frame.get("ref") instanceof JsonString ref && ref.value().startsWith("o")) {
                    answers.put(ref.value(), code(frame));
                    allAnswered.countDown();
                }
            });
            String card = client.read(board -> board.cards.at(0).id());
            CountDownLatch release = new CountDownLatch(1);
            server.authority().update(board -> await(release)); // the authority is busy: commands pile up
            for (int i = 0; i < SENT; i++) {
                client.sendRaw("{\"event\":\"set\",\"ref\":\"o" + i + "\",\"id\":\"" + card
                        + "\",\"change\":{\"votes\":" + i + "}}");
            }
            waitUntilOverloaded(answers);
            release.countDown();
            assertTrue(allAnswered.await(WAIT.toSeconds(), TimeUnit.SECONDS), "every command answered");
            long overloaded = answers.values().stream().filter("overloaded"::equals).count();
            long applied = answers.values().stream().filter("ack"::equals).count();
            assertEquals(SENT, overloaded + applied, "only acks and overloaded: " + answers);
            // At most the limit can wait at once; how many of the rest are refused depends on when the authority
            // took the first ones, so the test asks for refusals with their refs, not for an exact count.
            assertTrue(overloaded >= 1 && applied <= SENT - 1, "refused: " + overloaded);
            assertTrue(applied >= 1, "the first commands are applied");
            client.setServer(client.read(board -> board.cards.at(0)), Map.of("votes", 1_000L))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals((Object) 1_000L, server.authority().call(board -> board.cards.at(0).get(TestCard.VOTES)));
        }
    }

    private static String code(JsonObject frame) {
        String event = ((JsonString) frame.get("event")).value();
        return event.equals("ack") ? "ack" : ((JsonString) frame.get("code")).value();
    }

    private static void waitUntilOverloaded(Map<String, String> answers) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!answers.containsValue("overloaded") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
