package dev.tandem.model;

/**
 * One validated write to a model's attributes, by schema position: the values to set (in the order given) and the
 * positions to unset. It is what validation checks and what {@link BaseModel#applyValidated} applies, and it also
 * holds the positions the apply found changed, for the events that follow.
 *
 * <p>Arrays, not maps: a write touches a few attributes of a small schema, so a linear scan (or a bit test, for
 * the first 64 positions) finds a position faster than hashing would, and nothing is allocated per key. A model
 * keeps one for its own sets and re-uses it (see {@code BaseModel.acquireWrite}); the importer holds one per
 * planned model until it applies the plan.
 */
final class AttributeWrite {
    private static final int[] NO_POSITIONS = new int[0];

    final int[] setPositions;
    final Object[] setValues;
    int setCount;
    int[] unsetPositions = NO_POSITIONS;
    int unsetCount;
    /** Filled by the apply: the positions whose value really changed, in the order of the change events. */
    final int[] changed;
    int changedCount;
    /** True while a model's own set uses this write (a set made by a listener meanwhile gets a fresh one). */
    boolean busy;
    private long setMask; // bit p: position p (< 64) is set

    AttributeWrite(int schemaSize) {
        setPositions = new int[schemaSize];
        setValues = new Object[schemaSize];
        changed = new int[schemaSize];
    }

    /** The largest schema this write can hold. */
    int capacity() {
        return setPositions.length;
    }

    /** Adds a value for {@code position}; a write sets each position at most once. */
    void set(int position, Object value) {
        setPositions[setCount] = position;
        setValues[setCount++] = value;
        if (position < 64) {
            setMask |= 1L << position;
        }
    }

    /** Replaces the value of {@code position} if this write sets it already, else adds it (last value wins). */
    void put(int position, Object value) {
        if (sets(position)) {
            for (int i = 0; i < setCount; i++) {
                if (setPositions[i] == position) {
                    setValues[i] = value;
                    return;
                }
            }
        }
        set(position, value);
    }

    boolean sets(int position) {
        if (position < 64) {
            return (setMask & 1L << position) != 0;
        }
        for (int i = 0; i < setCount; i++) {
            if (setPositions[i] == position) {
                return true;
            }
        }
        return false;
    }

    /** The value this write sets for {@code position}; only meaningful when {@link #sets} is true. */
    Object valueFor(int position) {
        for (int i = 0; i < setCount; i++) {
            if (setPositions[i] == position) {
                return setValues[i];
            }
        }
        return null;
    }

    void unset(int position) {
        if (unsetCount == unsetPositions.length) {
            int[] grown = new int[Math.max(4, unsetCount * 2)];
            for (int i = 0; i < unsetCount; i++) {
                grown[i] = unsetPositions[i];
            }
            unsetPositions = grown;
        }
        unsetPositions[unsetCount++] = position;
    }

    boolean unsets(int position) {
        for (int i = 0; i < unsetCount; i++) {
            if (unsetPositions[i] == position) {
                return true;
            }
        }
        return false;
    }

    /** Empties the write for its next use, dropping the values it held. */
    void clear() {
        for (int i = 0; i < setCount; i++) {
            setValues[i] = null;
        }
        setCount = 0;
        unsetCount = 0;
        changedCount = 0;
        setMask = 0;
    }
}
