package dev.tandem.sync;

/**
 * A server message a replica cannot apply: out of sequence (a message was lost), or naming a model the replica
 * does not have. The replica is then out of step and should reconnect for a fresh initial state.
 */
public final class SyncException extends RuntimeException {
    public SyncException(String message) {
        super(message);
    }
}
