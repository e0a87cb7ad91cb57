package dev.tandem.scenarios;

import static dev.tandem.scenarios.harness.Expect.equal;
import static dev.tandem.scenarios.harness.Expect.isTrue;

import dev.tandem.json.JsonCodec;
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
        return scenarios;
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
