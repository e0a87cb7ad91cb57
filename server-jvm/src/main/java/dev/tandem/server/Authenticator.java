package dev.tandem.server;

import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;

/**
 * Decides, before the WebSocket upgrade, who a connecting client is. Returns the user id (what authorization hooks
 * see), or null to refuse the connection with 403. The default names every connection {@code anonymous-N}.
 */
@FunctionalInterface
public interface Authenticator {
    String authenticate(ServerUpgradeRequest request, long connectionId);

    Authenticator ANONYMOUS = (request, connectionId) -> "anonymous-" + connectionId;
}
