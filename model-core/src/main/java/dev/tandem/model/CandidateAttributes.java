package dev.tandem.model;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The attributes a write would produce, as a read-only map over the current ones plus the write's sets and
 * unsets: what the validation hook sees. Lookups cost nothing extra; only iterating builds a copy.
 */
final class CandidateAttributes extends AbstractMap<String, Object> {
    private final Map<String, Object> current;
    private final Map<String, Object> sets;
    private final Collection<String> unsets;

    CandidateAttributes(Map<String, Object> current, Map<String, Object> sets, Collection<String> unsets) {
        this.current = current;
        this.sets = sets;
        this.unsets = unsets;
    }

    @Override
    public Object get(Object key) {
        if (sets.containsKey(key)) {
            return sets.get(key);
        }
        return unsets.contains(key) ? null : current.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return sets.containsKey(key) || !unsets.contains(key) && current.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> merged = new LinkedHashMap<>(current);
        merged.putAll(sets);
        for (String key : unsets) {
            merged.remove(key);
        }
        return Collections.unmodifiableMap(merged).entrySet();
    }
}
