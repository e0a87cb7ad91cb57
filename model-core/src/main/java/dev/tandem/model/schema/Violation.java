package dev.tandem.model.schema;

/**
 * What kind of rule a refused value or tree broke. Each has a stable code, which the server sends as the error code
 * of a refused client command.
 */
public enum Violation {
    /** Not of the attribute's type (or null for a non-nullable attribute). */
    WRONG_TYPE("wrong-type"),
    /** A list or plain value nests deeper than {@code JsonLimits.MAX_VALUE_DEPTH}. */
    TOO_DEEP("too-deep"),
    /** Not one of the attribute's allowed values. */
    NOT_ALLOWED("not-allowed"),
    /** Failed the attribute's custom check. */
    CHECK_FAILED("check-failed"),
    /** A required attribute would have no value. */
    REQUIRED("required"),
    /** A set-once attribute (or an id) would change. */
    SET_ONCE("set-once"),
    /** The key is not a declared attribute. */
    UNDECLARED_KEY("undeclared-key"),
    /** The model's validation hook refused the combination of values. */
    INVALID("invalid"),
    /** A JSON tree is not in the xport shape. */
    MALFORMED_TREE("malformed-tree"),
    /** An id is already used elsewhere in the tree. */
    ID_CONFLICT("id-conflict"),
    /** An index is outside the collection. */
    BAD_INDEX("bad-index"),
    /** The model is not a member where it should be, or is a member elsewhere. */
    MEMBERSHIP("membership");

    private final String code;

    Violation(String code) {
        this.code = code;
    }

    /** The stable wire code, e.g. "wrong-type". */
    public String code() {
        return code;
    }
}
