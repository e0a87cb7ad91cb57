package dev.tandem.bench.model;

import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;
import dev.tandem.model.schema.Schema;

/** The benchmark state: 100 entities, plus a control child the load tool uses to start and stop the driver. */
public final class World extends BaseModel {
    public static final int ENTITY_COUNT = 100;
    public static final Schema SCHEMA = Schema.of("World");

    public final Control control = declareChild("control", new Control());
    public final ModelCollection<Entity> entities = declareCollection("entities", Entity::new);

    public World() {
        super(SCHEMA);
    }
}
