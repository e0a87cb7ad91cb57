package dev.tandem.server;

import org.eclipse.jetty.server.Request;

/**
 * Decides, before the WebSocket upgrade, who a connecting client is. Returns the user id (what authorization hooks
 * see), or null to refuse the connection with 403. The default names every connection {@code anonymous-N}. The
 * request is the upgrade request (headers, query parameters, remote address); it is not kept after the handshake.
 */
@FunctionalInterface
public interface Authenticator {
    String authenticate(Request request, long connectionId);

    Authenticator ANONYMOUS = (request, connectionId) -> "anonymous-" + connectionId;
}
