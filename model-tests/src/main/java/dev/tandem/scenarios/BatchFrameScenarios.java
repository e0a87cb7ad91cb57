package dev.tandem.scenarios;

import static dev.tandem.scenarios.harness.Expect.equal;
import static dev.tandem.scenarios.harness.Expect.isTrue;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.model.BaseModel;
import dev.tandem.model.IdPolicy;
import dev.tandem.scenarios.fixtures.Member;
import dev.tandem.scenarios.fixtures.Team;
import dev.tandem.scenarios.harness.Scenario;
import dev.tandem.protocol.ServerMessages;
import dev.tandem.sync.SyncClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A batch frame (a JSON array of messages, what a {@code ?batch=1} client gets per authority task) leaves a client
 * exactly as its messages received one by one do — tree, seq, events, and the error where one is wrong — whichever
 * way the client reads it (item by item through the codec's reader, or decoded).
 */
final class BatchFrameScenarios {
    private BatchFrameScenarios() {
    }

    /** When set, a client's listener of "change:role" throws (one scenario, run to its end before the next). */
    private static boolean listenerFails;

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("a batch frame leaves a client as its messages one by one do, valid or not",
                context -> {
                    JsonCodec codec = context.codec();
                    Team server = new Team();
                    server.registry(IdPolicy.GENERATE);
                    server.members.add(Member.named("Ann", 30));
                    server.members.add(Member.named("Bob", 41));
                    List<JsonObject> sent = new ArrayList<>();
                    long[] seq = {0};
                    server.onTreeChange(change -> sent.add(ServerMessages.of(change, ++seq[0])));
                    String initial = codec.encode(ServerMessages.initial(0, server.xport()));
                    Member ann = server.members.at(0);
                    Member bob = server.members.at(1);

                    List<JsonObject> changes = messages(sent, () -> {
                        ann.set(Member.AGE, 31L);
                        bob.set(Member.ROLE, "lead");
                        ann.set(Member.NAME, "Ann \"A\" é");
                    });
                    List<JsonObject> mixed = messages(sent, () -> {
                        ann.set(Member.AGE, 32L);
                        server.members.add(Member.named("Cy", 5));
                        bob.unset(Member.AGE);
                        server.members.remove(ann);
                        bob.set(Member.AGE, 42L);
                    });
                    List<List<JsonObject>> frames = List.of(changes, mixed);
                    equal(outcome(codec, initial, frames, false), outcome(codec, initial, frames, true), "valid");

                    // Broken in the middle: an unknown model, then a seq gap. The first item applies either way.
                    List<JsonObject> unknown = new ArrayList<>(changes);
                    unknown.set(1, with(changes.get(1), "id", JsonString.of("nobody")));
                    List<JsonObject> gap = new ArrayList<>(changes);
                    gap.remove(1);
                    for (List<JsonObject> broken : List.of(unknown, gap)) {
                        equal(outcome(codec, initial, List.of(broken), false),
                                outcome(codec, initial, List.of(broken), true), "broken: " + broken);
                    }

                    // A listener that throws: its exception reaches the caller, the change it heard is applied once,
                    // and the frame's later items are not applied — as when the messages come one by one.
                    listenerFails = true;
                    try {
                        String oneByOne = outcome(codec, initial, List.of(changes), true);
                        equal(oneByOne, outcome(codec, initial, List.of(changes), false), "a listener fails");
                        isTrue(oneByOne.contains("RuntimeException: listener"), "the listener's exception: " + oneByOne);
                    } finally {
                        listenerFails = false;
                    }
                }));
        return scenarios;
    }

    /** The messages the server sends for what {@code action} does. */
    private static List<JsonObject> messages(List<JsonObject> sent, Runnable action) {
        sent.clear();
        action.run();
        List<JsonObject> made = new ArrayList<>(sent);
        sent.clear();
        return made;
    }

    private static JsonObject with(JsonObject message, String key, JsonString value) {
        JsonObject.Builder copy = JsonObject.builder();
        message.members().forEach(copy::put);
        return copy.put(key, value).build();
    }

    /** What a client holds after the initial state and the frames, or the error it stopped with. */
    private static String outcome(JsonCodec codec, String initial, List<List<JsonObject>> frames, boolean oneByOne) {
        Team team = new Team();
        SyncClient client = new SyncClient(team, codec, text -> { });
        List<String> events = new ArrayList<>();
        team.members.on("all", e -> events.add(e.name() + " " + e.model().id()));
        team.members.on("change:role", e -> {
            if (listenerFails) {
                throw new RuntimeException("listener");
            }
        });
        Consumer<String> receive = client::receive;
        String error = "";
        try {
            receive.accept(initial);
            for (List<JsonObject> frame : frames) {
                if (oneByOne) {
                    for (JsonObject message : frame) {
                        receive.accept(codec.encode(message));
                    }
                } else {
                    receive.accept(codec.encode(JsonArray.of(frame)));
                }
            }
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        BaseModel root = client.replica().root();
        return codec.encode(root.xport()) + " seq " + client.replica().seq() + " " + events + " " + error;
    }
}
