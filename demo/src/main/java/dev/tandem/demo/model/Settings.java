package dev.tandem.demo.model;

import dev.tandem.model.BaseModel;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;

/** Board-wide settings, a child model of {@link Board}. */
public final class Settings extends BaseModel {
    public static final Attribute<String> THEME = Attribute.string("theme").defaultValue("light")
            .oneOf("light", "dark").clientEditable();
    public static final Schema SCHEMA = Schema.of("Settings", THEME);

    public Settings() {
        super(SCHEMA);
    }
}
