package dev.tandem.server;

import java.net.URI;
import java.util.Set;

/**
 * Which browser origins may open a WebSocket, decided before the upgrade (Jetty checks none of its own). A browser
 * always sends {@code Origin}; without this check any web page a user visits could connect with the user's cookies.
 * Default: the page must come from the same host and port the socket connects to; clients that send no Origin (the
 * JVM client, tools) are allowed. Extra origins, e.g. a separate front-end dev server, can be listed.
 */
final class OriginPolicy {
    private final Set<String> extraOrigins;

    OriginPolicy(Set<String> extraOrigins) {
        this.extraOrigins = Set.copyOf(extraOrigins);
    }

    boolean allows(String origin, String hostHeader) {
        if (origin == null) {
            return true;
        }
        if (extraOrigins.contains(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority != null && hostHeader != null && authority.equalsIgnoreCase(hostHeader);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
