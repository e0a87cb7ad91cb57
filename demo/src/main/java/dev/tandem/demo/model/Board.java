package dev.tandem.demo.model;

import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;

/**
 * The root of the live team board: one source file, used by the server (the authority) and compiled by TeaVM
 * into the page. Clients may edit the title, the settings and the cards; the server alone keeps the clock and the
 * list of members online.
 */
public final class Board extends BaseModel {
    public static final Attribute<String> TITLE = Attribute.string("title").defaultValue("")
            .check(s -> s.length() <= 100, "at most 100 characters").clientEditable();
    /** Epoch milliseconds, set by the server every second: an external feed in miniature. */
    public static final Attribute<Long> SERVER_TIME = Attribute.integer("serverTime").defaultValue(0L);
    public static final Schema SCHEMA = Schema.of("Board", TITLE, SERVER_TIME);

    public final Settings settings = declareChild("settings", new Settings());
    public final ModelCollection<Card> cards = declareCollection("cards", Card::new).clientEditable();
    public final ModelCollection<Member> members = declareCollection("members", Member::new);

    public Board() {
        super(SCHEMA);
    }
}
