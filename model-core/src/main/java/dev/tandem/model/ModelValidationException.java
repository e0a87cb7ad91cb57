package dev.tandem.model;

/**
 * The one exception for data a model refuses: a wrong type, a missing required value, a value not allowed, an
 * undeclared key, a failed check, a malformed tree. It says where ({@link #where()}: a model such as
 * {@code Card 7f3a…} or a JSON path such as {@code $.collections.cards.models[2].attrs}), which key (if one), and
 * what was expected. Whatever threw it left the model exactly as it was.
 */
public final class ModelValidationException extends IllegalArgumentException {
    private final String where;
    private final String key;

    public ModelValidationException(String where, String key, String problem) {
        super(where + ": " + (key == null ? "" : "'" + key + "' ") + problem);
        this.where = where;
        this.key = key;
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
