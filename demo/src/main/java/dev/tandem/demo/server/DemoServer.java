package dev.tandem.demo.server;

import dev.tandem.demo.model.Board;
import dev.tandem.demo.model.Card;
import dev.tandem.demo.model.Member;
import dev.tandem.server.Authenticator;
import dev.tandem.server.TandemServer;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * The demo's server: a {@link Board} held by Tandem on http://localhost:8080 (env PORT overrides), a clock the
 * server ticks every second, and one {@link Member} per connected browser.
 */
public final class DemoServer {
    /** How often the server clock ticks. */
    public static final long CLOCK_PERIOD_MILLIS = 1_000;
    /** Longest display name taken from the {@code ?name=} query parameter. */
    public static final int MAX_NAME_LENGTH = 30;

    private DemoServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        TandemServer<Board> server = start(port);
        System.out.println("Tandem demo: open http://localhost:" + server.port() + "/ in two browser windows");
    }

    /** Starts the demo on {@code port} (0 for any free port). */
    public static TandemServer<Board> start(int port) {
        Board board = new Board();
        board.set(Board.TITLE, "Team board");
        board.cards.add(Card.of("Try Tandem: open this page in a second window", "todo"));
        board.cards.add(Card.of("Vote with \u25b2, move cards with the arrows", "doing"));
        board.cards.add(Card.of("Every change here reaches every window at once", "done"));
        board.set(Board.SERVER_TIME, System.currentTimeMillis());

        Map<Long, String> memberIds = new HashMap<>(); // touched only on the authority thread
        TandemServer<Board> server = TandemServer.builder(board)
                .port(port)
                .staticResources("static")
                .authenticator(displayName())
                .onConnect((root, client) -> {
                    Member member = new Member();
                    member.set(Member.NAME, client.user());
                    root.members.add(member);
                    memberIds.put(client.connectionId(), member.id());
                })
                .onDisconnect((root, client) -> {
                    String id = memberIds.remove(client.connectionId());
                    if (id != null) {
                        root.members.remove(root.members.get(id));
                    }
                })
                .start();
        server.authority().every(CLOCK_PERIOD_MILLIS, root -> root.set(Board.SERVER_TIME, System.currentTimeMillis()));
        return server;
    }

    /** The display name from {@code ?name=}, trimmed and capped; "Guest N" without one. */
    private static Authenticator displayName() {
        return (request, connectionId) -> {
            Fields query = Request.extractQueryParameters(request);
            String name = query.getValue("name");
            if (name == null || name.isBlank()) {
                return "Guest " + connectionId;
            }
            name = name.trim();
            return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
        };
    }
}
