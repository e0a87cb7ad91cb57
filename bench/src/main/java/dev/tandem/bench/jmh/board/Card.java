package dev.tandem.bench.jmh.board;

import dev.tandem.model.BaseModel;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;

/** One card: strings, an integer, two numbers and a boolean, plus a nested child model. */
public final class Card extends BaseModel {
    public static final Attribute<String> TEXT = Attribute.string("text").required()
            .check(s -> !s.isEmpty() && s.length() <= 500, "1 to 500 characters");
    public static final Attribute<String> COLUMN = Attribute.string("column").defaultValue("todo")
            .oneOf("todo", "doing", "done");
    public static final Attribute<Long> VOTES = Attribute.integer("votes").defaultValue(0L)
            .check(n -> n >= 0, "at least 0");
    public static final Attribute<Double> ESTIMATE = Attribute.number("estimate").defaultValue(1.0);
    public static final Attribute<Double> POSITION = Attribute.number("position").defaultValue(0.0);
    public static final Attribute<Boolean> DONE = Attribute.bool("done").defaultValue(false);
    public static final Schema SCHEMA = Schema.of("Card", TEXT, COLUMN, VOTES, ESTIMATE, POSITION, DONE);

    public final CardMeta meta = declareChild("meta", new CardMeta());

    public Card() {
        super(SCHEMA);
    }
}
