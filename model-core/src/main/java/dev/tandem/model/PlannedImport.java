package dev.tandem.model;

/**
 * An import that has been read and validated whole but not applied yet: {@link BaseModel#planImport}'s result.
 *
 * <p>It exists for a reader of a larger message that must see the rest of the message before it may change
 * anything (a replica reading its initial state out of the server's message). Apply it at most once, before the
 * tree changes in any other way: the plan was checked against the tree as it was.
 */
@FunctionalInterface
public interface PlannedImport {
    /** Makes the tree equal to the planned image, with the events {@code mport} fires. */
    void apply();
}
