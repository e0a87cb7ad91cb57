package dev.tandem.model.tree;

import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;

/** {@code model} was removed from {@code collection}, where it stood at {@code index}. */
public record ModelRemoved(ModelCollection<?> collection, int index, BaseModel model) implements TreeChange {
}
