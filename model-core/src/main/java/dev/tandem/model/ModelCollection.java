package dev.tandem.model;

import dev.tandem.model.schema.Violation;
import dev.tandem.model.events.Event;
import dev.tandem.model.schema.Attribute;
import dev.tandem.model.tree.ModelAdded;
import dev.tandem.model.tree.ModelMoved;
import dev.tandem.model.tree.ModelRemoved;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An ordered, typed set of models: Backbone's Collection.
 *
 * <p>Members are unique (by instance and by id), belong to this collection only, and must be complete (every
 * required attribute set) to join. With a comparator, {@link #add(BaseModel)} inserts at the sorted position and
 * {@link #sort()} reorders; an explicit index always wins. Events: {@code add}, {@code remove}, {@code move},
 * {@code reset}, {@code sort}, and every event of a member model is forwarded here ({@code change},
 * {@code change:<key>}). The collection creates its own members when importing a tree, through its factory.
 *
 * @param <M> the member model type
 */
public final class ModelCollection<M extends BaseModel> extends TreeNode implements Iterable<M> {
    private final Supplier<M> factory;
    private final List<M> models = new ArrayList<>();
    private final Map<String, M> byId = new HashMap<>();
    private Comparator<? super M> comparator;
    private boolean clientEditable;

    /** A collection whose members {@code factory} creates, e.g. {@code new ModelCollection<>(Card::new)}. */
    public ModelCollection(Supplier<M> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Lets clients of a server add, remove and move members (by default only the server may); the members'
     * attributes still follow their own {@code clientEditable()} declarations. Returns this collection.
     */
    public ModelCollection<M> clientEditable() {
        clientEditable = true;
        return this;
    }

    public boolean isClientEditable() {
        return clientEditable;
    }

    /** A new, detached member instance (not added). */
    public M create() {
        return factory.get();
    }

    // ---------------------------------------------------------------- reading

    public int size() {
        return models.size();
    }

    public boolean isEmpty() {
        return models.isEmpty();
    }

    public M at(int index) {
        return models.get(index);
    }

    /** The member with id (or, failing that, client id) {@code idOrCid}, or null. */
    public M get(String idOrCid) {
        M model = byId.get(idOrCid);
        if (model != null) {
            return model;
        }
        for (M candidate : models) {
            if (candidate.hasClientId(idOrCid)) {
                return candidate;
            }
        }
        return null;
    }

    public int indexOf(BaseModel model) {
        return models.indexOf(model);
    }

    public boolean contains(BaseModel model) {
        return model.parent() == this;
    }

    /** The members in order, unmodifiable and live. */
    public List<M> models() {
        return Collections.unmodifiableList(models);
    }

    @Override
    public Iterator<M> iterator() {
        return models().iterator();
    }

    /** Members passing {@code test}, in order. */
    public List<M> where(Predicate<? super M> test) {
        List<M> matches = new ArrayList<>();
        for (M model : models) {
            if (test.test(model)) {
                matches.add(model);
            }
        }
        return matches;
    }

    /** Members whose {@code attribute} equals {@code value}, in order. */
    public <T> List<M> where(Attribute<T> attribute, T value) {
        return where(model -> Objects.equals(model.get(attribute), value));
    }

    /** The first member passing {@code test}, or null. */
    public M find(Predicate<? super M> test) {
        for (M model : models) {
            if (test.test(model)) {
                return model;
            }
        }
        return null;
    }

    /** The value of {@code attribute} of every member, in order. */
    public <T> List<T> pluck(Attribute<T> attribute) {
        List<T> values = new ArrayList<>(models.size());
        for (M model : models) {
            values.add(model.get(attribute));
        }
        return values;
    }

    // ---------------------------------------------------------------- writing

    /** Adds at the sorted position (with a comparator) or at the end. Adding a member again does nothing. */
    public void add(M model) {
        add(model, -1, Notify.EVENTS);
    }

    public void add(M model, int index) {
        add(model, index, Notify.EVENTS);
    }

    /** Adds at {@code index} (0 … size; -1 for "sorted position or end"). */
    public void add(M model, int index, Notify notify) {
        Objects.requireNonNull(model, "model");
        if (model.parent() == this) {
            return;
        }
        checkJoinable(model);
        if (index < -1 || index > models.size()) {
            throw new ModelValidationException(Violation.BAD_INDEX, describe(), null, "index " + index + " is out of range 0…"
                    + models.size());
        }
        int at = index >= 0 ? index : comparator != null ? sortedIndex(model) : models.size();
        insert(model, at, true);
        if (notify == Notify.EVENTS && heard(model)) {
            fire(Event.added(model, this, at));
        }
    }

    /** Removes {@code model}; returns false when it was not a member. */
    public boolean remove(BaseModel model) {
        return remove(model, Notify.EVENTS);
    }

    public boolean remove(BaseModel model, Notify notify) {
        int index = models.indexOf(model);
        if (index < 0) {
            return false;
        }
        M removed = extract(index);
        if (notify == Notify.EVENTS) {
            fire(Event.removed(removed, this, index));
        }
        return true;
    }

    /** Moves {@code model} to {@code index} (its index after the move). */
    public void move(BaseModel model, int index) {
        move(model, index, Notify.EVENTS);
    }

    public void move(BaseModel model, int index, Notify notify) {
        int from = models.indexOf(model);
        if (from < 0) {
            throw new ModelValidationException(Violation.MEMBERSHIP, describe(), null, model.describe() + " is not a member");
        }
        if (index < 0 || index >= models.size()) {
            throw new ModelValidationException(Violation.BAD_INDEX, describe(), null, "index " + index + " is out of range 0…"
                    + (models.size() - 1));
        }
        if (from == index) {
            return;
        }
        shift(from, index);
        if (notify == Notify.EVENTS) {
            fire(Event.moved(models.get(index), this, from, index));
        }
    }

    /** Replaces all members with {@code replacement} (sorted, with a comparator); fires one {@code reset}. */
    public void reset(List<M> replacement) {
        reset(replacement, Notify.EVENTS);
    }

    public void reset(List<M> replacement, Notify notify) {
        List<M> incoming = new ArrayList<>(replacement);
        Map<String, M> ids = new HashMap<>();
        for (M model : incoming) {
            if (model.parent() != this) {
                checkJoinable(model);
            }
            if (model.id() != null && ids.put(model.id(), model) != null) {
                throw new ModelValidationException(Violation.ID_CONFLICT, describe(), null, "reset lists id \"" + model.id() + "\" twice");
            }
        }
        if (comparator != null) {
            incoming.sort(comparator);
        }
        while (!models.isEmpty()) {
            extract(models.size() - 1);
        }
        for (M model : incoming) {
            insert(model, models.size(), false); // checked again: two incoming subtrees may share an id
        }
        if (notify == Notify.EVENTS) {
            events.trigger(Event.reset(this));
        }
    }

    /** The order {@link #add(BaseModel)} keeps and {@link #sort()} restores; null for insertion order. */
    public void comparator(Comparator<? super M> order) {
        this.comparator = order;
    }

    /** Sorts by the comparator (stable); streams each displacement as a move, fires one {@code sort}. */
    public void sort() {
        sort(Notify.EVENTS);
    }

    public void sort(Notify notify) {
        if (comparator == null) {
            throw new IllegalStateException(describe() + " has no comparator to sort by");
        }
        List<M> target = new ArrayList<>(models);
        target.sort(comparator);
        for (int i = 0; i < target.size(); i++) {
            int from = models.indexOf(target.get(i));
            if (from != i) {
                shift(from, i);
            }
        }
        if (notify == Notify.EVENTS) {
            events.trigger(Event.sorted(this));
        }
    }

    @Override
    public String describe() {
        String name = "collection";
        if (parent() instanceof BaseModel owner) {
            for (Map.Entry<String, ModelCollection<?>> entry : owner.collections().entrySet()) {
                if (entry.getValue() == this) {
                    name = owner.schema().modelName() + "." + entry.getKey();
                }
            }
        }
        return name + " " + (id() != null ? id() : "(no id)");
    }

    @Override
    public void forEachNode(Consumer<TreeNode> visitor) {
        visitor.accept(this);
        for (M model : models) {
            model.forEachNode(visitor);
        }
    }

    // ---------------------------------------------------------------- internals

    /**
     * Fails unless {@code model} may join: detached, complete, and its ids clash with nothing in the tree. Creates
     * the tree's registry if it has none ({@link IdPolicy#GENERATE}; a replica asks for its own first).
     */
    void checkJoinable(M model) {
        registry(); // a tree indexes its ids from its first member on, so clashes are caught here
        if (model.parent() != null) {
            throw new ModelValidationException(Violation.MEMBERSHIP, model.describe(), null, "already belongs to "
                    + model.parent().describe() + "; remove it there first");
        }
        model.checkComplete();
        if (model.id() != null && byId.containsKey(model.id())) {
            throw new ModelValidationException(Violation.ID_CONFLICT, describe(), null, "already holds a model with id \"" + model.id()
                    + "\"");
        }
        checkAttachable(model);
    }

    void indexId(BaseModel model) {
        @SuppressWarnings("unchecked")
        M member = (M) model;
        byId.put(model.id(), member);
    }

    /** {@code checked}: {@link #checkJoinable} has just accepted {@code model}, with nothing changed since. */
    private void insert(M model, int at, boolean checked) {
        models.add(at, model);
        if (checked) {
            attachChecked(model);
        } else {
            attach(model);
        }
        if (model.id() != null) {
            byId.put(model.id(), model);
        }
        if (hasTreeListeners()) { // no record to build when no one listens (a new tree being imported)
            emit(new ModelAdded(this, at, model));
        }
    }

    private M extract(int index) {
        M model = models.remove(index);
        if (model.id() != null) {
            byId.remove(model.id());
        }
        emit(new ModelRemoved(this, index, model));
        detach(model);
        return model;
    }

    private void shift(int from, int to) {
        M model = models.remove(from);
        models.add(to, model);
        emit(new ModelMoved(this, model, from, to));
    }

    private int sortedIndex(M model) {
        int low = 0;
        int high = models.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (comparator.compare(models.get(middle), model) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * True when an add, remove or move event of {@code member} would reach a listener. With none on either, none can
     * be subscribed while the event is delivered, so the event need not be built.
     */
    private boolean heard(BaseModel member) {
        return member.events.hasListeners() || events.hasListeners();
    }

    /** add, remove and move fire on the member, then here. */
    private void fire(Event event) {
        event.model().events.trigger(event);
        events.trigger(event);
    }
}
