package dev.tandem.model.schema;

/**
 * A value an attribute rejects; the message completes "'key' …", e.g. "must be a string, got 42". Models turn it
 * into a {@link dev.tandem.model.ModelValidationException} that adds where and which key.
 */
public final class AttributeValueException extends RuntimeException {
    private final Violation violation;

    public AttributeValueException(Violation violation, String message) {
        super(message);
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
