package dev.tandem.demo.model;

import dev.tandem.model.BaseModel;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;
import java.util.List;

/** One card on the board. Every attribute is client-editable; the rules hold on both ends. */
public final class Card extends BaseModel {
    public static final int MAX_TEXT_LENGTH = 500;
    public static final List<String> COLUMNS = List.of("todo", "doing", "done");

    public static final Attribute<String> TEXT = Attribute.string("text").required()
            .check(s -> !s.trim().isEmpty() && s.length() <= MAX_TEXT_LENGTH, "1 to 500 characters").clientEditable();
    public static final Attribute<String> COLUMN = Attribute.string("column").defaultValue("todo")
            .oneOf("todo", "doing", "done").clientEditable();
    public static final Attribute<Long> VOTES = Attribute.integer("votes").defaultValue(0L)
            .check(n -> n >= 0, "at least 0").clientEditable();
    public static final Schema SCHEMA = Schema.of("Card", TEXT, COLUMN, VOTES);

    public Card() {
        super(SCHEMA);
    }

    public static Card of(String text, String column) {
        Card card = new Card();
        card.set(TEXT, text);
        card.set(COLUMN, column);
        return card;
    }
}
