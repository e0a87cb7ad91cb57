package dev.tandem.model.tree;

import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;

/** {@code model} (with everything below it) was inserted into {@code collection} at {@code index}. */
public record ModelAdded(ModelCollection<?> collection, int index, BaseModel model) implements TreeChange {
}
