package dev.tandem.model.events;

/** The handle {@code on(…)} returns: cancel it to unsubscribe. Cancelling twice is harmless. */
@FunctionalInterface
public interface Subscription {
    void cancel();
}
