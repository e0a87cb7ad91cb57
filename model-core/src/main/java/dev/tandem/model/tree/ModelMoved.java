package dev.tandem.model.tree;

import dev.tandem.model.BaseModel;
import dev.tandem.model.ModelCollection;

/** {@code model} moved within {@code collection} from index {@code from} to index {@code to}. */
public record ModelMoved(ModelCollection<?> collection, BaseModel model, int from, int to) implements TreeChange {
}
