package dev.tandem.model.tree;

/** Receives the ordered stream of {@link TreeChange}s of a whole tree, subscribed at its root. */
@FunctionalInterface
public interface TreeListener {
    void onTreeChange(TreeChange change);
}
