package dev.tandem.bench.model;

import dev.tandem.model.BaseModel;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.schema.Schema;

/**
 * The benchmark's control panel, itself synchronized state: the load tool sets {@code e}, {@code r} and
 * {@code running}, and asks for a heap sample; the server reports steps, elapsed time and heap.
 */
public final class Control extends BaseModel {
    public static final Attribute<Long> E = Attribute.integer("e").defaultValue(10L).check(n -> n >= 1 && n <= 100,
            "1 to 100").clientEditable();
    public static final Attribute<Double> R = Attribute.number("r").defaultValue(20.0).check(n -> n > 0 && n <= 1000,
            "a rate above 0 and at most 1000 steps/s").clientEditable();
    public static final Attribute<Boolean> RUNNING = Attribute.bool("running").defaultValue(false).clientEditable();
    public static final Attribute<Long> HEAP_SAMPLE_REQUEST = Attribute.integer("heapSampleRequest").defaultValue(0L)
            .clientEditable();
    public static final Attribute<Long> HEAP_USED_BYTES = Attribute.integer("heapUsedBytes").defaultValue(0L);
    public static final Attribute<Long> HEAP_SAMPLE = Attribute.integer("heapSample").defaultValue(0L);
    public static final Attribute<Long> STEPS = Attribute.integer("steps").defaultValue(0L);
    public static final Attribute<Double> ELAPSED_MS = Attribute.number("elapsedMs").defaultValue(0.0);
    public static final Attribute<Double> LATE_MAX_MS = Attribute.number("lateMaxMs").defaultValue(0.0);
    public static final Attribute<Boolean> SHUTDOWN = Attribute.bool("shutdown").defaultValue(false).clientEditable();
    public static final Schema SCHEMA = Schema.of("Control", E, R, RUNNING, HEAP_SAMPLE_REQUEST, HEAP_USED_BYTES,
            HEAP_SAMPLE, STEPS, ELAPSED_MS, LATE_MAX_MS, SHUTDOWN);

    public Control() {
        super(SCHEMA);
    }
}
