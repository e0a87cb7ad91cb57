package dev.tandem.model;

import dev.tandem.model.schema.Violation;

/**
 * The one exception for data a model refuses: a wrong type, a missing required value, a value not allowed, an
 * undeclared key, a failed check, a malformed tree. It says where ({@link #where()}: a model such as
 * {@code Card 7f3a…} or a JSON path such as {@code $.collections.cards.models[2].attrs}), which key (if one), and
 * what was expected. Whatever threw it left the model exactly as it was.
 */
public final class ModelValidationException extends IllegalArgumentException {
    private final Violation violation;
    private final String where;
    private final String key;

    public ModelValidationException(Violation violation, String where, String key, String problem) {
        super(where + ": " + (key == null ? "" : "'" + key + "' ") + problem);
        this.violation = violation;
        this.where = where;
        this.key = key;
    }

    /** Which kind of rule was broken; its code is what a server reports to the client. */
    public Violation violation() {
        return violation;
    }

    /** The model (type and id or client id) or JSON path the problem is at. */
    public String where() {
        return where;
    }

    /** The attribute or member name concerned, or null. */
    public String key() {
        return key;
    }
}
