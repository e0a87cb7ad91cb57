package dev.tandem.json;

/** Limits every JSON codec enforces, so that hostile input costs bounded work on both ends. */
public final class JsonLimits {
    /**
     * Deepest nesting of arrays and objects accepted by a decoder: deep enough for any real model tree (a child
     * model costs two levels, a collection member four), shallow enough that recursion can never exhaust a stack.
     */
    public static final int MAX_DEPTH = 64;

    /**
     * Deepest nesting of one attribute value (a list or plain JSON value; a scalar counts 1, {@code [[1]]} counts
     * 3). Kept well under {@link #MAX_DEPTH} so that a value, inside the tree and the message that carry it, can
     * always be decoded at the other end: an accepted value must never make the state unreadable.
     */
    public static final int MAX_VALUE_DEPTH = 16;

    private JsonLimits() {
    }
}
