package dev.tandem.model;

/** Where a tree's ids come from. */
public enum IdPolicy {
    /** The tree is authoritative: a model or collection that joins it without an id gets a random UUID. */
    GENERATE,
    /** The tree is a replica: ids come from the authority's data; a node without one is found by client id only. */
    ASSIGNED
}
