package dev.tandem.scenarios;

import static dev.tandem.scenarios.harness.Expect.contains;
import static dev.tandem.scenarios.harness.Expect.equal;
import static dev.tandem.scenarios.harness.Expect.fails;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.model.ModelValidationException;
import dev.tandem.scenarios.fixtures.Member;
import dev.tandem.scenarios.fixtures.Team;
import dev.tandem.scenarios.harness.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bad input to set and mport: one clear exception, and the model exactly as it was. */
final class ValidationScenarios {
    private ValidationScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario("a value of the wrong type is refused naming model, key and expectation, and"
                + " nothing changes", context -> {
            Team team = SerializerScenarios.sampleTeam();
            String before = context.codec().encode(team.xport());
            int[] events = {0};
            team.on("all", e -> events[0]++);
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> team.set("size", "three"), "a string for an integer");
            equal("Team team-1", refused.where(), "where");
            equal("size", refused.key(), "key");
            equal("Team team-1: 'size' must be an integer within ±(2^53 - 1), got \"three\"", refused.getMessage(),
                    "message");
            fails(ModelValidationException.class, () -> team.set("size", 2.5), "a fraction for an integer");
            fails(ModelValidationException.class, () -> team.set("active", "yes"), "a string for a boolean");
            fails(ModelValidationException.class, () -> team.set("rating", "high"), "a string for a number");
            fails(ModelValidationException.class, () -> team.set("tags", "x"), "a string for a list");
            fails(ModelValidationException.class, () -> team.set("meta", new Object()), "a non-plain value");
            equal(before, context.codec().encode(team.xport()), "tree unchanged");
            equal(0, events[0], "no events");
        }));
        scenarios.add(new Scenario("an undeclared key is refused and no other key of the same set is applied",
                context -> {
                    Team team = new Team();
                    Map<String, Object> values = new LinkedHashMap<>();
                    values.put("name", "Changed");
                    values.put("colour", "red");
                    ModelValidationException refused = fails(ModelValidationException.class,
                            () -> team.set(values), "undeclared key");
                    equal("colour", refused.key(), "key");
                    contains(refused.getMessage(), "is not declared by Team (declared: name, size,", "message");
                    equal("", team.get(Team.NAME), "name untouched");
                }));
        scenarios.add(new Scenario("a refused number is quoted as the JSON text writes it", context -> {
            Team team = new Team();
            contains(fails(ModelValidationException.class, () -> team.set("size", 2.5), "a fraction").getMessage(),
                    "'size' must be an integer within ±(2^53 - 1), got 2.5", "a fraction");
            contains(fails(ModelValidationException.class, () -> team.set("size", 1e21), "1e21").getMessage(),
                    "got 1e+21", "a large whole number");
            contains(fails(ModelValidationException.class, () -> team.set("size", 0.1 + 0.2), "0.1 + 0.2")
                    .getMessage(), "got 0.30000000000000004", "shortest digits");
            contains(fails(ModelValidationException.class, () -> team.set("name", List.of(1.5, "a")), "a list")
                    .getMessage(), "must be a string, got [1.5, \"a\"]", "a list of values");
            JsonCodec codec = context.codec();
            String tree = codec.encode(SerializerScenarios.sampleTeam().xport()).replace("\"text\":\"Plan\"",
                    "\"text\":1.5e-7");
            contains(fails(ModelValidationException.class, () -> SerializerScenarios.sampleTeam()
                    .mport(codec.decode(tree)), "a number for a string").getMessage(),
                    "must be a string, got number 1.5e-7", "a number from JSON");
        }));
        scenarios.add(new Scenario("a value outside the allowed values is refused", context -> {
            Member member = Member.named("Ann", 3);
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> member.set(Member.ROLE, "boss"), "role boss");
            contains(refused.getMessage(), "'role' must be one of [\"member\", \"lead\"], got \"boss\"", "message");
            equal("member", member.get(Member.ROLE), "role untouched");
        }));
        scenarios.add(new Scenario("a required attribute cannot be unset or cleared", context -> {
            Member member = Member.named("Ann", 3);
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> member.unset(Member.NAME), "unset name");
            contains(refused.getMessage(), "'name' is required and cannot be unset", "message");
            fails(ModelValidationException.class, member::clear, "clear");
            equal("Ann", member.get(Member.NAME), "name kept");
            equal(3L, member.get(Member.AGE), "clear removed nothing");
        }));
        scenarios.add(new Scenario("a model missing a required value cannot join a collection", context -> {
            Team team = new Team();
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> team.members.add(new Member()), "nameless member");
            contains(refused.getMessage(), "'name' is required but has no value", "message");
            equal(0, team.members.size(), "members");
        }));
        scenarios.add(new Scenario("a set-once attribute keeps its first value", context -> {
            Member member = Member.named("Ann", 3);
            member.set(Member.JOINED, "2024-01-01");
            member.set(Member.JOINED, "2024-01-01");
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> member.set(Member.JOINED, "2025-01-01"), "second value");
            contains(refused.getMessage(), "'joined' is set once and already holds \"2024-01-01\"", "message");
            equal("2024-01-01", member.get(Member.JOINED), "value kept");
        }));
        scenarios.add(new Scenario("a failing custom check is refused with its expectation", context -> {
            Member member = Member.named("Ann", 3);
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> member.set(Member.AGE, -1L), "negative age");
            contains(refused.getMessage(), "'age' must be at least 0, got -1", "message");
            fails(ModelValidationException.class, () -> member.set(Member.NAME, ""), "empty name");
            equal(3L, member.get(Member.AGE), "age kept");
        }));
        scenarios.add(new Scenario("the validate hook refuses a combination of values", context -> {
            Team team = new Team();
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> team.set(Team.MIN_AGE, 200L), "min above max");
            contains(refused.getMessage(), "minAge must not exceed maxAge (200 > 100)", "message");
            Map<String, Object> both = new LinkedHashMap<>();
            both.put("minAge", 200L);
            both.put("maxAge", 300L);
            team.set(both);
            equal(200L, team.get(Team.MIN_AGE), "a valid combination passes");
        }));
        scenarios.add(new Scenario("null is accepted only by nullable attributes", context -> {
            Team team = new Team();
            team.set(Team.RATING, null);
            equal(true, team.attributes().containsKey("rating"), "rating holds null");
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> team.set(Team.SIZE, null), "null size");
            contains(refused.getMessage(), "'size' must not be null (unset it instead)", "message");
        }));
        scenarios.add(new Scenario("unsafe integers, NaN and infinities are refused", context -> {
            Team team = new Team();
            fails(ModelValidationException.class, () -> team.set(Team.SIZE, JsonNumber.MAX_SAFE_INTEGER + 1),
                    "2^53");
            team.set(Team.SIZE, JsonNumber.MAX_SAFE_INTEGER);
            fails(ModelValidationException.class, () -> team.set(Team.RATING, Double.NaN), "NaN");
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> team.set(Team.RATING, Double.POSITIVE_INFINITY), "Infinity");
            contains(refused.getMessage(), "must be a finite number", "message");
            team.set(Team.RATING, -0.0);
            equal(0.0, team.get(Team.RATING), "-0 is stored as 0");
            fails(IllegalArgumentException.class, () -> JsonNumber.of(Double.NaN), "NaN has no JSON");
        }));
        scenarios.add(new Scenario("a list or plain value nested deeper than the value limit is refused", context -> {
            Team team = new Team();
            dev.tandem.json.JsonValue deep = JsonNumber.of(1);
            for (int i = 1; i < dev.tandem.json.JsonLimits.MAX_VALUE_DEPTH; i++) {
                deep = JsonArray.of(deep);
            }
            team.set(Team.META, deep);
            equal(dev.tandem.json.JsonLimits.MAX_VALUE_DEPTH, team.get(Team.META).depth(), "exactly the limit");
            dev.tandem.json.JsonValue deeper = JsonArray.of(deep);
            ModelValidationException refused = fails(ModelValidationException.class,
                    () -> team.set(Team.META, deeper), "one level more");
            equal(dev.tandem.model.schema.Violation.TOO_DEEP, refused.violation(), "violation");
            fails(ModelValidationException.class, () -> team.set(Team.TAGS, JsonArray.of(deeper)), "a deep list");
        }));
        scenarios.add(new Scenario("mport of a malformed tree fails with its JSON path and changes nothing",
                context -> {
                    JsonCodec codec = context.codec();
                    Team team = SerializerScenarios.sampleTeam();
                    String before = codec.encode(team.xport());
                    int[] events = {0};
                    team.on("all", e -> events[0]++);
                    team.members.on("all", e -> events[0]++);
                    String deepBad = before.replace("\"text\":\"Plan\"", "\"text\":7");
                    ModelValidationException deep = fails(ModelValidationException.class,
                            () -> team.mport(codec.decode(deepBad)), "a number for a deep string");
                    equal("$.collections.projects.models[0].collections.tasks.models[0].attrs", deep.where(),
                            "path");
                    equal("text", deep.key(), "key");
                    String duplicate = before.replace("\"id\":\"m-bob\"", "\"id\":\"m-ann\"");
                    contains(fails(ModelValidationException.class, () -> team.mport(codec.decode(duplicate)),
                            "duplicate ids").getMessage(), "is also used at $.collections.members.models[0]",
                            "duplicate id message");
                    String renamedEarlier = before.replace("\"name\":\"Platform\"", "\"name\":\"Renamed\"")
                            .replace("\"role\":\"member\",\"joined\"", "\"role\":\"boss\",\"joined\"");
                    ModelValidationException late = fails(ModelValidationException.class,
                            () -> team.mport(codec.decode(renamedEarlier)), "a bad value after a good one");
                    equal("$.collections.members.models[0].attrs", late.where(), "late path");
                    fails(ModelValidationException.class, () -> team.mport(JsonString.of("x")), "not an object");
                    fails(ModelValidationException.class, () -> team.mport(JsonObject.of("id", JsonString.of(
                            "team-1"))), "attrs missing");
                    fails(ModelValidationException.class, () -> team.mport(codec.decode(before.replace(
                            "\"models\":{\"profile\"", "\"models\":{\"profil\""))), "undeclared child");
                    fails(ModelValidationException.class, () -> team.mport(codec.decode(before.replace(
                            "\"id\":\"team-1\"", "\"id\":\"team-2\""))), "another root id");
                    fails(ModelValidationException.class, () -> team.mport(codec.decode(before.replace(
                            "\"models\":[{\"id\":\"t-1\"", "\"models\":{\"x\":[{\"id\":\"t-1\"").replace(
                            "\"done\":false}}]}", "\"done\":false}}]}}"))), "members not an array");
                    fails(ModelValidationException.class, () -> team.mport(codec.decode(before.replace(
                            "\"minAge\":0", "\"minAge\":500"))), "validate hook during import");
                    fails(ModelValidationException.class, () -> team.mport(codec.decode(before.replace(
                            "\"name\":\"Ann\",", ""))), "required member attribute missing");
                    equal(before, codec.encode(team.xport()), "tree unchanged");
                    equal(0, events[0], "no events");
                    team.mport(codec.decode(renamedEarlier.replace("\"role\":\"boss\"", "\"role\":\"lead\"")));
                    equal("Renamed", team.get(Team.NAME), "a valid image still imports afterwards");
                    equal(JsonArray.class, team.get(Team.TAGS).getClass(), "tags kept their type");
                }));
        return scenarios;
    }
}
