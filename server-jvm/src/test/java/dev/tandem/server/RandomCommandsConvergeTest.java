package dev.tandem.server;

import static dev.tandem.server.TestServers.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.json.JsonObject;
import dev.tandem.model.ModelValidationException;
import dev.tandem.client.jvm.CommandRefusedException;
import dev.tandem.client.jvm.TandemClient;
import dev.tandem.server.fixtures.TestBoard;
import dev.tandem.server.fixtures.TestCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several clients fire 1,000 random commands at once (sets, unsets, adds, removes, moves, some of them invalid or
 * racing for models another client just removed); when all are answered, every replica equals the server, byte
 * for byte.
 */
class RandomCommandsConvergeTest {
    private static final int CLIENTS = 4;
    private static final int COMMANDS = 1_000;

    @Test
    void everyReplicaEqualsTheServerAfterAThousandRandomCommands() throws Exception {
        Random random = new Random(42);
        try (TandemServer<TestBoard> server = TestServers.start()) {
            List<TandemClient<TestBoard>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(TestServers.client(server));
            }
            List<CompletableFuture<JsonObject>> answers = new ArrayList<>();
            int sent = 0;
            int refusedLocally = 0;
            while (sent < COMMANDS) {
                TandemClient<TestBoard> client = clients.get(random.nextInt(CLIENTS));
                try {
                    CompletableFuture<JsonObject> answer = randomCommand(client, random);
                    if (answer != null) {
                        answers.add(answer);
                        sent++;
                    }
                } catch (ModelValidationException invalid) {
                    refusedLocally++; // the client library refused it before sending; fine
                }
                if (answers.size() % 50 == 0) {
                    Thread.sleep(1); // let the replicas catch up now and then, so commands target live models
                }
            }
            int acked = 0;
            int refused = 0;
            for (CompletableFuture<JsonObject> answer : answers) {
                try {
                    answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    acked++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof CommandRefusedException, e.getCause().toString());
                    refused++;
                }
            }
            long seq = server.authority().seq();
            String expected = TestServers.serverXport(server);
            for (TandemClient<TestBoard> client : clients) {
                client.awaitSeq(seq, WAIT);
                assertEquals(expected, client.xportText());
            }
            System.out.printf("random commands: %d sent, %d applied, %d refused by the server, %d refused locally,"
                    + " final seq %d, %d cards%n", sent, acked, refused, refusedLocally, seq,
                    server.authority().call(board -> board.cards.size()));
            assertTrue(acked > COMMANDS / 2, "most commands should apply: " + acked);
            assertTrue(refused > 0, "some commands should race and be refused");
            for (TandemClient<TestBoard> client : clients) {
                client.close();
            }
        }
    }

    private static CompletableFuture<JsonObject> randomCommand(TandemClient<TestBoard> client, Random random) {
        List<TestCard> cards = client.read(board -> new ArrayList<>(board.cards.models()));
        int kind = random.nextInt(10);
        if (cards.isEmpty() || kind < 2) {
            return client.addServer(client.read(board -> board.cards), Map.of("text", "card " + random.nextInt(1000),
                    "votes", (long) random.nextInt(5)), cards.isEmpty() ? -1 : random.nextInt(cards.size() + 1));
        }
        TestCard card = cards.get(random.nextInt(cards.size()));
        switch (kind) {
            case 2:
                return client.removeServer(card);
            case 3:
                return client.moveServer(card, random.nextInt(cards.size()));
            case 4:
                return client.unsetServer(card, List.of("note"));
            case 5:
                return client.setServer(client.read(board -> board.settings),
                        Map.of("theme", random.nextBoolean() ? "light" : "dark"));
            case 6:
                return client.setServer(client.read(board -> board), Map.of("title", "t" + random.nextInt(100)));
            default:
                return client.setServer(card, Map.of(
                        "column", List.of("todo", "doing", "done").get(random.nextInt(3)),
                        "votes", (long) random.nextInt(100),
                        "note", "n" + random.nextInt(10)));
        }
    }

    static boolean refusedBy(CompletionException e, String code) {
        return e.getCause() instanceof CommandRefusedException refused && refused.code().equals(code);
    }
}
