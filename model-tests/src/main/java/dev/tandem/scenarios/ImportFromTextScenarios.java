package dev.tandem.scenarios;

import static dev.tandem.scenarios.harness.Expect.equal;
import static dev.tandem.scenarios.harness.Expect.fails;
import static dev.tandem.scenarios.harness.Expect.isTrue;

import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonObject;
import dev.tandem.json.MalformedJsonException;
import dev.tandem.model.BaseModel;
import dev.tandem.model.IdPolicy;
import dev.tandem.model.ModelValidationException;
import dev.tandem.scenarios.fixtures.Grid;
import dev.tandem.scenarios.fixtures.Member;
import dev.tandem.scenarios.fixtures.Project;
import dev.tandem.scenarios.fixtures.Task;
import dev.tandem.scenarios.fixtures.Team;
import dev.tandem.scenarios.harness.Scenario;
import dev.tandem.sync.Replica;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code model.mport(text, codec)} against {@code model.mport(codec.decode(text))}: the same tree, the same events,
 * the same error, for valid images and for every kind of problem. The first reads the text through the codec's
 * streaming reader (on the JVM jackson-core's parser, in the browser a walk over {@code JSON.parse}'s result) and
 * defers to the tree on any problem.
 */
final class ImportFromTextScenarios {
    private ImportFromTextScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("importing text gives what importing its decoded tree gives, valid or not",
                context -> {
                    JsonCodec codec = context.codec();
                    String base = codec.encode(sampleTeam().xport());
                    List<String> texts = new ArrayList<>(List.of(
                            base,
                            "{\"attrs\":{\"name\":\"zzz\"}," + base.substring(1),     // attrs twice: the last wins
                            "{\"attrs\":{\"size\":\"x\"}," + base.substring(1),       // an invalid first attrs
                            base.replace("\"attrs\":{\"name\":", "\"attrs\":{\"name\":\"first\",\"name\":"),
                            "{\"id\":null,\"attrs\":{\"size\":\"x\"}}",
                            "{\"attrs\":{\"size\":\"x\"},\"id\":5}",
                            "{\"models\":{\"nope\":{}},\"attrs\":{\"size\":\"x\"}}",
                            "{\"attrs\":{\"name\":\"a\"},\"models\":{\"profile\":{\"attrs\":{\"locale\":\"de\"}},"
                                    + "\"nope\":{}}}",
                            "{\"id\":\"t\",\"attrs\":{\"name\":\"a\"},\"collections\":{\"members\":{\"models\":"
                                    + "[{\"attrs\":{\"name\":\"m\",\"age\":-1}}]}}}",
                            "{\"attrs\":{\"name\":\"a\"}} x",
                            "{\"attrs\":{\"name\":\"a\",\"meta\":" + times("[", 70) + times("]", 70) + "}}",
                            "{\"attrs\":{\"name\":\"a\"},\"extra\":[1,2,{\"q\":null}],\"more\":\"x\"}",
                            "{\"attrs\":{\"rating\":null,\"name\":\"n\",\"tags\":[\"a\",1],\"meta\":{\"k\":{\"k\":2}},"
                                    + "\"size\":3.0,\"active\":false,\"minAge\":5,\"maxAge\":-0}}",
                            "{\"attrs\":{\"name\":\"a\",\"size\":9007199254740993}}",
                            "{\"attrs\":{\"name\":\"a\",\"size\":1.5}}",
                            "{\"attrs\":{\"name\":\"a\",\"rating\":1e400}}",
                            "{\"attrs\":{}}",
                            "{\"id\":\"\",\"attrs\":{\"name\":\"a\"}}",
                            "{\"id\":\"t\"}",
                            "[]",
                            "",
                            "{\"attrs\":{\"name\":\"a\"},\"collections\":{\"members\":{\"models\":[{\"id\":\"m1\","
                                    + "\"attrs\":{\"name\":\"x\"}}]},\"projects\":{\"models\":[]},\"members\":"
                                    + "{\"models\":[{\"id\":\"m1\",\"attrs\":{\"name\":\"y\"}}]}}}",
                            "{\"attrs\":{\"name\":\"a\"},\"collections\":{\"members\":{\"models\":[1]},"
                                    + "\"projects\":{\"models\":[]}}}",
                            "{\"attrs\":{\"name\":\"a\"},\"collections\":{\"members\":{\"id\":\"c\"},"
                                    + "\"projects\":{\"models\":[]}}}",
                            "{\"attrs\":{\"name\":\"a\"},\"collections\":{\"members\":{\"models\":[{\"id\":\"d\","
                                    + "\"attrs\":{\"name\":\"x\"}},{\"id\":\"d\",\"attrs\":{\"name\":\"y\"}}]},"
                                    + "\"projects\":{\"models\":[]}}}",
                            "{\"attrs\":{\"name\":\"a\",\"minAge\":7,\"maxAge\":3}}"));
                    for (String text : texts) {
                        equal(outcome(Team::new, false, base, text, codec, false),
                                outcome(Team::new, false, base, text, codec, true), "new tree: " + text);
                        equal(outcome(Team::new, true, base, text, codec, false),
                                outcome(Team::new, true, base, text, codec, true), "equal tree: " + text);
                    }
                    String grid = codec.encode(new Grid().xport());
                    for (String text : List.of(grid,
                            "{\"attrs\":{\"b\":\"x\",\"2\":1.5,\"10\":3}}",
                            "{\"attrs\":{\"10\":3,\"2\":1.5,\"b\":\"x\"}}",
                            "{\"attrs\":{\"2\":1.5,\"10\":\"x\"}}")) {
                        equal(outcome(Grid::new, false, grid, text, codec, false),
                                outcome(Grid::new, false, grid, text, codec, true), "grid: " + text);
                    }
                    isTrue(outcome(Team::new, false, base, base, codec, true).startsWith("{"), "the base is valid");
                }));
        scenarios.add(new Scenario("a member new to the tree ends its import as an import into a model of its own would"
                + " leave it: values, order, previous values, nested members and ids", context -> {
                    JsonCodec codec = context.codec();
                    Team image = sampleTeam();
                    image.members.at(0).set(Member.ROLE, "lead");
                    String text = codec.encode(image.xport());
                    Team fromText = new Team();
                    fromText.registry(IdPolicy.ASSIGNED);
                    fromText.mport(text, codec);
                    Team fromTree = new Team();
                    fromTree.registry(IdPolicy.ASSIGNED);
                    fromTree.mport(codec.decode(text));
                    for (Team team : List.of(fromText, fromTree)) {
                        List<BaseModel> imported = new ArrayList<>();
                        imported.addAll(team.members.models());
                        imported.addAll(team.projects.models());
                        imported.addAll(team.projects.at(0).tasks.models());
                        equal(5, imported.size(), "members, projects and tasks");
                        for (BaseModel model : imported) {
                            // The same image imported into a detached model of its own, planned and then applied.
                            BaseModel alone = model instanceof Member ? new Member()
                                    : model instanceof Project ? new Project() : new Task();
                            alone.mport(model.xport(), dev.tandem.model.Notify.SILENT);
                            equal(state(alone, codec), state(model, codec), "as imported alone: " + model.id());
                            equal(model, team.registry().model(model.id()), "registered: " + model.id());
                        }
                        equal(team.projects.at(0).tasks, team.registry().collection(
                                team.projects.at(0).tasks.id()), "nested collection registered");
                    }
                    equal(state(fromTree, codec), state(fromText, codec), "text and tree");
                    equal("member", fromText.members.at(0).previous("role"), "a new member's previous value is the default");
                }));
        scenarios.add(new Scenario("a replica applies an initial message read from a reader as it applies the decoded"
                + " message, and refuses any other message having changed nothing", context -> {
                    JsonCodec codec = context.codec();
                    String data = codec.encode(sampleTeam().xport());
                    String initial = "{\"event\":\"initial\",\"seq\":7,\"data\":" + data + "}";
                    Replica byReader = new Replica(new Team());
                    List<String> readerEvents = new ArrayList<>();
                    byReader.root().on("all", e -> readerEvents.add(e.name()));
                    isTrue(byReader.applyInitial(codec.reader(initial)), "applied from the reader");
                    Replica byTree = new Replica(new Team());
                    List<String> treeEvents = new ArrayList<>();
                    byTree.root().on("all", e -> treeEvents.add(e.name()));
                    byTree.apply((JsonObject) codec.decode(initial));
                    equal(state(byTree.root(), codec), state(byReader.root(), codec), "same tree");
                    equal(treeEvents, readerEvents, "same events");
                    equal(7L, byReader.seq(), "seq");
                    String reordered = "{\"data\":" + data + ",\"seq\":3,\"event\":\"initial\"}";
                    Replica other = new Replica(new Team());
                    isTrue(other.applyInitial(codec.reader(reordered)), "members in any order");
                    equal(3L, other.seq(), "seq read after the data");
                    for (String refused : List.of(
                            "{\"event\":\"change\",\"seq\":1,\"id\":\"x\",\"attrs\":{}}",
                            "{\"event\":\"initial\",\"seq\":1}",
                            "{\"event\":\"initial\",\"data\":" + data + "}",
                            "{\"event\":\"initial\",\"seq\":1.5,\"data\":" + data + "}",
                            "{\"event\":\"initial\",\"seq\":1,\"seq\":2,\"data\":" + data + "}",
                            "{\"event\":\"initial\",\"seq\":1,\"data\":" + data + ",\"extra\":1}",
                            "{\"event\":\"initial\",\"seq\":1,\"data\":{\"attrs\":{\"size\":\"x\"}}}",
                            "{\"event\":\"initial\",\"seq\":1,\"data\":" + data + "} x",
                            "[]")) {
                        if (refused.contains("\"seq\":1,\"seq\"") && !seesRepeatedKeys(codec)) {
                            continue; // decoding keeps the last seq: only a parser's stream sees the key twice
                        }
                        Replica fresh = new Replica(new Team());
                        List<String> events = new ArrayList<>();
                        fresh.root().on("all", e -> events.add(e.name()));
                        boolean applied;
                        try {
                            applied = fresh.applyInitial(codec.reader(refused));
                        } catch (MalformedJsonException decodedFirst) {
                            applied = false; // a codec that decodes to read finds it malformed before the replica
                        }
                        isTrue(!applied, "refused: " + refused);
                        equal(-1L, fresh.seq(), "no seq: " + refused);
                        equal(codec.encode(new Replica(new Team()).root().xport()), codec.encode(fresh.root().xport()),
                                "nothing imported: " + refused);
                        equal(List.of(), events, "no events: " + refused);
                    }
                }));
        scenarios.add(new Scenario("a replica applies a change message read from a reader as it applies the decoded"
                + " message, and refuses any other message having changed nothing", context -> {
                    JsonCodec codec = context.codec();
                    String data = codec.encode(sampleTeam().xport());
                    String initial = "{\"event\":\"initial\",\"seq\":7,\"data\":" + data + "}";
                    Replica probe = new Replica(new Team());
                    probe.apply((JsonObject) codec.decode(initial));
                    String memberId = ((Team) probe.root()).members.at(0).id();
                    String change = "{\"event\":\"change\",\"seq\":8,\"id\":\"" + memberId
                            + "\",\"attrs\":{\"age\":31,\"role\":\"lead\"}}";
                    List<String> outcomes = new ArrayList<>();
                    String appliedTree = null; // the tree after the change
                    for (boolean fromReader : List.of(false, true)) {
                        Replica replica = new Replica(new Team());
                        replica.apply((JsonObject) codec.decode(initial));
                        List<String> events = new ArrayList<>();
                        ((Team) replica.root()).members.on("all", e -> events.add(e.name()));
                        if (fromReader) {
                            isTrue(replica.applyChange(codec.reader(change)), "applied from the reader");
                        } else {
                            replica.apply((JsonObject) codec.decode(change));
                        }
                        BaseModel member = ((Team) replica.root()).members.at(0);
                        outcomes.add(state(replica.root(), codec) + " " + state(member, codec) + " " + events
                                + " seq " + replica.seq());
                        appliedTree = codec.encode(replica.root().xport());
                    }
                    equal(outcomes.get(0), outcomes.get(1), "the same change");
                    for (String refused : List.of(
                            change.replace("\"seq\":8", "\"seq\":9"),
                            change.replace(memberId, "nobody"),
                            change.replace("31", "-1"),
                            change.replace("31", "\"x\""),
                            change.replace("\"age\":31", "\"nope\":31"),
                            change.replace("}}", "},\"unset\":[\"role\"]}"),
                            change.replace("\"attrs\":{\"age\":31", "\"attrs\":{\"age\":30,\"age\":31"),
                            change.replace("\"event\":\"change\",", "") + "",
                            change + " x")) {
                        Replica replica = new Replica(new Team());
                        replica.apply((JsonObject) codec.decode(initial));
                        String before = state(replica.root(), codec) + " "
                                + state(((Team) replica.root()).members.at(0), codec);
                        List<String> events = new ArrayList<>();
                        ((Team) replica.root()).members.on("all", e -> events.add(e.name()));
                        boolean applied;
                        try {
                            applied = replica.applyChange(codec.reader(refused));
                        } catch (MalformedJsonException decodedFirst) {
                            applied = false;
                        } catch (dev.tandem.sync.SyncException gap) {
                            applied = false; // as apply of the decoded message fails for a seq gap: before any change
                        }
                        if (refused.contains("\"age\":30,\"age\"") && !seesRepeatedKeys(codec)) {
                            continue; // decoding keeps the last value: only a parser's stream sees the key twice
                        }
                        isTrue(!applied, "refused: " + refused);
                        equal(7L, replica.seq(), "seq unchanged: " + refused);
                        equal(before, state(replica.root(), codec) + " "
                                + state(((Team) replica.root()).members.at(0), codec), "nothing changed: " + refused);
                        equal(List.of(), events, "no events: " + refused);
                        // The refused message left nothing behind in the model: the next change applies alone.
                        if (!refused.contains("\"seq\":9")) {
                            isTrue(replica.applyChange(codec.reader(change)), "the next change: " + refused);
                            equal(appliedTree, codec.encode(replica.root().xport()), "the next change alone: " + refused);
                        }
                    }
                }));
        scenarios.add(new Scenario("a change planned from a reader is applied once; a discarded or refused one leaves"
                + " nothing behind for the next", context -> {
                    JsonCodec codec = context.codec();
                    Team team = new Team();
                    List<String> events = new ArrayList<>();
                    team.on("all", e -> events.add(e.name()));
                    dev.tandem.model.PlannedChange dropped = team.planSetFromJson(
                            codec.reader("{\"name\":\"A\",\"size\":2}"), dev.tandem.model.Notify.EVENTS);
                    dropped.discard();
                    fails(ModelValidationException.class, () -> team.planSetFromJson(
                            codec.reader("{\"maxAge\":7,\"size\":\"x\"}"), dev.tandem.model.Notify.EVENTS),
                            "an invalid value");
                    equal(List.of(), events, "nothing fired yet");
                    dev.tandem.model.PlannedChange kept = team.planSetFromJson(codec.reader("{\"size\":3}"),
                            dev.tandem.model.Notify.EVENTS);
                    kept.apply();
                    equal(List.of("change:size", "change"), events, "only the applied change fired");
                    equal("{name=, size=3, active=true, minAge=0, maxAge=100}", team.attributes().toString(),
                            "only its value changed");
                    fails(IllegalStateException.class, kept::apply, "applied twice");
                    dropped.discard(); // harmless after the write was re-used
                    equal(3L, team.get(Team.SIZE), "still applied");
                }));
        return scenarios;
    }

    /** Whether the codec's reader shows a key repeated in the text twice (a parser's stream) or once (a tree, JSON.parse). */
    private static boolean seesRepeatedKeys(JsonCodec codec) {
        dev.tandem.json.JsonReader in = codec.reader("{\"k\":1,\"k\":2}");
        in.beginObject();
        int names = 0;
        while (in.hasNext()) {
            in.nextName();
            in.skipValue();
            names++;
        }
        return names == 2;
    }

    /** What a model's state looks like to a user: its tree, attribute order and Backbone's previous values. */
    private static String state(BaseModel model, JsonCodec codec) {
        return codec.encode(model.xport()) + " " + model.attributes().keySet() + " " + model.changedAttributes()
                + " " + model.previousAttributes() + " " + model.hasChanged();
    }

    private static String times(String text, int count) {
        StringBuilder repeated = new StringBuilder();
        for (int i = 0; i < count; i++) {
            repeated.append(text);
        }
        return repeated.toString();
    }

    private static Team sampleTeam() {
        Team team = new Team();
        team.registry(IdPolicy.GENERATE);
        team.set(Team.NAME, "Ops \"team\" é");
        team.set(Team.RATING, 4.5);
        Member ann = Member.named("Ann", 30);
        team.members.add(ann);
        team.members.add(Member.named("Bob", 41));
        Project project = Project.titled("P");
        team.projects.add(project);
        project.tasks.add(Task.of("t1"));
        project.tasks.add(Task.of("t2"));
        return team;
    }

    /** The tree, attribute order and events an import leaves, or the error it fails with. */
    private static String outcome(Supplier<BaseModel> factory, boolean loaded, String base, String text,
            JsonCodec codec, boolean fromText) {
        BaseModel root = factory.get();
        root.registry(IdPolicy.ASSIGNED);
        if (loaded) {
            root.mport(codec.decode(base));
        }
        List<String> events = new ArrayList<>();
        root.on("all", e -> events.add(e.name()));
        try {
            if (fromText) {
                root.mport(text, codec);
            } else {
                root.mport(codec.decode(text));
            }
        } catch (ModelValidationException e) {
            return "invalid: " + e.getMessage();
        } catch (MalformedJsonException e) {
            return "malformed: " + e.getMessage();
        }
        return codec.encode(root.xport()) + " " + root.attributes().keySet() + " " + events
                + " " + root.changedAttributes().keySet();
    }
}
