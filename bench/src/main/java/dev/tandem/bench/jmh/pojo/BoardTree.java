package dev.tandem.bench.jmh.pojo;

import java.util.List;

/**
 * The board's export as plain public-field POJOs for Jackson databind: the same shape as Tandem's
 * {@code xport()} ({@code {"id", "attrs", "models", "collections"}}), field for field, so that both sides write
 * and read the same JSON (see {@code TreeFixture}).
 */
public final class BoardTree {
    public String id;
    public Attrs attrs;
    public Collections collections;

    public static final class Attrs {
        public String title;
        public String theme;
    }

    public static final class Collections {
        public CardCollection cards;
    }

    public static final class CardCollection {
        public String id;
        public List<Card> models;
    }

    public static final class Card {
        public String id;
        public CardAttrs attrs;
        public CardModels models;
    }

    public static final class CardAttrs {
        public String text;
        public String column;
        public long votes;
        public double estimate;
        public double position;
        public boolean done;
    }

    public static final class CardModels {
        public Meta meta;
    }

    public static final class Meta {
        public String id;
        public MetaAttrs attrs;
    }

    public static final class MetaAttrs {
        public String author;
        public double createdAt;
        public String color;
    }
}
