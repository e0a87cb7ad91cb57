package dev.tandem.model;

import dev.tandem.model.schema.Violation;
import dev.tandem.model.events.EventListener;
import dev.tandem.model.events.Events;
import dev.tandem.model.events.Subscription;
import dev.tandem.model.tree.TreeChange;
import dev.tandem.model.tree.TreeListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A node of a model tree: a {@link BaseModel} or a {@link ModelCollection}.
 *
 * <p>What every node has: an id (unique in its tree, set once), a parent link (a model's parent is the model that
 * declared it as a child or the collection holding it; a collection's parent is the model that declared it), and
 * its own event listeners. What only the root has: the tree's {@link Registry} (created on first use) and the
 * listeners of the tree-change stream. Nothing here is static: two trees in one process know nothing of each other.
 */
public abstract class TreeNode {
    private TreeNode parent;
    private String id;
    private Registry registry;
    private List<TreeListener> treeListeners;
    final Events events = new Events();

    TreeNode() {
    }

    /**
     * Nodes are identities: a node equals only itself, whatever its attributes, so that a registry, a collection or
     * a set of nodes never takes two live models for one. Final, so that an application's model cannot change that.
     */
    @Override
    public final boolean equals(Object other) {
        return this == other;
    }

    @Override
    public final int hashCode() {
        return super.hashCode();
    }

    /** The id, unique within the tree; null until assigned (see {@link IdPolicy}). */
    public final String id() {
        return id;
    }

    /** The parent node, or null for a root. */
    public final TreeNode parent() {
        return parent;
    }

    /** The topmost node above this one (this node itself when it has no parent). */
    public final TreeNode root() {
        TreeNode node = this;
        while (node.parent != null) {
            node = node.parent;
        }
        return node;
    }

    /** Subscribes to events of this node by name ({@code change:title}, {@code add}, {@code all}, …). */
    public final Subscription on(String eventName, EventListener listener) {
        return events.on(eventName, listener);
    }

    /** The number of listeners on this node, for leak checks. */
    public final int listenerCount() {
        return events.count();
    }

    /**
     * Subscribes to the ordered stream of every mutation anywhere in this tree. Only a root has the stream; a
     * node that later joins another tree stops receiving its old root's listeners' changes.
     */
    public final Subscription onTreeChange(TreeListener listener) {
        if (parent != null) {
            throw new IllegalStateException(describe() + " is not a root; subscribe to tree changes at "
                    + root().describe());
        }
        List<TreeListener> next = treeListeners == null ? new ArrayList<>(1) : new ArrayList<>(treeListeners);
        next.add(listener);
        treeListeners = next;
        return () -> {
            List<TreeListener> rest = new ArrayList<>(treeListeners);
            rest.remove(listener);
            treeListeners = rest;
        };
    }

    /** The tree's registry, created ({@link IdPolicy#GENERATE}) at the root on first use. */
    public final Registry registry() {
        TreeNode root = root();
        if (root.registry == null) {
            return registry(IdPolicy.GENERATE);
        }
        return root.registry;
    }

    /**
     * The tree's registry, created with {@code policy} at the root if it has none yet; fails if one exists with
     * another policy. A client replica calls {@code registry(IdPolicy.ASSIGNED)} before importing state.
     */
    public final Registry registry(IdPolicy policy) {
        TreeNode root = root();
        if (root.registry == null) {
            Registry created = new Registry(policy, root);
            created.checkAddable(root);
            root.registry = created;
            created.add(root);
        } else if (root.registry.policy() != policy) {
            throw new IllegalStateException("this tree's registry already uses " + root.registry.policy());
        }
        return root.registry;
    }

    /**
     * Gives this node its id. An id is set once: assigning another id to a node that has one fails (assigning the
     * same id again is harmless).
     */
    public final void assignId(String newId) {
        if (newId == null || newId.isEmpty()) {
            throw new ModelValidationException(Violation.WRONG_TYPE, describe(), "id", "must be a non-empty string");
        }
        if (id != null) {
            if (!id.equals(newId)) {
                throw new ModelValidationException(Violation.SET_ONCE, describe(), "id", "is set once; it is \"" + id
                        + "\", not \"" + newId + "\"");
            }
            return;
        }
        Registry tree = treeRegistry();
        if (tree != null && tree.contains(newId)) {
            throw new ModelValidationException(Violation.ID_CONFLICT, describe(), "id", "\"" + newId + "\" is already used in this tree");
        }
        id = newId;
        if (tree != null) {
            tree.idAssigned(this);
        }
        idAssigned();
    }

    /** "Card 7f3a…" or "Card c12": how error messages name this node. */
    public abstract String describe();

    /** Visits this node and every node below it, parents before children, in declaration and index order. */
    public abstract void forEachNode(Consumer<TreeNode> visitor);

    /** Hook for subclasses that index their members by id. */
    void idAssigned() {
    }

    /** The registry of the tree this node is in, or null when none has been created. */
    final Registry treeRegistry() {
        return root().registry;
    }

    /** Links {@code child} below this node and registers its subtree if this tree has a registry. */
    final void attach(TreeNode child) {
        Registry tree = treeRegistry();
        if (tree != null) {
            tree.checkAddable(child);
        }
        link(child, tree);
    }

    /**
     * Like {@link #attach}, for a child that {@link #checkAttachable} has just accepted with nothing changed since
     * (the check walks the child's subtree, which is worth doing once, not twice).
     */
    final void attachChecked(TreeNode child) {
        link(child, treeRegistry());
    }

    private void link(TreeNode child, Registry tree) {
        child.parent = this;
        child.registry = null;
        child.treeListeners = null;
        if (tree != null) {
            tree.add(child);
        }
    }

    /** Unlinks {@code child} from this node and removes its subtree from the registry. */
    final void detach(TreeNode child) {
        Registry tree = treeRegistry();
        if (tree != null) {
            tree.remove(child);
        }
        child.parent = null;
    }

    /** Fails unless {@code child} could be attached here (free, and no id clash in this tree). */
    final void checkAttachable(TreeNode child) {
        Registry tree = treeRegistry();
        if (tree != null) {
            tree.checkAddable(child);
        }
    }

    /** True when the root has tree-change listeners (so building a change record is worth it). */
    final boolean hasTreeListeners() {
        List<TreeListener> listeners = root().treeListeners;
        return listeners != null && !listeners.isEmpty();
    }

    /** Hands a mutation to the root's tree-change listeners. */
    final void emit(TreeChange change) {
        List<TreeListener> listeners = root().treeListeners;
        if (listeners != null) {
            for (TreeListener listener : listeners) {
                listener.onTreeChange(change);
            }
        }
    }
}
