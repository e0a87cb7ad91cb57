package dev.tandem.scenarios;

import static dev.tandem.scenarios.harness.Expect.equal;
import static dev.tandem.scenarios.harness.Expect.isTrue;

import dev.tandem.model.Notify;
import dev.tandem.model.events.Subscription;
import dev.tandem.model.tree.AttributesChanged;
import dev.tandem.model.tree.ModelAdded;
import dev.tandem.model.tree.ModelMoved;
import dev.tandem.model.tree.ModelRemoved;
import dev.tandem.model.tree.TreeChange;
import dev.tandem.scenarios.fixtures.Member;
import dev.tandem.scenarios.fixtures.Project;
import dev.tandem.scenarios.fixtures.Task;
import dev.tandem.scenarios.fixtures.Team;
import dev.tandem.scenarios.harness.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Attribute access and Backbone's change events, their order, and the root's tree-change stream. */
final class EventScenarios {
    private EventScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("a new model holds its defaults and get/has read them", context -> {
            Team team = new Team();
            equal("", team.get(Team.NAME), "name default");
            equal(0L, team.get(Team.SIZE), "size default");
            equal(true, team.get(Team.ACTIVE), "active default");
            equal(null, team.get(Team.RATING), "rating has no default");
            isTrue(team.has("name") && !team.has("rating"), "has() sees defaults and not missing values");
            equal(2, team.profile.attributes().size(), "child model defaults");
        }));
        scenarios.add(new Scenario("set fires change:<key> once per changed attribute, then one change", context -> {
            Team team = new Team();
            List<String> seen = new ArrayList<>();
            team.on("change:name", e -> seen.add("change:name=" + e.value()));
            team.on("change:size", e -> seen.add("change:size=" + e.value()));
            team.on("change:active", e -> seen.add("change:active"));
            team.on("change", e -> seen.add("change"));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", "Ops");
            values.put("size", 3L);
            values.put("active", true);
            team.set(values);
            equal(List.of("change:name=Ops", "change:size=3", "change"), seen, "events of one set, in order");
        }));
        scenarios.add(new Scenario("setting a value a model already holds fires nothing", context -> {
            Team team = new Team();
            int[] count = {0};
            team.on("all", e -> count[0]++);
            team.set(Team.NAME, "");
            team.set(Team.SIZE, 0L);
            equal(0, count[0], "events");
        }));
        scenarios.add(new Scenario("a set inside a change:<key> listener fires its own change:<key> at once and"
                + " one change pass for both", context -> {
            Team team = new Team();
            List<String> seen = new ArrayList<>();
            team.on("change:name", e -> {
                seen.add("change:name");
                team.set(Team.SIZE, 7L);
            });
            team.on("change:size", e -> seen.add("change:size=" + e.value()));
            team.on("change", e -> seen.add("change(changed=" + team.changedAttributes().keySet() + ")"));
            team.set(Team.NAME, "Ops");
            equal(List.of("change:name", "change:size=7", "change(changed=[name, size])"), seen, "event order");
        }));
        scenarios.add(new Scenario("a set inside a change listener queues another change pass instead of recursing",
                context -> {
                    Team team = new Team();
                    List<String> seen = new ArrayList<>();
                    int[] depth = {0};
                    int[] deepest = {0};
                    team.on("change", e -> {
                        depth[0]++;
                        deepest[0] = Math.max(deepest[0], depth[0]);
                        seen.add("change size=" + team.get(Team.SIZE));
                        if (team.get(Team.SIZE) < 3) {
                            team.set(Team.SIZE, team.get(Team.SIZE) + 1);
                        }
                        depth[0]--;
                    });
                    team.set(Team.SIZE, 1L);
                    equal(List.of("change size=1", "change size=2", "change size=3"), seen, "change passes");
                    equal(1, deepest[0], "change listeners never nest");
                }));
        scenarios.add(new Scenario("an all listener sees every event under its own name", context -> {
            Team team = new Team();
            List<String> seen = new ArrayList<>();
            team.on("all", e -> seen.add(e.name()));
            team.set(Team.NAME, "Ops");
            team.unset(Team.TAGS);
            team.set(Team.TAGS, dev.tandem.json.JsonArray.EMPTY);
            team.unset(Team.TAGS);
            equal(List.of("change:name", "change", "change:tags", "change", "change:tags", "change"), seen,
                    "events");
        }));
        scenarios.add(new Scenario("cancelling a subscription stops delivery and leaves no listener behind",
                context -> {
                    Team team = new Team();
                    int[] calls = {0};
                    Subscription first = team.on("change:name", e -> calls[0]++);
                    Subscription second = team.on("all", e -> calls[0]++);
                    equal(2, team.listenerCount(), "listeners after subscribing");
                    team.set(Team.NAME, "a");
                    equal(3, calls[0], "deliveries before cancelling (change:name, all x2)");
                    first.cancel();
                    second.cancel();
                    second.cancel();
                    team.set(Team.NAME, "b");
                    equal(3, calls[0], "deliveries after cancelling");
                    equal(0, team.listenerCount(), "listeners after cancelling");
                }));
        scenarios.add(new Scenario("a listener may cancel itself while an event is being delivered", context -> {
            Team team = new Team();
            List<String> seen = new ArrayList<>();
            Subscription[] self = new Subscription[1];
            self[0] = team.on("change", e -> {
                seen.add("once");
                self[0].cancel();
            });
            team.on("change", e -> seen.add("always"));
            team.set(Team.NAME, "a");
            team.set(Team.NAME, "b");
            equal(List.of("once", "always", "always"), seen, "deliveries");
        }));
        scenarios.add(new Scenario("a silent set changes the value and fires nothing, but is still streamed",
                context -> {
                    Team team = new Team();
                    List<TreeChange> stream = new ArrayList<>();
                    team.onTreeChange(stream::add);
                    int[] events = {0};
                    team.on("all", e -> events[0]++);
                    team.set(Team.NAME, "Quiet", Notify.SILENT);
                    equal("Quiet", team.get(Team.NAME), "value");
                    equal(0, events[0], "events");
                    equal(1, stream.size(), "streamed changes");
                }));
        scenarios.add(new Scenario("previous, previousAttributes, changedAttributes and hasChanged describe the"
                + " last set", context -> {
            Team team = new Team();
            team.set(Team.NAME, "A");
            List<String> seen = new ArrayList<>();
            team.on("change:name", e -> seen.add(team.previous("name") + "->" + e.value()));
            team.set(Team.NAME, "B");
            equal(List.of("A->B"), seen, "previous inside the listener");
            equal("A", team.previousAttributes().get("name"), "previousAttributes");
            equal(Map.of("name", "B"), team.changedAttributes(), "changedAttributes");
            isTrue(team.hasChanged() && team.hasChanged("name") && !team.hasChanged("size"), "hasChanged");
        }));
        scenarios.add(new Scenario("a model's first change reports the defaults it started from as its previous"
                + " values, as any later change reports its own", context -> {
            // `fresh` takes its first change; `used` has changed before and is back at the defaults, so it records
            // its previous values as it goes. Both must answer alike.
            List<String> answers = new ArrayList<>();
            for (boolean first : List.of(true, false)) {
                Team team = new Team();
                if (!first) {
                    team.set(Team.NAME, "x");
                    team.set(Team.NAME, "");
                }
                team.mport(context.codec().decode(
                        "{\"attrs\":{\"name\":\"Ops\",\"size\":0,\"rating\":2.5,\"minAge\":0,\"maxAge\":100}}"));
                answers.add(previousState(team));
            }
            equal(answers.get(1), answers.get(0), "a first change and a later one");
            Team team = new Team();
            team.mport(context.codec().decode("{\"attrs\":{\"name\":\"Ops\",\"size\":0,\"rating\":2.5,\"maxAge\":100}}"));
            equal(List.of("name", "rating", "active", "minAge"), new ArrayList<>(team.changedAttributes().keySet()),
                    "changed: the sets in order, then the unsets");
            equal(true, team.previous("active"), "an unset default was the previous value");
            equal(null, team.previous("rating"), "no default: no previous value");
            isTrue(!team.hasChanged("size") && team.hasChanged("name"), "hasChanged by key");
        }));
        scenarios.add(new Scenario("a set inside a listener of a model's first change adds to what that change"
                + " touched, after it", context -> {
            List<String> answers = new ArrayList<>();
            for (boolean first : List.of(true, false)) {
                Team team = new Team();
                if (!first) {
                    team.set(Team.SIZE, 9L);
                    team.set(Team.SIZE, 0L);
                }
                List<String> seen = new ArrayList<>();
                team.on("change:size", e -> {
                    seen.add("previous name " + team.previous("name"));
                    team.set(Team.NAME, "inner");
                });
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("size", 3L);
                values.put("rating", 1.5);
                team.set(values);
                answers.add(seen + " " + previousState(team));
            }
            equal(answers.get(1), answers.get(0), "a first change and a later one");
            isTrue(answers.get(0).contains("changed [size, rating, name]"), "the nested key comes last: " + answers.get(0));
        }));
        scenarios.add(new Scenario("unset and clear remove values and fire change events", context -> {
            Member member = Member.named("Ann", 30);
            List<String> seen = new ArrayList<>();
            member.on("all", e -> seen.add(e.name() + (e.key() != null ? "=" + e.value() : "")));
            member.unset(Member.AGE);
            isTrue(!member.has("age") && !member.attributes().containsKey("age"), "age is gone");
            equal(List.of("change:age=null", "change"), seen, "unset events");
            Project project = Project.titled("X");
            project.clear();
            equal(0, project.attributes().size(), "clear leaves no attributes");
        }));
        scenarios.add(new Scenario("attributes() lists keys in the order they were first set, not declared",
                context -> {
                    Member member = new Member(); // declares name, age, role (default), joined
                    equal(List.of("role"), new ArrayList<>(member.attributes().keySet()), "defaults first");
                    member.set(Member.NAME, "Ann");
                    member.set(Member.JOINED, "2024");
                    member.set(Member.AGE, 3L);
                    equal(List.of("role", "name", "joined", "age"), new ArrayList<>(member.attributes().keySet()),
                            "each new key goes last");
                    member.unset(Member.AGE);
                    equal(List.of("role", "name", "joined"), new ArrayList<>(member.attributes().keySet()),
                            "an unset key leaves the order");
                    equal(List.of("role", "name", "joined", "age"),
                            new ArrayList<>(member.previousAttributes().keySet()), "previousAttributes adds it back last");
                    equal(java.util.Collections.singletonMap("age", null), member.changedAttributes(),
                            "changedAttributes");
                    Map<String, Object> both = new LinkedHashMap<>();
                    both.put("role", "lead");
                    both.put("age", 4L);
                    member.set(both);
                    equal(List.of("role", "name", "joined", "age"), new ArrayList<>(member.attributes().keySet()),
                            "a key set again goes last; a changed key keeps its place");
                    equal(List.of("role", "age"), new ArrayList<>(member.changedAttributes().keySet()),
                            "changedAttributes in the order of the set");
                }));
        scenarios.add(new Scenario("the root streams every mutation of the tree, in order", context -> {
            Team team = new Team();
            team.registry();
            List<String> stream = new ArrayList<>();
            team.onTreeChange(change -> stream.add(describe(change)));
            team.profile.set(dev.tandem.scenarios.fixtures.Profile.BIO, "hi");
            Member ann = Member.named("Ann", 30);
            Member bob = Member.named("Bob", 40);
            team.members.add(ann);
            team.members.add(bob, 0);
            team.members.move(ann, 0);
            Project project = Project.titled("P");
            team.projects.add(project);
            project.tasks.add(Task.of("t1"));
            project.tasks.at(0).set(Task.DONE, true);
            team.members.remove(bob);
            equal(List.of("changed Profile {bio=hi}", "added members@0 Member", "added members@0 Member",
                    "moved members 1->0", "added projects@0 Project", "added tasks@0 Task",
                    "changed Task {done=true}", "removed members@1 Member"), stream, "stream");
        }));
        scenarios.add(new Scenario("a set made inside a listener is streamed after the set that caused it",
                context -> {
                    Team team = new Team();
                    List<String> stream = new ArrayList<>();
                    team.onTreeChange(change -> stream.add(describe(change)));
                    team.on("change:name", e -> {
                        if (!((String) e.value()).endsWith("!")) {
                            team.set(Team.NAME, e.value() + "!");
                        }
                    });
                    team.set(Team.NAME, "hey");
                    equal("hey!", team.get(Team.NAME), "final value");
                    equal(2, stream.size(), "streamed changes");
                    equal("changed Team {name=hey}", stream.get(0), "first streamed");
                    equal("changed Team {name=hey!}", stream.get(1), "second streamed");
                }));
        return scenarios;
    }

    static String describe(TreeChange change) {
        if (change instanceof AttributesChanged c) {
            return "changed " + c.model().schema().modelName() + " " + c.changed()
                    + (c.unset().isEmpty() ? "" : " unset " + c.unset());
        }
        if (change instanceof ModelAdded a) {
            return "added " + name(a.collection()) + "@" + a.index() + " " + a.model().schema().modelName();
        }
        if (change instanceof ModelRemoved r) {
            return "removed " + name(r.collection()) + "@" + r.index() + " " + r.model().schema().modelName();
        }
        ModelMoved m = (ModelMoved) change;
        return "moved " + name(m.collection()) + " " + m.from() + "->" + m.to();
    }

    private static String name(dev.tandem.model.ModelCollection<?> collection) {
        String described = collection.describe();
        return described.substring(described.indexOf('.') + 1, described.indexOf(' '));
    }

    /** Everything Backbone's bookkeeping answers about the last set, keys in order. */
    private static String previousState(Team team) {
        StringBuilder out = new StringBuilder("changed " + new ArrayList<>(team.changedAttributes().keySet()) + " "
                + team.changedAttributes().values() + " previous " + new ArrayList<>(team.previousAttributes().keySet())
                + " " + team.previousAttributes().values() + " attributes " + team.attributes().keySet() + " "
                + team.hasChanged());
        for (String key : List.of("name", "size", "rating", "active", "tags", "meta", "minAge", "maxAge")) {
            out.append(' ').append(key).append('=').append(team.previous(key)).append(team.hasChanged(key) ? "*" : "");
        }
        return out.toString();
    }
}
