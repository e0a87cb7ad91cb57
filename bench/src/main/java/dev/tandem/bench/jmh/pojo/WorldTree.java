package dev.tandem.bench.jmh.pojo;

import java.util.List;

/**
 * The bench {@code World}'s export as plain public-field POJOs for Jackson databind: the same shape as Tandem's
 * {@code xport()}, field for field (see {@code TreeFixture}).
 */
public final class WorldTree {
    public String id;
    public NoAttrs attrs;
    public Models models;
    public Collections collections;

    /** The world declares no attributes: {@code "attrs":{}}. */
    public static final class NoAttrs {
    }

    public static final class Models {
        public Control control;
    }

    public static final class Control {
        public String id;
        public ControlAttrs attrs;
    }

    public static final class ControlAttrs {
        public long e;
        public double r;
        public boolean running;
        public long heapSampleRequest;
        public long heapUsedBytes;
        public long heapSample;
        public long steps;
        public double elapsedMs;
        public double lateMaxMs;
        public boolean shutdown;
    }

    public static final class Collections {
        public EntityCollection entities;
    }

    public static final class EntityCollection {
        public String id;
        public List<Entity> models;
    }

    public static final class Entity {
        public String id;
        public EntityAttrs attrs;
    }

    public static final class EntityAttrs {
        public double x;
        public double y;
        public double ts;
    }
}
