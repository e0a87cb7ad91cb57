package dev.tandem.model.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The listener lists of one model or collection: Backbone's Events mixin, typed for Java.
 *
 * <p>{@link #on} returns a {@link Subscription}; cancelling it removes exactly that listener. Dispatch works on a
 * snapshot of the listener list, so a listener may subscribe or unsubscribe others (or itself) while an event is
 * being delivered: the change takes effect from the next event on. Listeners for the event's own name run first,
 * then {@code all} listeners.
 */
public final class Events {
    private Map<String, List<EventListener>> listenersByName;

    public Subscription on(String name, EventListener listener) {
        if (name == null || name.isEmpty() || listener == null) {
            throw new IllegalArgumentException("on(name, listener) needs an event name and a listener");
        }
        if (listenersByName == null) {
            listenersByName = new HashMap<>();
        }
        List<EventListener> current = listenersByName.get(name);
        List<EventListener> next = current == null ? new ArrayList<>(1) : new ArrayList<>(current);
        next.add(listener);
        listenersByName.put(name, next);
        return () -> remove(name, listener);
    }

    /** Delivers {@code event} to the listeners of its name, then to the {@code all} listeners. */
    public void trigger(Event event) {
        if (listenersByName == null) {
            return;
        }
        deliver(listenersByName.get(event.name()), event);
        deliver(listenersByName.get(Event.ALL), event);
    }

    /** True when an event named {@code name} would reach a listener (of that name or {@code all}). */
    public boolean wants(String name) {
        return listenersByName != null && (listenersByName.containsKey(name) || listenersByName.containsKey(Event.ALL));
    }

    /** True when any listener is subscribed, to any name. */
    public boolean hasListeners() {
        return listenersByName != null && !listenersByName.isEmpty();
    }

    /** The number of listeners subscribed to {@code name}. */
    public int count(String name) {
        if (listenersByName == null) {
            return 0;
        }
        List<EventListener> listeners = listenersByName.get(name);
        return listeners == null ? 0 : listeners.size();
    }

    /** The number of listeners subscribed to any name. */
    public int count() {
        int total = 0;
        if (listenersByName != null) {
            for (List<EventListener> listeners : listenersByName.values()) {
                total += listeners.size();
            }
        }
        return total;
    }

    private static void deliver(List<EventListener> snapshot, Event event) {
        if (snapshot != null) {
            for (EventListener listener : snapshot) {
                listener.on(event);
            }
        }
    }

    private void remove(String name, EventListener listener) {
        List<EventListener> current = listenersByName.get(name);
        if (current == null) {
            return;
        }
        List<EventListener> next = new ArrayList<>(current);
        // Remove by identity: the same lambda subscribed twice holds two subscriptions, each cancels one.
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i) == listener) {
                next.remove(i);
                break;
            }
        }
        if (next.isEmpty()) {
            listenersByName.remove(name);
        } else {
            listenersByName.put(name, next);
        }
    }
}
