package dev.tandem.client.js;

import dev.tandem.model.events.Subscription;
import org.teavm.jso.JSExport;

/** What {@code on(…)} returns to page code: call {@code cancel()} to unsubscribe. */
public final class JsSubscription {
    private final Subscription subscription;

    JsSubscription(Subscription subscription) {
        this.subscription = subscription;
    }

    @JSExport
    public void cancel() {
        subscription.cancel();
    }
}
