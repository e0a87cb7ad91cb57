package dev.tandem.model;

/** Whether a mutation fires local events: {@link #EVENTS} (the default) or {@link #SILENT}. */
public enum Notify {
    EVENTS,
    /** Fire no local events. The tree-change stream still records the mutation (replicas must see it). */
    SILENT
}
