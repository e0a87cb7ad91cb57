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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad command gets an error with its own code, changes nothing, and leaves this connection and
 * everyone else's working.
 */
class BadCommandTest {
    private TandemServer<TestBoard> server;
    private TandemClient<TestBoard> attacker;
    private TandemClient<TestBoard> bystander;
    private final Map<String, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
    /** The first error answering a frame whose ref could not be read ("ref":null). */
    private final CompletableFuture<JsonObject> unreferencedError = new CompletableFuture<>();

    @BeforeEach
    void start() {
        server = TestServers.start();
        attacker = TestServers.client(server);
        bystander = TestServers.client(server);
        attacker.onFrame(frame -> {
            if (frame.get("ref") instanceof JsonString ref) {
                answers.computeIfAbsent(ref.value(), k -> new CompletableFuture<>()).complete(frame);
            } else if (frame.get("event") instanceof JsonString event && event.value().equals("error")) {
                unreferencedError.complete(frame);
            }
        });
    }

    @AfterEach
    void stop() {
        attacker.close();
        bystander.close();
        server.close();
    }

    @ParameterizedTest(name = "{0} gets {2}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown event             | {"event":"explode","ref":"r"}                                       | unknown-event
            missing event             | {"ref":"r","id":"x"}                                                | bad-message
            unknown model id          | {"event":"set","ref":"r","id":"nope","change":{"votes":1}}          | unknown-id
            change not an object      | {"event":"set","ref":"r","id":"CARD","change":[1]}                  | bad-message
            wrong type                | {"event":"set","ref":"r","id":"CARD","change":{"votes":"many"}}     | wrong-type
            fraction for integer      | {"event":"set","ref":"r","id":"CARD","change":{"votes":1.5}}        | wrong-type
            value not allowed         | {"event":"set","ref":"r","id":"CARD","change":{"column":"later"}}   | not-allowed
            failed check              | {"event":"set","ref":"r","id":"CARD","change":{"text":""}}          | check-failed
            negative votes            | {"event":"set","ref":"r","id":"CARD","change":{"votes":-1}}         | check-failed
            undeclared key            | {"event":"set","ref":"r","id":"CARD","change":{"colour":"red"}}     | undeclared-key
            forbidden attribute       | {"event":"set","ref":"r","id":"CARD","change":{"locked":true}}      | forbidden
            forbidden root attribute  | {"event":"set","ref":"r","id":"BOARD","change":{"serverTime":1}}    | forbidden
            forbidden with good keys  | {"event":"set","ref":"r","id":"CARD","change":{"votes":2,"locked":true}} | forbidden
            unset required            | {"event":"unset","ref":"r","id":"CARD","keys":["text"]}             | required
            keys not strings          | {"event":"unset","ref":"r","id":"CARD","keys":[1]}                  | bad-message
            add missing required      | {"event":"add","ref":"r","collection":"CARDS","attrs":{"votes":1}}  | required
            add bad index             | {"event":"add","ref":"r","collection":"CARDS","attrs":{"text":"x"},"at":9} | bad-index
            add forbidden attribute   | {"event":"add","ref":"r","collection":"CARDS","attrs":{"text":"x","locked":true}} | forbidden
            add to server collection  | {"event":"add","ref":"r","collection":"MEMBERS","attrs":{"name":"x"}} | forbidden
            add unknown collection    | {"event":"add","ref":"r","collection":"nope","attrs":{"text":"x"}}  | unknown-id
            remove unknown model      | {"event":"remove","ref":"r","collection":"CARDS","id":"nope"}       | unknown-id
            remove from wrong coll.   | {"event":"remove","ref":"r","collection":"MEMBERS","id":"CARD"}     | unknown-id
            move out of range         | {"event":"move","ref":"r","collection":"CARDS","id":"CARD","to":7}  | bad-index
            move negative             | {"event":"move","ref":"r","collection":"CARDS","id":"CARD","to":-1} | bad-message
            value nested too deep     | {"event":"set","ref":"r","id":"CARD","change":{"tags":[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]}} | too-deep
            remove by client id       | {"event":"remove","ref":"r","collection":"CARDS","id":"SERVERCID"}  | unknown-id
            move by client id         | {"event":"move","ref":"r","collection":"CARDS","id":"SERVERCID","to":0} | unknown-id
            event not a string        | {"event":42,"ref":"r"}                                              | bad-message
            malformed JSON            | {"event":"set",                                                     | malformed-json
            not an object             | [1,2,3]                                                             | malformed-json
            """)
    void aBadCommandGetsItsErrorAndChangesNothing(String what, String template, String code) throws Exception {
        String before = TestServers.serverXport(server);
        long seqBefore = server.authority().seq();
        String card = attacker.read(board -> board.cards.at(0).id());
        String serverCid = server.authority().call(board -> board.cards.at(1).cid());
        String command = template.replace("SERVERCID", serverCid).replace("CARDS", attacker.read(board -> board.cards.id()))
                .replace("CARD", card).replace("BOARD", attacker.read(board -> board.id()))
                .replace("MEMBERS", attacker.read(board -> board.members.id()));
        attacker.sendRaw(command);
        JsonObject error = answerTo(command.contains("\"ref\":\"r\"") ? "r" : null);
        assertEquals("error", ((JsonString) error.get("event")).value(), what);
        assertEquals(code, ((JsonString) error.get("code")).value(), what + ": " + error);
        assertTrue(((JsonString) error.get("message")).value().length() > 5, "a message that says why");
        assertEquals(before, TestServers.serverXport(server), "server state unchanged");
        assertEquals(seqBefore, server.authority().seq(), "nothing broadcast");
        stillWorks();
    }

    @Test
    void anOversizedFrameClosesThatConnectionWith1009AndNobodyElses() throws Exception {
        String huge = "{\"event\":\"set\",\"ref\":1,\"id\":\"x\",\"change\":{\"text\":\""
                + "a".repeat(ServerLimits.MAX_TEXT_MESSAGE_BYTES) + "\"}}";
        attacker.sendRaw(huge);
        assertEquals(1009, attacker.closed().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        TestCard card = bystander.read(board -> board.cards.at(0));
        bystander.setServer(card, Map.of("votes", 9L)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals((Object) 9L, server.authority().call(board -> board.cards.at(0).get(TestCard.VOTES)));
    }

    private JsonObject answerTo(String ref) throws Exception {
        if (ref == null) {
            return unreferencedError.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        return answers.computeIfAbsent(ref, k -> new CompletableFuture<>()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private void stillWorks() throws Exception {
        TestCard mine = attacker.read(board -> board.cards.at(0));
        attacker.setServer(mine, Map.of("votes", 5L)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        long seq = server.authority().seq();
        bystander.awaitSeq(seq, WAIT);
        assertEquals((Object) 5L, bystander.read(board -> board.cards.at(0).get(TestCard.VOTES)));
        assertEquals(TestServers.serverXport(server), bystander.xportText());
    }
}
