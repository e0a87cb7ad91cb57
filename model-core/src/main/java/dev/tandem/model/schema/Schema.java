package dev.tandem.model.schema;

import dev.tandem.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared attributes of one model class, in declaration order (the order xport writes them).
 *
 * <p>One Schema per model class, built once as a constant: {@code static final Schema SCHEMA = Schema.of("Card",
 * TEXT, COLUMN, VOTES);}. Attribute names are unique; "id" is reserved (a model's id lives outside its attributes).
 */
public final class Schema {
    private final String modelName;
    private final Map<String, Attribute<?>> attributes;
    private final List<Attribute<?>> inJsonOrder;
    // Positions: a model stores its values in an array indexed by declaration position, so every lookup by name
    // is one map lookup here, and the rest is array access.
    private final Map<String, Integer> positions = new HashMap<>();
    private final Attribute<?>[] byPosition;
    private final int[] jsonOrderPositions;
    private final boolean[] indexLike;

    private Schema(String modelName, Map<String, Attribute<?>> attributes) {
        this.modelName = modelName;
        this.attributes = attributes;
        this.byPosition = new Attribute<?>[attributes.size()];
        int position = 0;
        for (Attribute<?> attribute : attributes.values()) { // not toArray: see BaseModel.appended
            byPosition[position++] = attribute;
        }
        this.indexLike = new boolean[byPosition.length];
        for (int i = 0; i < byPosition.length; i++) {
            indexLike[i] = JsonObject.isArrayIndex(byPosition[i].name());
        }
        for (int i = 0; i < byPosition.length; i++) {
            positions.put(byPosition[i].name(), i);
        }
        List<Attribute<?>> ordered = new ArrayList<>();
        for (String name : JsonObject.inPropertyOrder(attributes.keySet())) {
            ordered.add(attributes.get(name));
        }
        this.inJsonOrder = List.copyOf(ordered);
        this.jsonOrderPositions = new int[ordered.size()];
        for (int i = 0; i < jsonOrderPositions.length; i++) {
            jsonOrderPositions[i] = positions.get(ordered.get(i).name());
        }
    }

    public static Schema of(String modelName, Attribute<?>... attributes) {
        Map<String, Attribute<?>> byName = new LinkedHashMap<>();
        for (Attribute<?> attribute : attributes) {
            if (attribute.name().equals("id")) {
                throw new IllegalArgumentException(modelName + ": 'id' is reserved for the model id");
            }
            if (byName.put(attribute.name(), attribute) != null) {
                throw new IllegalArgumentException(modelName + " declares attribute '" + attribute.name()
                        + "' twice");
            }
            attribute.freeze();
        }
        return new Schema(modelName, Collections.unmodifiableMap(byName));
    }

    /** The model's type name, used in error messages ("Card 7f3a…: 'column' must be …"). */
    public String modelName() {
        return modelName;
    }

    /** The attribute called {@code name}, or null when none is declared. */
    public Attribute<?> attribute(String name) {
        return attributes.get(name);
    }

    /** The number of declared attributes. */
    public int size() {
        return byPosition.length;
    }

    /** The declaration position (0 … size − 1) of the attribute called {@code name}, or −1 when none is declared. */
    public int position(String name) {
        Integer position = positions.get(name);
        return position == null ? -1 : position;
    }

    /** The attribute at declaration position {@code position}. */
    public Attribute<?> attributeAt(int position) {
        return byPosition[position];
    }

    /** The declaration position of the {@code i}-th attribute of {@link #attributesInJsonOrder()}. */
    public int positionInJsonOrder(int i) {
        return jsonOrderPositions[i];
    }

    /** True when the name at {@code position} looks like an array index ("0", "12"), which JSON orders first. */
    public boolean isIndexLike(int position) {
        return indexLike[position];
    }

    public boolean declares(String name) {
        return attributes.containsKey(name);
    }

    /** All attributes in declaration order. */
    public Collection<Attribute<?>> attributes() {
        return attributes.values();
    }

    /**
     * All attributes in the order of an {@code attrs} object holding them: declaration order, except that names
     * like array indices ("0", "12") come first, ascending, as in every JSON object (see {@link JsonObject}).
     */
    public List<Attribute<?>> attributesInJsonOrder() {
        return inJsonOrder;
    }

    /** Declared names in declaration order, for error messages. */
    public String names() {
        return String.join(", ", attributes.keySet());
    }
}
