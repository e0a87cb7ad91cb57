package dev.tandem.demo.model;

import dev.tandem.model.BaseModel;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;

/** Someone with the board open: one per connected browser, added and removed by the server. */
public final class Member extends BaseModel {
    public static final Attribute<String> NAME = Attribute.string("name").required();
    public static final Attribute<Boolean> ONLINE = Attribute.bool("online").defaultValue(true);
    public static final Schema SCHEMA = Schema.of("Member", NAME, ONLINE);

    public Member() {
        super(SCHEMA);
    }
}
