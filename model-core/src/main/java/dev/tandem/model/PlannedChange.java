package dev.tandem.model;

/**
 * A change to a model tree that has been read and validated but not applied yet: what
 * {@link BaseModel#planImport} and {@link BaseModel#planSetFromJson} return.
 *
 * <p>It exists for a reader of a larger message that must see the rest of the message before it may change
 * anything (a replica reading its initial state, or a change, out of the server's message). Apply it at most once,
 * before the tree changes in any other way: it was checked against the tree as it was.
 */
@FunctionalInterface
public interface PlannedChange {
    /** Applies the change, with the events the unplanned call ({@code mport}, {@code setFromJson}) fires. */
    void apply();

    /**
     * Drops the change unapplied, for a reader that refuses the rest of the message. Optional (a plan that is
     * neither applied nor discarded changes nothing), but it lets a model re-use what the plan holds.
     */
    default void discard() {
    }
}
