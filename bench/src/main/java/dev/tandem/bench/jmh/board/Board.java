package dev.tandem.bench.jmh.board;

import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;

/** The JMH board: a title, a theme and a collection of cards, like the README's board. */
public final class Board extends BaseModel {
    public static final Attribute<String> TITLE = Attribute.string("title").defaultValue("");
    public static final Attribute<String> THEME = Attribute.string("theme").defaultValue("light")
            .oneOf("light", "dark");
    public static final Schema SCHEMA = Schema.of("Board", TITLE, THEME);

    public final ModelCollection<Card> cards = declareCollection("cards", Card::new);

    public Board() {
        super(SCHEMA);
    }
}
