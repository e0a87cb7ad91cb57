package dev.tandem.scenarios;

import static dev.tandem.scenarios.harness.Expect.contains;
import static dev.tandem.scenarios.harness.Expect.equal;
import static dev.tandem.scenarios.harness.Expect.isTrue;

import dev.tandem.json.Json;
import dev.tandem.json.JsonObject;
import dev.tandem.model.IdPolicy;
import dev.tandem.model.Notify;
import dev.tandem.scenarios.fixtures.Member;
import dev.tandem.scenarios.fixtures.Profile;
import dev.tandem.scenarios.fixtures.Project;
import dev.tandem.scenarios.fixtures.Task;
import dev.tandem.scenarios.fixtures.Team;
import dev.tandem.scenarios.harness.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** xport and mport: the tree's JSON shape, round trips, re-use of children, and atomic imports. */
final class SerializerScenarios {
    private SerializerScenarios() {
    }

    /** A tree with every kind of node and value, with fixed ids so its text is the same in every runtime. */
    static Team sampleTeam() {
        Team team = new Team();
        team.assignId("team-1");
        team.profile.assignId("profile-1");
        team.members.assignId("members-1");
        team.projects.assignId("projects-1");
        team.registry();
        team.set(Team.NAME, "Platform");
        team.set(Team.SIZE, 3L);
        team.set(Team.RATING, 4.25);
        team.set(Team.TAGS, (dev.tandem.json.JsonArray) Json.of(List.of("infra", "on-call")));
        team.set(Team.META, Json.of(Map.of("floor", 3L)));
        team.profile.set(Profile.BIO, "Keeps the lights on");
        Member ann = Member.named("Ann", 34);
        ann.assignId("m-ann");
        ann.set(Member.JOINED, "2024-01-05");
        Member bob = Member.named("Bob", 27);
        bob.assignId("m-bob");
        team.members.add(ann);
        team.members.add(bob);
        Project project = Project.titled("Migration");
        project.assignId("p-1");
        project.tasks.assignId("p-1-tasks");
        Task task = Task.of("Plan");
        task.assignId("t-1");
        project.tasks.add(task);
        team.projects.add(project);
        return team;
    }

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("xport writes id, attrs, models and collections, attributes in declaration order",
                context -> {
                    Team team = sampleTeam();
                    String text = context.record("sample tree", team.xport());
                    isTrue(text.startsWith("{\"id\":\"team-1\",\"attrs\":{\"name\":\"Platform\",\"size\":3,"
                            + "\"rating\":4.25,\"active\":true,\"tags\":[\"infra\",\"on-call\"]"), "head: " + text);
                    contains(text, "\"models\":{\"profile\":{\"id\":\"" + team.profile.id()
                            + "\",\"attrs\":{\"bio\":\"Keeps the lights on\",\"locale\":\"en\"}}}", "child model");
                    contains(text, "\"collections\":{\"members\":{\"id\":\"" + team.members.id()
                            + "\",\"models\":[{\"id\":\"m-ann\",\"attrs\":{\"name\":\"Ann\",\"age\":34,"
                            + "\"role\":\"member\",\"joined\":\"2024-01-05\"}}", "collection");
                    contains(text, "{\"id\":\"p-1-tasks\",\"models\":[{\"id\":\"t-1\",\"attrs\":{\"text\":\"Plan\","
                            + "\"done\":false}}]}", "nested collection");
                }));
        scenarios.add(new Scenario("mport(xport(x)) builds an equal tree whose text is the same, byte for byte",
                context -> {
                    Team original = sampleTeam();
                    String before = context.codec().encode(original.xport());
                    Team copy = new Team();
                    copy.registry(IdPolicy.ASSIGNED);
                    copy.mport(context.codec().decode(before));
                    String after = context.record("round trip", copy.xport());
                    equal(before, after, "text after the round trip");
                    equal(original.xport(), copy.xport(), "trees");
                    equal(copy.members.at(0), copy.registry().model("m-ann"), "imported members are registered");
                    equal("Plan", ((Task) copy.registry().model("t-1")).get(Task.TEXT), "deep member imported");
                }));
        scenarios.add(new Scenario("mport re-uses child models by name and members by id, firing their changes",
                context -> {
                    Team team = sampleTeam();
                    Member ann = team.members.get("m-ann");
                    Profile profile = team.profile;
                    Team edited = sampleTeam();
                    edited.members.get("m-ann").set(Member.AGE, 35L);
                    edited.profile.set(Profile.LOCALE, "fr");
                    List<String> seen = new ArrayList<>();
                    ann.on("change:age", e -> seen.add("ann age " + e.value()));
                    profile.on("change:locale", e -> seen.add("locale " + e.value()));
                    team.members.on("add", e -> seen.add("add"));
                    team.members.on("remove", e -> seen.add("remove"));
                    team.mport(edited.xport());
                    equal(ann, team.members.get("m-ann"), "the same member instance");
                    equal(profile, team.profile, "the same child instance");
                    equal(List.of("locale fr", "ann age 35"), seen, "only real changes fire");
                }));
        scenarios.add(new Scenario("mport adds, removes and reorders members to match the image", context -> {
            Team team = sampleTeam();
            Team image = sampleTeam();
            image.members.remove(image.members.get("m-ann"));
            Member cy = Member.named("Cy", 50);
            cy.assignId("m-cy");
            image.members.add(cy, 0);
            List<String> stream = new ArrayList<>();
            team.onTreeChange(change -> stream.add(EventScenarios.describe(change)));
            team.mport(image.xport());
            equal(List.of("Cy", "Bob"), team.members.pluck(Member.NAME), "members");
            equal(List.of("removed members@0 Member", "added members@0 Member"), stream, "streamed changes");
            equal(null, team.registry().model("m-ann"), "removed member unregistered");
            equal(image.xport(), team.xport(), "tree equals the image");
        }));
        scenarios.add(new Scenario("a silent mport changes the tree and fires no event", context -> {
            Team team = sampleTeam();
            Team image = sampleTeam();
            image.set(Team.NAME, "Renamed");
            image.members.remove(image.members.at(1));
            int[] events = {0};
            team.on("all", e -> events[0]++);
            team.members.on("all", e -> events[0]++);
            team.mport(image.xport(), Notify.SILENT);
            equal("Renamed", team.get(Team.NAME), "name");
            equal(1, team.members.size(), "members");
            equal(0, events[0], "events");
        }));
        scenarios.add(new Scenario("xportWithoutChildren holds only id and attrs, and importing it touches"
                + " attributes only", context -> {
            Team team = sampleTeam();
            JsonObject shallow = team.xportWithoutChildren();
            equal(List.of("id", "attrs"), new ArrayList<>(shallow.keys()), "keys");
            context.record("shallow", shallow);
            Team other = sampleTeam();
            other.set(Team.NAME, "Other");
            other.mport(shallow);
            equal("Platform", other.get(Team.NAME), "attributes imported");
            equal(2, other.members.size(), "members untouched");
        }));
        return scenarios;
    }
}
