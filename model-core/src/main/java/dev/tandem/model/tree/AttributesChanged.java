package dev.tandem.model.tree;

import dev.tandem.model.BaseModel;
import java.util.List;
import java.util.Map;

/**
 * Attributes of {@code model} changed in one set: {@code changed} holds only the keys whose value changed (new
 * stored values, in the order they were set), {@code unset} the keys that were removed.
 */
public record AttributesChanged(BaseModel model, Map<String, Object> changed, List<String> unset)
        implements TreeChange {
}
