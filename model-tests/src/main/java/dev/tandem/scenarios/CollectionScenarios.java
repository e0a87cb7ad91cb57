package dev.tandem.scenarios;

import static dev.tandem.scenarios.harness.Expect.equal;
import static dev.tandem.scenarios.harness.Expect.fails;
import static dev.tandem.scenarios.harness.Expect.isTrue;

import dev.tandem.model.ModelCollection;
import dev.tandem.model.ModelValidationException;
import dev.tandem.scenarios.fixtures.Member;
import dev.tandem.scenarios.fixtures.Team;
import dev.tandem.scenarios.harness.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The typed collection: membership, order, lookups, sorting and its events. */
final class CollectionScenarios {
    private CollectionScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("add appends, add at an index inserts, and add fires with the index", context -> {
            Team team = new Team();
            List<String> seen = new ArrayList<>();
            team.members.on("add", e -> seen.add(e.model().get(Member.NAME) + "@" + e.index()));
            team.members.add(Member.named("Ann", 1));
            team.members.add(Member.named("Bob", 2));
            team.members.add(Member.named("Cid", 3), 1);
            equal(List.of("Ann", "Cid", "Bob"), team.members.pluck(Member.NAME), "order");
            equal(List.of("Ann@0", "Bob@1", "Cid@1"), seen, "add events");
        }));
        scenarios.add(new Scenario("adding a member again does nothing; a member of another collection is refused",
                context -> {
                    Team team = new Team();
                    Team other = new Team();
                    Member ann = Member.named("Ann", 1);
                    team.members.add(ann);
                    int[] events = {0};
                    team.members.on("all", e -> events[0]++);
                    team.members.add(ann);
                    equal(1, team.members.size(), "size after adding twice");
                    equal(0, events[0], "events of the second add");
                    ModelValidationException refused = fails(ModelValidationException.class,
                            () -> other.members.add(ann), "adding a member of another collection");
                    isTrue(refused.getMessage().contains("remove it there first"), "message: " + refused.getMessage());
                    equal(0, other.members.size(), "the other collection is unchanged");
                }));
        scenarios.add(new Scenario("remove fires remove on the model and the collection with the old index",
                context -> {
                    Team team = new Team();
                    Member ann = Member.named("Ann", 1);
                    Member bob = Member.named("Bob", 2);
                    team.members.add(ann);
                    team.members.add(bob);
                    List<String> seen = new ArrayList<>();
                    bob.on("remove", e -> seen.add("model@" + e.index()));
                    team.members.on("remove", e -> seen.add("collection@" + e.index()));
                    isTrue(team.members.remove(bob), "remove reports removal");
                    isTrue(!team.members.remove(bob), "removing again reports nothing removed");
                    equal(List.of("model@1", "collection@1"), seen, "remove events");
                    equal(null, bob.parent(), "the removed model has no parent");
                }));
        scenarios.add(new Scenario("move reorders and fires move with from and to", context -> {
            Team team = new Team();
            for (String name : List.of("A", "B", "C", "D")) {
                team.members.add(Member.named(name, 1));
            }
            List<String> seen = new ArrayList<>();
            team.members.on("move", e -> seen.add(e.model().get(Member.NAME) + ":" + e.fromIndex() + "->" + e.index()));
            team.members.move(team.members.at(0), 2);
            team.members.move(team.members.at(3), 0);
            equal(List.of("D", "B", "C", "A"), team.members.pluck(Member.NAME), "order");
            equal(List.of("A:0->2", "D:3->0"), seen, "move events");
            fails(ModelValidationException.class, () -> team.members.move(team.members.at(0), 4), "move past end");
        }));
        scenarios.add(new Scenario("reset replaces every member and fires one reset", context -> {
            Team team = new Team();
            team.members.add(Member.named("Old", 1));
            Member old = team.members.at(0);
            List<String> seen = new ArrayList<>();
            team.members.on("all", e -> seen.add(e.name()));
            team.members.reset(List.of(Member.named("X", 1), Member.named("Y", 2)));
            equal(List.of("X", "Y"), team.members.pluck(Member.NAME), "members");
            equal(List.of("reset"), seen, "events");
            equal(null, old.parent(), "the old member is detached");
        }));
        scenarios.add(new Scenario("a comparator keeps adds sorted, and sort reorders stably, streamed as moves",
                context -> {
                    Team team = new Team();
                    team.members.add(Member.named("c", 3));
                    team.members.add(Member.named("a", 1));
                    team.members.add(Member.named("b", 1));
                    List<String> stream = new ArrayList<>();
                    team.onTreeChange(change -> stream.add(EventScenarios.describe(change)));
                    List<String> events = new ArrayList<>();
                    team.members.on("all", e -> events.add(e.name()));
                    team.members.comparator(Comparator.comparing(m -> m.get(Member.AGE)));
                    team.members.sort();
                    equal(List.of("a", "b", "c"), team.members.pluck(Member.NAME), "sorted, ties in old order");
                    equal(List.of("moved members 1->0", "moved members 2->1"), stream, "streamed moves");
                    equal(List.of("sort"), events, "one sort event");
                    team.members.add(Member.named("d", 2));
                    equal(List.of("a", "b", "d", "c"), team.members.pluck(Member.NAME), "add keeps the order");
                    team.members.add(Member.named("e", 2));
                    equal("e", team.members.at(3).get(Member.NAME), "an equal key goes after its equals");
                }));
        scenarios.add(new Scenario("get finds members by id and by client id; at, size and iteration agree",
                context -> {
                    Team team = new Team();
                    Member ann = Member.named("Ann", 1);
                    ann.assignId("m-ann");
                    Member bob = Member.named("Bob", 2);
                    team.members.add(ann);
                    team.members.add(bob);
                    equal(ann, team.members.get("m-ann"), "by id");
                    equal(bob, team.members.get(bob.cid()), "by client id");
                    equal(null, team.members.get("nobody"), "unknown id");
                    equal(2, team.members.size(), "size");
                    equal(bob, team.members.at(1), "at");
                    List<String> names = new ArrayList<>();
                    for (Member member : team.members) {
                        names.add(member.get(Member.NAME));
                    }
                    equal(List.of("Ann", "Bob"), names, "iteration");
                    team.registry();
                    equal(bob, team.members.get(bob.id()), "by an id assigned after joining");
                }));
        scenarios.add(new Scenario("where, find and pluck select members", context -> {
            Team team = new Team();
            team.members.add(Member.named("Ann", 31));
            team.members.add(Member.named("Bob", 25));
            team.members.add(Member.named("Cy", 31));
            team.members.at(2).set(Member.ROLE, "lead");
            equal(2, team.members.where(Member.AGE, 31L).size(), "where by attribute");
            equal("Bob", team.members.find(m -> m.get(Member.AGE) < 30).get(Member.NAME), "find");
            equal(null, team.members.find(m -> m.get(Member.AGE) > 90), "find nothing");
            equal(List.of("member", "member", "lead"), team.members.pluck(Member.ROLE), "pluck");
            equal(1, team.members.where(m -> "lead".equals(m.get(Member.ROLE))).size(), "where by predicate");
        }));
        scenarios.add(new Scenario("events of member models are forwarded to their collection", context -> {
            Team team = new Team();
            Member ann = Member.named("Ann", 1);
            team.members.add(ann);
            List<String> seen = new ArrayList<>();
            team.members.on("change:age", e -> seen.add(e.model().get(Member.NAME) + " age " + e.value()));
            team.members.on("change", e -> seen.add("change"));
            ann.set(Member.AGE, 2L);
            team.members.remove(ann);
            ann.set(Member.AGE, 3L);
            equal(List.of("Ann age 2", "change"), seen, "forwarded only while a member");
        }));
        scenarios.add(new Scenario("a standalone collection works without an owner model", context -> {
            ModelCollection<Member> people = new ModelCollection<>(Member::new);
            people.add(Member.named("Solo", 5));
            equal(1, people.size(), "size");
            equal(1, people.registry().modelCount(), "its own registry");
            isTrue(people.create() instanceof Member, "its factory builds members");
        }));
        return scenarios;
    }
}
