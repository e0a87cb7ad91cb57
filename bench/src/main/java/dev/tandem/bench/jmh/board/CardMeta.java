package dev.tandem.bench.jmh.board;

import dev.tandem.model.BaseModel;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;

/** A card's nested child: who made it, when (ms since the epoch, sub-ms precision) and its colour. */
public final class CardMeta extends BaseModel {
    public static final Attribute<String> AUTHOR = Attribute.string("author").defaultValue("");
    public static final Attribute<Double> CREATED_AT = Attribute.number("createdAt").defaultValue(0.0);
    public static final Attribute<String> COLOR = Attribute.string("color").defaultValue("#ffffff");
    public static final Schema SCHEMA = Schema.of("CardMeta", AUTHOR, CREATED_AT, COLOR);

    public CardMeta() {
        super(SCHEMA);
    }
}
