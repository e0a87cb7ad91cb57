package dev.tandem.server;

import dev.tandem.model.BaseModel;

/**
 * Application code run on the authority thread when a client connects (after it was sent its initial state) or
 * disconnects; it may change the tree (the demo keeps one member per connected browser this way).
 */
@FunctionalInterface
public interface ConnectionListener<R extends BaseModel> {
    void on(R root, ClientInfo client);
}
