package dev.tandem.model.tree;

/**
 * One mutation of a model tree, as it surfaces at the tree's root: the stream a server broadcasts.
 *
 * <p>A root's {@code onTreeChange} listeners receive every mutation anywhere below it, in the order the mutations
 * happened, right after each one is applied and before local event listeners run (so a set made inside a change
 * listener is streamed after the set that triggered it, exactly as it was applied). Silent changes are streamed
 * too: {@code Notify.SILENT} quiets local listeners, but a replica that missed a change would drift. Resets and
 * sorts are streamed as the removes, adds and moves they consist of, so four kinds describe everything.
 */
public sealed interface TreeChange permits AttributesChanged, ModelAdded, ModelRemoved, ModelMoved {
}
