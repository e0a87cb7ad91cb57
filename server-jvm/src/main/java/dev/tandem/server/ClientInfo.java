package dev.tandem.server;

/** Who is on a connection: its number (unique in this server's life) and the user the authenticator named. */
public record ClientInfo(long connectionId, String user) {
}
