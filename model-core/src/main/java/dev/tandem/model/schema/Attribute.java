package dev.tandem.model.schema;

import dev.tandem.json.JsonArray;
import dev.tandem.json.JsonLimits;
import dev.tandem.json.JsonName;
import dev.tandem.json.JsonNull;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonReader;
import dev.tandem.json.JsonValue;
import dev.tandem.json.JsonWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One declared, typed attribute of a model: its name, its {@link AttributeType} and the rules its values obey.
 *
 * <p>Declare attributes as constants and hand them to a {@link Schema}:
 * <pre>{@code
 * static final Attribute<String> COLUMN = Attribute.string("column").required().defaultValue("todo")
 *         .oneOf("todo", "doing", "done").clientEditable();
 * }</pre>
 * The rules: {@link #required()} (must always hold a value: cannot be unset, must be present on import),
 * {@link #defaultValue} (the value a new model starts with), {@link #nullable()} (may hold null), {@link #oneOf}
 * (allowed values), {@link #setOnce()} (cannot change once it holds a value), {@link #check} (a custom test with
 * the expectation it stands for), {@link #clientEditable()} (clients of a server may set it; used by the server's
 * default authorization). The builder methods configure the attribute until a Schema takes it; after that it is
 * frozen and they fail.
 *
 * @param <T> the Java type of the stored value (see {@link AttributeType})
 */
public final class Attribute<T> {
    private final String name;
    private final JsonName jsonName;
    private final String changeEventName;
    private final AttributeType type;
    private boolean required;
    private boolean nullable;
    private boolean setOnce;
    private boolean clientEditable;
    private boolean hasDefault;
    private T defaultValue;
    private List<T> allowed;
    private Predicate<T> check;
    private String checkExpectation;
    private boolean frozen;

    private Attribute(String name, AttributeType type) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an attribute needs a name");
        }
        this.name = name;
        this.jsonName = JsonName.of(name);
        this.changeEventName = "change:" + name;
        this.type = type;
    }

    public static Attribute<String> string(String name) {
        return new Attribute<>(name, AttributeType.STRING);
    }

    public static Attribute<Long> integer(String name) {
        return new Attribute<>(name, AttributeType.INTEGER);
    }

    public static Attribute<Double> number(String name) {
        return new Attribute<>(name, AttributeType.NUMBER);
    }

    public static Attribute<Boolean> bool(String name) {
        return new Attribute<>(name, AttributeType.BOOLEAN);
    }

    public static Attribute<JsonArray> list(String name) {
        return new Attribute<>(name, AttributeType.LIST);
    }

    public static Attribute<JsonValue> plain(String name) {
        return new Attribute<>(name, AttributeType.PLAIN);
    }

    public Attribute<T> required() {
        mutable();
        required = true;
        return this;
    }

    public Attribute<T> nullable() {
        mutable();
        nullable = true;
        return this;
    }

    public Attribute<T> setOnce() {
        mutable();
        setOnce = true;
        return this;
    }

    public Attribute<T> clientEditable() {
        mutable();
        clientEditable = true;
        return this;
    }

    public Attribute<T> defaultValue(T value) {
        mutable();
        hasDefault = true;
        defaultValue = value;
        return this;
    }

    @SafeVarargs
    public final Attribute<T> oneOf(T... values) {
        mutable();
        List<T> normalized = new ArrayList<>();
        for (T value : values) {
            normalized.add(normalizeOrFail(value));
        }
        allowed = Collections.unmodifiableList(normalized);
        return this;
    }

    /**
     * A custom test every non-null value must pass; {@code expectation} completes "must be …" in the error,
     * e.g. {@code check(s -> s.length() <= 500, "at most 500 characters")}.
     */
    public Attribute<T> check(Predicate<T> test, String expectation) {
        mutable();
        check = Objects.requireNonNull(test);
        checkExpectation = Objects.requireNonNull(expectation);
        return this;
    }

    public String name() {
        return name;
    }

    /** The name as a {@link JsonName}, for writers that prepare a name's text once ({@link JsonWriter#name(JsonName)}). */
    public JsonName jsonName() {
        return jsonName;
    }

    /** {@code change:<name>}, the event a change of this attribute fires. */
    public String changeEventName() {
        return changeEventName;
    }

    public AttributeType type() {
        return type;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isNullable() {
        return nullable;
    }

    public boolean isSetOnce() {
        return setOnce;
    }

    public boolean isClientEditable() {
        return clientEditable;
    }

    public boolean hasDefault() {
        return hasDefault;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The allowed values, or an empty list when any value of the type is allowed. */
    public List<T> allowedValues() {
        return allowed == null ? Collections.emptyList() : allowed;
    }

    /**
     * Validates a Java value (or a JSON value of the right kind) and returns its stored form; fails with
     * {@link AttributeValueException} saying what was expected.
     */
    public T accept(Object raw) {
        if (raw instanceof JsonValue json && type != AttributeType.PLAIN && type != AttributeType.LIST) {
            return acceptJson(json); // a JSON value is accepted for any type: JsonString for a string, …
        }
        if (raw == null || raw == JsonNull.INSTANCE && type != AttributeType.PLAIN) {
            return acceptNull();
        }
        Object stored = type.fromJava(raw);
        if (stored == null) {
            if (raw == JsonNull.INSTANCE) {
                return acceptNull();
            }
            throw new AttributeValueException(Violation.WRONG_TYPE, "must be " + type.expected() + ", got " + Values.describe(raw));
        }
        return checkRules(stored);
    }

    /** Like {@link #accept} for a value read from JSON. */
    public T acceptJson(JsonValue json) {
        if (json == JsonNull.INSTANCE) {
            return acceptNull();
        }
        Object stored = type.fromJson(json);
        if (stored == null) {
            throw new AttributeValueException(Violation.WRONG_TYPE, "must be " + type.expected() + ", got " + Values.describe(json));
        }
        return checkRules(stored);
    }

    /**
     * Like {@link #acceptJson(JsonValue)} for the value {@code in} is positioned before, which it consumes: a
     * string, number or boolean of this attribute's own type is read as it is, without a JSON tree node.
     */
    public T acceptJson(JsonReader in) {
        JsonValue.Kind kind = in.peek();
        switch (type) {
            case STRING:
                if (kind == JsonValue.Kind.STRING) {
                    return checkRules(in.nextString());
                }
                break;
            case NUMBER:
                if (kind == JsonValue.Kind.NUMBER) {
                    double value = in.nextDouble();
                    return checkRules(value == 0 ? 0.0 : value);
                }
                break;
            case INTEGER:
                if (kind == JsonValue.Kind.NUMBER) {
                    double value = in.nextDouble();
                    if (value == Math.floor(value) && Math.abs(value) <= JsonNumber.MAX_SAFE_INTEGER) { // as isSafeInteger
                        return checkRules((long) value);
                    }
                    throw new AttributeValueException(Violation.WRONG_TYPE, "must be " + type.expected() + ", got "
                            + Values.describe(JsonNumber.of(value)));
                }
                break;
            case BOOLEAN:
                if (kind == JsonValue.Kind.BOOLEAN) {
                    return checkRules(in.nextBoolean());
                }
                break;
            default:
                break;
        }
        return acceptJson(in.readValue());
    }

    /** The JSON form of a stored value. */
    public JsonValue toJson(Object stored) {
        return type.toJson(stored);
    }

    /** Writes the JSON form of a stored value, the same as {@link #toJson}, without building it. */
    public void writeJson(Object stored, JsonWriter out) {
        type.writeJson(stored, out);
    }

    void freeze() {
        if (hasDefault && defaultValue != null) {
            defaultValue = normalizeOrFail(defaultValue);
        }
        if (hasDefault) {
            try {
                defaultValue = accept(defaultValue);
            } catch (AttributeValueException e) {
                throw new IllegalStateException("the default of attribute '" + name + "' " + e.getMessage());
            }
        }
        frozen = true;
    }

    private T acceptNull() {
        if (!nullable) {
            throw new AttributeValueException(Violation.WRONG_TYPE, "must not be null" + (required ? "" : " (unset it instead)"));
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private T checkRules(Object stored) {
        T value = (T) stored;
        // Only LIST and PLAIN store JSON values: the type test first spares every scalar an interface check.
        if ((type == AttributeType.LIST || type == AttributeType.PLAIN) && stored instanceof JsonValue json
                && json.depth() > JsonLimits.MAX_VALUE_DEPTH) {
            throw new AttributeValueException(Violation.TOO_DEEP, "must nest at most " + JsonLimits.MAX_VALUE_DEPTH
                    + " levels deep, got " + json.depth());
        }
        if (allowed != null && !allowed.contains(value)) {
            throw new AttributeValueException(Violation.NOT_ALLOWED, "must be one of " + Values.describeAll(allowed) + ", got "
                    + Values.describe(value));
        }
        if (check != null && !check.test(value)) {
            throw new AttributeValueException(Violation.CHECK_FAILED, "must be " + checkExpectation + ", got " + Values.describe(value));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private T normalizeOrFail(T value) {
        Object stored = value == null ? null : type.fromJava(value);
        if (value != null && stored == null) {
            throw new IllegalArgumentException("attribute '" + name + "': " + Values.describe(value) + " is not "
                    + type.expected());
        }
        return (T) stored;
    }

    private void mutable() {
        if (frozen) {
            throw new IllegalStateException("attribute '" + name + "' is part of a schema and can no longer change");
        }
    }

    @Override
    public String toString() {
        return name + ":" + type.name().toLowerCase();
    }
}
