package dev.tandem.scenarios;

import static dev.tandem.scenarios.harness.Expect.equal;
import static dev.tandem.scenarios.harness.Expect.fails;
import static dev.tandem.scenarios.harness.Expect.isTrue;

import dev.tandem.model.IdPolicy;
import dev.tandem.model.ModelValidationException;
import dev.tandem.model.Registry;
import dev.tandem.scenarios.fixtures.Member;
import dev.tandem.scenarios.fixtures.Project;
import dev.tandem.scenarios.fixtures.Task;
import dev.tandem.scenarios.fixtures.Team;
import dev.tandem.scenarios.harness.Scenario;
import java.util.ArrayList;
import java.util.List;

/** The per-tree id index: lookups at any depth, bookkeeping on add and remove, id generation. */
final class RegistryScenarios {
    private RegistryScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("the registry finds every model and collection of the tree by id, at any depth",
                context -> {
                    Team team = new Team();
                    Project project = Project.titled("P");
                    Task task = Task.of("deep");
                    project.tasks.add(task);
                    team.projects.add(project);
                    Registry registry = team.registry();
                    equal(team, registry.model(team.id()), "root");
                    equal(team.profile, registry.model(team.profile.id()), "child model");
                    equal(team.members, registry.collection(team.members.id()), "collection");
                    equal(project.tasks, registry.collection(project.tasks.id()), "nested collection");
                    equal(task, registry.model(task.id()), "model two collections down");
                    equal(task, registry.modelByClientId(task.cid()), "by client id");
                    equal(null, registry.model(team.members.id()), "a collection id is not a model");
                    // team, profile, members, projects, project, tasks, task
                    equal(7, registry.size(), "nodes indexed");
                }));
        scenarios.add(new Scenario("registry entries appear on add and disappear on remove, leaving nothing behind",
                context -> {
                    Team team = new Team();
                    Registry registry = team.registry();
                    int before = registry.size();
                    int modelsBefore = registry.modelCount();
                    Project project = Project.titled("P");
                    project.tasks.add(Task.of("a"));
                    project.tasks.add(Task.of("b"));
                    team.projects.add(project);
                    equal(before + 4, registry.size(), "project, its tasks collection and two tasks joined");
                    String taskId = project.tasks.at(1).id();
                    isTrue(registry.contains(taskId), "nested task indexed");
                    Task late = Task.of("late");
                    project.tasks.add(late);
                    isTrue(registry.contains(late.id()), "a model added deep inside joins too");
                    team.projects.remove(project);
                    equal(before, registry.size(), "ids after removal");
                    equal(modelsBefore, registry.modelCount(), "client ids after removal");
                    isTrue(!registry.contains(taskId), "nested task forgotten");
                    for (int i = 0; i < 50; i++) {
                        Member member = Member.named("m" + i, i);
                        team.members.add(member);
                        team.members.remove(member);
                    }
                    equal(before, registry.size(), "after 50 add/remove rounds");
                }));
        scenarios.add(new Scenario("an authoritative tree gives models and collections UUIDs as they join",
                context -> {
                    Team team = new Team();
                    team.registry();
                    Member member = Member.named("Ann", 1);
                    equal(null, member.id(), "no id while detached");
                    team.members.add(member);
                    isTrue(isUuid(member.id()), "member id is a UUID: " + member.id());
                    isTrue(isUuid(team.id()) && isUuid(team.members.id()), "root and collection ids are UUIDs");
                    isTrue(!member.id().equals(team.id()), "ids differ");
                }));
        scenarios.add(new Scenario("a replica tree takes ids from data and generates none", context -> {
            Team replica = new Team();
            Registry registry = replica.registry(IdPolicy.ASSIGNED);
            equal(null, replica.id(), "root has no id yet");
            Member member = Member.named("Ann", 1);
            replica.members.add(member);
            equal(null, member.id(), "member has no id");
            equal(member, registry.modelByClientId(member.cid()), "found by client id");
            member.assignId("from-server");
            equal(member, registry.model("from-server"), "found by the id it was given");
            equal(member, replica.members.get("from-server"), "collection indexes it too");
        }));
        scenarios.add(new Scenario("two trees have registries of their own", context -> {
            Team first = new Team();
            Team second = new Team();
            Member member = Member.named("Ann", 1);
            first.members.add(member);
            isTrue(first.registry().contains(member.id()), "in the first tree");
            isTrue(!second.registry().contains(member.id()), "not in the second");
            first.members.remove(member);
            second.members.add(member);
            isTrue(second.registry().contains(member.id()), "moved to the second");
            isTrue(!first.registry().contains(member.id()), "gone from the first");
        }));
        scenarios.add(new Scenario("an id already used in the tree is refused, and ids are set once", context -> {
            Team team = new Team();
            Member ann = Member.named("Ann", 1);
            ann.assignId("same");
            team.members.add(ann);
            Member copy = Member.named("Copy", 1);
            copy.assignId("same");
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> team.members.add(copy), "a second member with the same id");
            isTrue(refused.getMessage().contains("\"same\""), "message names the id: " + refused.getMessage());
            Project project = Project.titled("x");
            project.assignId("same");
            fails(ModelValidationException.class, () -> team.projects.add(project),
                    "the same id in another collection of the tree");
            equal(1, team.members.size(), "members unchanged");
            equal(0, team.projects.size(), "projects unchanged");
            fails(ModelValidationException.class, () -> ann.assignId("other"), "changing an id");
            equal("same", ann.id(), "the id stays");
        }));
        return scenarios;
    }

    static boolean isUuid(String id) {
        return id != null && id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
}
