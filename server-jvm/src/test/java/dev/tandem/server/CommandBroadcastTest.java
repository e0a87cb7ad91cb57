package dev.tandem.server;

import static dev.tandem.server.TestServers.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.client.jvm.TandemClient;
import dev.tandem.server.fixtures.TestBoard;
import dev.tandem.server.fixtures.TestCard;
import dev.tandem.server.fixtures.TestSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two JVM clients on one server: the initial state, every command type, and server-originated changes. */
class CommandBroadcastTest {
    private TandemServer<TestBoard> server;
    private TandemClient<TestBoard> alice;
    private TandemClient<TestBoard> bob;
    private final List<JsonObject> framesToBob = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = TestServers.start();
        alice = TestServers.client(server);
        bob = TestServers.client(server);
        bob.onFrame(framesToBob::add);
    }

    @AfterEach
    void stop() {
        alice.close();
        bob.close();
        server.close();
    }

    @Test
    void theInitialStateEqualsTheServersXport() {
        String expected = TestServers.serverXport(server);
        assertEquals(expected, alice.xportText());
        assertEquals(expected, bob.xportText());
        assertEquals(server.authority().seq(), alice.seq());
    }

    @Test
    void aSetFromOneClientReachesTheOtherWithTheNextSeq() throws Exception {
        long before = server.authority().seq();
        TestCard card = alice.read(board -> board.cards.at(0));
        alice.setServer(card, Map.of("column", "doing", "votes", 3L)).get();
        bob.awaitSeq(before + 1, WAIT);
        assertEquals(List.of("doing", 3L), bob.read(board -> List.of(board.cards.at(0).get(TestCard.COLUMN),
                board.cards.at(0).get(TestCard.VOTES))));
        JsonObject change = lastStateFrame();
        assertEquals("change", ((JsonString) change.get("event")).value());
        assertEquals(before + 1, ((JsonNumber) change.get("seq")).longValue());
        assertEquals(JsonObject.of("column", JsonString.of("doing"), "votes", JsonNumber.of(3)), change.get("attrs"));
    }

    @Test
    void anUnsetReachesTheOtherClientListedUnderUnset() throws Exception {
        TestCard card = alice.read(board -> board.cards.at(0));
        alice.setServer(card, Map.of("note", "remember")).get();
        long before = server.authority().seq();
        alice.unsetServer(card, List.of("note")).get();
        bob.awaitSeq(before + 1, WAIT);
        assertEquals(false, bob.read(board -> board.cards.at(0).has(TestCard.NOTE)));
        assertEquals("[\"note\"]", TestServers.CODEC.encode(lastStateFrame().get("unset")));
    }

    @Test
    void anAddCreatesTheModelEverywhereWithTheServersId() throws Exception {
        long before = server.authority().seq();
        ModelCollectionRef cards = new ModelCollectionRef(alice);
        JsonObject ack = alice.addServer(cards.get(), Map.of("text", "third", "column", "done"), 1).get();
        String id = ((JsonString) ack.get("id")).value();
        bob.awaitSeq(before + 1, WAIT);
        assertEquals(id, bob.read(board -> board.cards.at(1).id()));
        assertEquals("third", bob.read(board -> board.cards.get(id).get(TestCard.TEXT)));
        assertEquals("add", ((JsonString) lastStateFrame().get("event")).value());
        assertEquals(TestServers.serverXport(server), bob.xportText());
    }

    @Test
    void aMoveAndARemoveReachTheOtherClient() throws Exception {
        TestCard first = alice.read(board -> board.cards.at(0));
        String firstId = first.id();
        long before = server.authority().seq();
        alice.moveServer(first, 1).get();
        bob.awaitSeq(before + 1, WAIT);
        assertEquals(firstId, bob.read(board -> board.cards.at(1).id()));
        assertEquals("move", ((JsonString) lastStateFrame().get("event")).value());
        alice.removeServer(first).get();
        bob.awaitSeq(before + 2, WAIT);
        assertEquals((Object) 1, bob.read(board -> board.cards.size()));
        assertEquals((Object) null, bob.read(board -> board.cards.get(firstId)));
        assertEquals("remove", ((JsonString) lastStateFrame().get("event")).value());
    }

    @Test
    void aChildModelChangeReachesTheOtherClient() throws Exception {
        long before = server.authority().seq();
        alice.setServer(alice.read(board -> board.settings), Map.of("theme", "dark")).get();
        bob.awaitSeq(before + 1, WAIT);
        assertEquals("dark", bob.read(board -> board.settings.get(TestSettings.THEME)));
    }

    @Test
    void changesMadeByTheServerReachEveryClient() throws Exception {
        long before = server.authority().seq();
        server.authority().update(board -> board.set(TestBoard.SERVER_TIME, 1_700_000_000_000L));
        server.authority().update(board -> board.cards.at(0).set(TestCard.LOCKED, true));
        alice.awaitSeq(before + 2, WAIT);
        bob.awaitSeq(before + 2, WAIT);
        assertEquals((Object) 1_700_000_000_000L, alice.read(board -> board.get(TestBoard.SERVER_TIME)));
        assertEquals(true, bob.read(board -> board.cards.at(0).get(TestCard.LOCKED)));
    }

    @Test
    void seqIncreasesByOnePerChangeWithNoGaps() throws Exception {
        long before = server.authority().seq();
        TestCard card = alice.read(board -> board.cards.at(0));
        for (int i = 1; i <= 20; i++) {
            alice.setServer(card, Map.of("votes", (long) i));
        }
        alice.setServer(card, Map.of("votes", 21L)).get();
        bob.awaitSeq(before + 21, WAIT);
        long expected = before + 1;
        for (JsonObject frame : framesToBob) {
            if (frame.get("seq") instanceof JsonNumber seq && !"initial".equals(((JsonString) frame.get("event"))
                    .value())) {
                assertEquals(expected++, seq.longValue());
            }
        }
        assertEquals(before + 22, expected);
    }

    @Test
    void unknownFieldsInACommandAreIgnored() throws Exception {
        long before = server.authority().seq();
        String card = alice.read(board -> board.cards.at(0).id());
        java.util.concurrent.CompletableFuture<JsonObject> ack = new java.util.concurrent.CompletableFuture<>();
        alice.onFrame(frame -> {
            if (frame.get("ref") instanceof JsonString ref && ref.value().equals("future")) {
                ack.complete(frame);
            }
        });
        alice.sendRaw("{\"event\":\"set\",\"ref\":\"future\",\"id\":\"" + card + "\",\"change\":{\"votes\":4},"
                + "\"priority\":\"high\",\"trace\":{\"span\":1}}");
        assertEquals("ack", ((JsonString) ack.get(10, java.util.concurrent.TimeUnit.SECONDS).get("event")).value());
        bob.awaitSeq(before + 1, WAIT);
        assertEquals((Object) 4L, bob.read(board -> board.cards.at(0).get(TestCard.VOTES)));
    }

    @Test
    void oneServerTaskReachesABatchingClientAsOneFrameAndAPlainClientAsOneFramePerChange() throws Exception {
        TandemClient<TestBoard> plain = TandemClient.connect(java.net.URI.create(server.webSocketUri() + "?batch=0"),
                new TestBoard());
        List<String> batchedFrames = new CopyOnWriteArrayList<>();
        List<String> plainFrames = new CopyOnWriteArrayList<>();
        bob.onText(batchedFrames::add);
        plain.onText(plainFrames::add);
        long before = server.authority().seq();
        server.authority().update(board -> {
            board.set(TestBoard.TITLE, "three changes");
            board.set(TestBoard.SERVER_TIME, 5L);
            board.cards.at(0).set(TestCard.VOTES, 7L);
        });
        bob.awaitSeq(before + 3, WAIT);
        plain.awaitSeq(before + 3, WAIT);
        assertEquals(1, batchedFrames.size(), "one frame for the task: " + batchedFrames);
        assertEquals('[', batchedFrames.get(0).charAt(0));
        assertEquals(3, plainFrames.size(), "one frame per change: " + plainFrames);
        for (String frame : plainFrames) {
            assertEquals('{', frame.charAt(0));
        }
        assertEquals(TestServers.serverXport(server), bob.xportText());
        assertEquals(TestServers.serverXport(server), plain.xportText());
        plain.close();
    }

    private JsonObject lastStateFrame() {
        for (int i = framesToBob.size() - 1; i >= 0; i--) {
            if (framesToBob.get(i).has("seq")) {
                return framesToBob.get(i);
            }
        }
        throw new AssertionError("no state frame");
    }

    /** The cards collection of a client's replica. */
    private record ModelCollectionRef(TandemClient<TestBoard> client) {
        dev.tandem.model.ModelCollection<TestCard> get() {
            dev.tandem.model.ModelCollection<TestCard> cards = client.read(board -> board.cards);
            assertNotNull(cards.id());
            return cards;
        }
    }
}
