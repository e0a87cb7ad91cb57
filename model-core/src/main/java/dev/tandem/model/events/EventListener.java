package dev.tandem.model.events;

/** Receives one event. Listeners run synchronously, in the order they subscribed. */
@FunctionalInterface
public interface EventListener {
    void on(Event event);
}
