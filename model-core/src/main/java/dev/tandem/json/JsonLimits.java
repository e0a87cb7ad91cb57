package dev.tandem.json;

/** Limits every JSON codec enforces, so that hostile input costs bounded work on both ends. */
public final class JsonLimits {
    /**
     * Deepest nesting of arrays and objects accepted by a decoder: deep enough for any real model tree
     * (a tree level costs two: the model object and its "models" or "collections" object), shallow enough
     * that recursion can never exhaust a stack.
     */
    public static final int MAX_DEPTH = 64;

    private JsonLimits() {
    }
}
