package dev.tandem.bench.model;

import dev.tandem.model.BaseModel;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;

/** One moving entity: position and the server time (ms, sub-ms precision) of its last change. */
public final class Entity extends BaseModel {
    public static final Attribute<Double> X = Attribute.number("x").defaultValue(0.0);
    public static final Attribute<Double> Y = Attribute.number("y").defaultValue(0.0);
    public static final Attribute<Double> TS = Attribute.number("ts").defaultValue(0.0);
    public static final Schema SCHEMA = Schema.of("Entity", X, Y, TS);

    public Entity() {
        super(SCHEMA);
    }
}
