package dev.tandem.sync;

import dev.tandem.json.JsonObject;

/** The server's answer to one client command: exactly one of the two methods is called, once. */
public interface CommandCallback {
    /** The command was applied; {@code ack} may carry the {@code id} of a model it created. */
    void acknowledged(JsonObject ack);

    /** The command was refused and changed nothing; {@code code} is stable, {@code message} says why. */
    void refused(String code, String message);

    /** A callback that ignores the answer. */
    CommandCallback IGNORE = new CommandCallback() {
        @Override
        public void acknowledged(JsonObject ack) {
        }

        @Override
        public void refused(String code, String message) {
        }
    };
}
