package dev.tandem.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The attributes a write would produce, as a read-only map over the model's current ones plus the write's sets and
 * unsets: what the validation hook sees. Lookups cost nothing extra; only iterating builds a copy, in the order the
 * attributes would then have (first-set order, new keys last).
 */
final class CandidateAttributes extends AbstractMap<String, Object> {
    private final BaseModel model;
    private final AttributeWrite write;

    CandidateAttributes(BaseModel model, AttributeWrite write) {
        this.model = model;
        this.write = write;
    }

    @Override
    public Object get(Object key) {
        int p = key instanceof String name ? model.schema().position(name) : -1;
        if (p < 0) {
            return null;
        }
        if (write.sets(p)) {
            return write.valueFor(p);
        }
        return write.unsets(p) ? null : model.valueAt(p);
    }

    @Override
    public boolean containsKey(Object key) {
        int p = key instanceof String name ? model.schema().position(name) : -1;
        if (p < 0) {
            return false;
        }
        return write.sets(p) || !write.unsets(p) && model.holdsAt(p);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> merged = model.currentAttributes();
        for (int i = 0; i < write.setCount; i++) {
            merged.put(model.schema().attributeAt(write.setPositions[i]).name(), write.setValues[i]);
        }
        for (int i = 0; i < write.unsetCount; i++) {
            merged.remove(model.schema().attributeAt(write.unsetPositions[i]).name());
        }
        return Collections.unmodifiableMap(merged).entrySet();
    }
}
