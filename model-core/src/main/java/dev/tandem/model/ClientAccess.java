package dev.tandem.model;

import dev.tandem.model.schema.Attribute;
import java.util.Collections;
import java.util.Set;

/**
 * One client command as the authorization hook ({@link BaseModel#authorize}) sees it: who asks, for what, where.
 */
public final class ClientAccess {
    /** What a client asks to do. */
    public enum Kind { SET, UNSET, ADD, REMOVE, MOVE }

    private final String user;
    private final Kind kind;
    private final BaseModel model;
    private final ModelCollection<?> collection;
    private final Set<String> keys;

    public ClientAccess(String user, Kind kind, BaseModel model, ModelCollection<?> collection, Set<String> keys) {
        this.user = user;
        this.kind = kind;
        this.model = model;
        this.collection = collection;
        this.keys = keys == null ? Collections.emptySet() : Collections.unmodifiableSet(keys);
    }

    /** The user the server authenticated for the connection. */
    public String user() {
        return user;
    }

    public Kind kind() {
        return kind;
    }

    /** The model set, unset, removed or moved; for an add, a detached instance of the model to be added. */
    public BaseModel model() {
        return model;
    }

    /** The collection of an add, remove or move; null for set and unset. */
    public ModelCollection<?> collection() {
        return collection;
    }

    /** The attribute keys a set, unset or add writes. */
    public Set<String> keys() {
        return keys;
    }

    /**
     * The default rule: a set or unset may touch only attributes declared {@code clientEditable()}; an add, remove
     * or move needs a collection declared {@code clientEditable()}, and an add may give only client-editable
     * attributes.
     */
    public boolean declaredClientEditable() {
        if (collection != null && !collection.isClientEditable()) {
            return false;
        }
        for (String key : keys) {
            Attribute<?> attribute = model.schema().attribute(key);
            if (attribute == null || !attribute.isClientEditable()) {
                return false;
            }
        }
        return true;
    }
}
