package dev.tandem.model;

import dev.tandem.model.schema.Violation;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The id index of one tree: every model and collection in it, at any depth, by id (and models by client id).
 *
 * <p>Owned by the tree's root and kept current by the tree itself: a subtree is indexed when it is added to a
 * collection and forgotten when it is removed, so lookups never see a model that left and nothing leaks. It is what
 * lets a replica apply "change model X" without knowing where X sits. Ids are unique within the tree; with
 * {@link IdPolicy#GENERATE} a node that joins without an id gets a random UUID.
 */
public final class Registry {
    private final IdPolicy policy;
    private final Map<String, TreeNode> byId = new HashMap<>();
    // The client-id index is made on the first lookup by client id (most trees never have one) and kept current
    // from then on; until then only the number of models is counted.
    private final TreeNode root;
    private Map<String, BaseModel> byClientId;
    private int modelCount;

    Registry(IdPolicy policy, TreeNode root) {
        this.policy = policy;
        this.root = root;
    }

    public IdPolicy policy() {
        return policy;
    }

    /** The model or collection with {@code id}, or null. */
    public TreeNode find(String id) {
        return byId.get(id);
    }

    /** The model with {@code id}, or null when there is none (or the id is a collection's). */
    public BaseModel model(String id) {
        return byId.get(id) instanceof BaseModel model ? model : null;
    }

    /** The collection with {@code id}, or null when there is none (or the id is a model's). */
    public ModelCollection<?> collection(String id) {
        return byId.get(id) instanceof ModelCollection<?> collection ? collection : null;
    }

    /** The model with client id {@code cid}, or null. */
    public BaseModel modelByClientId(String cid) {
        if (byClientId == null) {
            Map<String, BaseModel> index = new HashMap<>();
            root.forEachNode(node -> {
                if (node instanceof BaseModel model) {
                    index.put(model.cid(), model);
                }
            });
            byClientId = index;
        }
        return byClientId.get(cid);
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** How many nodes are indexed by id. */
    public int size() {
        return byId.size();
    }

    /** How many models are indexed by client id (every model in the tree). */
    public int modelCount() {
        return modelCount;
    }

    /** Fails if a node of {@code subtree} has an id another node of this tree already uses. */
    void checkAddable(TreeNode subtree) {
        AddableCheck check = addableCheck;
        if (check == null || check.running) {
            check = new AddableCheck(); // the first, or one asked for while a check runs (never so far)
            if (addableCheck == null) {
                addableCheck = check;
            }
        }
        check.run(subtree);
    }

    private AddableCheck addableCheck; // re-used: a check is made for every subtree that joins

    /**
     * One check of a subtree: every id must be free in this tree and used once in the subtree. Subtrees are mostly
     * small (a model and its few children), so ids seen so far are kept in an array scanned linearly, and only a
     * large subtree gets a hash set.
     */
    private final class AddableCheck {
        private static final int LINEAR = 8;
        private final String[] seen = new String[LINEAR];
        private int count;
        private java.util.Set<String> many;
        private boolean running;
        private final java.util.function.Consumer<TreeNode> visit = this::visit;

        void run(TreeNode subtree) {
            running = true;
            try {
                subtree.forEachNode(visit);
            } finally {
                for (int i = 0; i < count; i++) {
                    seen[i] = null;
                }
                count = 0;
                many = null;
                running = false;
            }
        }

        private void visit(TreeNode node) {
            String id = node.id();
            if (id == null) {
                return;
            }
            TreeNode holder = byId.get(id);
            if (holder != null && holder != node || !firstSighting(id)) {
                throw new ModelValidationException(Violation.ID_CONFLICT, node.describe(), "id", "\"" + id
                        + "\" is already used in this tree");
            }
        }

        private boolean firstSighting(String id) {
            if (many != null) {
                return many.add(id);
            }
            for (int i = 0; i < count; i++) {
                if (seen[i].equals(id)) {
                    return false;
                }
            }
            if (count < LINEAR) {
                seen[count++] = id;
                return true;
            }
            // Filled one by one: HashSet(Arrays.asList(...)) made TeaVM keep Java's double-to-text code (13 KB gzipped)
            // in every browser bundle, through the generic collection paths it makes reachable.
            many = new java.util.HashSet<>();
            for (String earlier : seen) {
                many.add(earlier);
            }
            return many.add(id);
        }
    }

    void add(TreeNode subtree) {
        subtree.forEachNode(node -> {
            if (node.id() == null && policy == IdPolicy.GENERATE) {
                node.assignId(UUID.randomUUID().toString()); // calls idAssigned below
            } else if (node.id() != null) {
                byId.put(node.id(), node);
            }
            if (node instanceof BaseModel model) {
                modelCount++;
                if (byClientId != null) {
                    byClientId.put(model.cid(), model);
                }
            }
        });
    }

    void remove(TreeNode subtree) {
        subtree.forEachNode(node -> {
            if (node.id() != null && byId.get(node.id()) == node) {
                byId.remove(node.id());
            }
            if (node instanceof BaseModel model) {
                modelCount--;
                if (byClientId != null) {
                    byClientId.remove(model.cid());
                }
            }
        });
    }

    void idAssigned(TreeNode node) {
        byId.put(node.id(), node);
    }
}
