package dev.tandem.demo.web;

import dev.tandem.client.BrowserClient;
import dev.tandem.client.js.JsClient;
import dev.tandem.demo.model.Board;
import dev.tandem.demo.model.Card;
import dev.tandem.demo.model.Member;
import dev.tandem.demo.model.Settings;
import dev.tandem.model.ModelValidationException;
import dev.tandem.sync.CommandCallback;
import dev.tandem.sync.SyncClient;
import dev.tandem.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * The demo page, compiled by TeaVM: builds a {@link Board} replica, connects it, and renders it. The DOM is redrawn
 * from the model on every tree change (batched per animation frame); user actions become server commands, and
 * the page changes only when the server's broadcast comes back — the server is the authority.
 */
public final class DemoPage {
    private static Board board;
    private static BrowserClient client;
    private static boolean renderQueued;

    private DemoPage() {
    }

    public static void main(String[] args) {
        board = new Board();
        client = BrowserClient.connect(board);
        publish(new JsClient(client));
        board.onTreeChange(change -> queueRender());
        client.onStatus(status -> queueRender());
        onAction(DemoPage::act);
        queueRender();
    }

    /**
     * For page code: opens another connection with a board replica of its own and returns its JavaScript API;
     * {@code url} null or empty means the page's own server.
     */
    @JSExport
    public static JsClient connect(String url) {
        Board replica = new Board();
        return new JsClient(url == null || url.isEmpty() ? BrowserClient.connect(replica)
                : BrowserClient.connect(replica, url));
    }

    // ---------------------------------------------------------------- actions (page → server)

    /**
     * Sends the command for one user action; the answer only shows or clears the error line ({@link #ANSWER}). The
     * commands are sent directly, not wrapped in a lambda each: every lambda is a class of its own in the bundle.
     */
    private static void act(String action, String id, String value) {
        SyncClient sync = client.sync();
        try {
            switch (action) {
                case "title" -> sync.setServer(board, one("title", value), ANSWER);
                case "theme" -> sync.setServer(board.settings, one("theme", value), ANSWER);
                case "add" -> {
                    if (!value.trim().isEmpty()) {
                        sync.addServer(board.cards, one("text", value.trim()), -1, ANSWER);
                        clearInput("new-card");
                    }
                }
                case "vote" -> {
                    Card card = board.cards.get(id);
                    sync.setServer(card, one("votes", card.get(Card.VOTES) + 1), ANSWER);
                }
                case "left", "right" -> {
                    Card card = board.cards.get(id);
                    int column = Card.COLUMNS.indexOf(card.get(Card.COLUMN)) + ("left".equals(action) ? -1 : 1);
                    if (column >= 0 && column < Card.COLUMNS.size()) {
                        sync.setServer(card, one("column", Card.COLUMNS.get(column)), ANSWER);
                    }
                }
                case "up" -> {
                    Card card = board.cards.get(id);
                    int target = previousInColumn(card);
                    if (target >= 0) {
                        sync.moveServer(card, target, ANSWER);
                    }
                }
                case "delete" -> sync.removeServer(board.cards.get(id), ANSWER);
                default -> showError("unknown action " + action);
            }
        } catch (ModelValidationException invalid) {
            showError(invalid.getMessage());
        }
    }

    /**
     * A one-attribute change. A HashMap rather than {@code Map.of}, whose immutable map classes would be bundled for
     * these five calls alone.
     */
    private static Map<String, Object> one(String key, Object value) {
        Map<String, Object> change = new HashMap<>();
        change.put(key, value);
        return change;
    }

    /** The index of the card above {@code card} in its column, or -1 when it is the column's first. */
    private static int previousInColumn(Card card) {
        int index = board.cards.indexOf(card);
        for (int i = index - 1; i >= 0; i--) {
            if (board.cards.at(i).get(Card.COLUMN).equals(card.get(Card.COLUMN))) {
                return i;
            }
        }
        return -1;
    }

    /** The server's answer to any action: clears the error line, or shows why the command was refused. */
    private static final CommandCallback ANSWER = new CommandCallback() {
        @Override
        public void acknowledged(JsonObject ack) {
            showError("");
        }

        @Override
        public void refused(String code, String message) {
            showError(code + ": " + message);
        }
    };

    // ---------------------------------------------------------------- rendering (model → page)

    private static void queueRender() {
        if (!renderQueued) {
            renderQueued = true;
            nextFrame(DemoPage::render);
        }
    }

    private static void render() {
        renderQueued = false;
        setText("status", client.status());
        if (!client.sync().replica().hasInitialState()) {
            return;
        }
        setInputUnlessFocused("title", board.get(Board.TITLE));
        setInputUnlessFocused("theme", board.settings.get(Settings.THEME));
        setTheme(board.settings.get(Settings.THEME));
        setText("clock", clock(board.get(Board.SERVER_TIME).doubleValue()));
        for (String column : Card.COLUMNS) {
            setHtml("col-" + column, cardsHtml(column));
        }
        StringBuilder members = new StringBuilder();
        for (Member member : board.members) {
            members.append("<li>").append(escape(member.get(Member.NAME))).append("</li>");
        }
        setHtml("members", members.toString());
    }

    private static String cardsHtml(String column) {
        StringBuilder html = new StringBuilder();
        List<String> columns = Card.COLUMNS;
        for (Card card : board.cards) {
            if (!column.equals(card.get(Card.COLUMN))) {
                continue;
            }
            String id = escape(card.id());
            // Unboxed on purpose: concatenating card.get(...) itself would pass an attribute value as a plain Object
            // to String.valueOf, and TeaVM, seeing that any attribute value (Doubles too) may arrive there, would
            // compile Double.toString and its ~10 KB gzipped of decimal conversion into the bundle.
            long votes = card.get(Card.VOTES);
            html.append("<li class=\"card\" data-id=\"").append(id).append("\">")
                    .append("<span class=\"text\">").append(escape(card.get(Card.TEXT))).append("</span>")
                    .append("<span class=\"tools\">")
                    .append(button("vote", id, "\u25b2 " + votes, "vote"))
                    .append(button("up", id, "\u2191", "move up"))
                    .append(column.equals(columns.get(0)) ? "" : button("left", id, "\u25c0", "move left"))
                    .append(column.equals(columns.get(columns.size() - 1)) ? "" : button("right", id, "\u25b6",
                            "move right"))
                    .append(button("delete", id, "\u2715", "delete"))
                    .append("</span></li>");
        }
        return html.toString();
    }

    private static String button(String action, String id, String label, String title) {
        return "<button data-action=\"" + action + "\" data-id=\"" + id + "\" title=\"" + title + "\">" + label
                + "</button>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- the DOM, through small JS bodies

    @JSFunctor
    interface ActionListener extends JSObject {
        void act(String action, String id, String value);
    }

    @JSFunctor
    interface FrameCallback extends JSObject {
        void run();
    }

    @JSBody(params = "api", script = "window.tandem = api;")
    private static native void publish(JsClient api);

    @JSBody(params = "callback", script = "requestAnimationFrame(function() { callback(); });")
    private static native void nextFrame(FrameCallback callback);

    // Local names in these scripts are long on purpose: TeaVM renames parameters to short names (a, b, …) when it
    // minifies, and a one-letter local could capture them.
    @JSBody(params = "listener", script = ""
            + "document.addEventListener('click', function(clickEvent) {"
            + "  var button = clickEvent.target.closest('[data-action]');"
            + "  if (!button || button.tagName === 'SELECT') return;"
            + "  var action = button.getAttribute('data-action');"
            + "  var typed = action === 'add' ? document.getElementById('new-card').value : '';"
            + "  listener(action, button.getAttribute('data-id') || '', typed); });"
            + "document.getElementById('new-card').addEventListener('keydown', function(keyEvent) {"
            + "  if (keyEvent.key === 'Enter') listener('add', '', keyEvent.target.value); });"
            + "var titleInput = document.getElementById('title');"
            + "titleInput.addEventListener('change', function() { listener('title', '', titleInput.value); });"
            + "titleInput.addEventListener('keydown', function(keyEvent) {"
            + "  if (keyEvent.key === 'Enter') titleInput.blur(); });"
            + "var themeSelect = document.getElementById('theme');"
            + "themeSelect.addEventListener('change', function() { listener('theme', '', themeSelect.value); });")
    private static native void onAction(ActionListener listener);

    @JSBody(params = { "id", "text" }, script = "document.getElementById(id).textContent = text;")
    private static native void setText(String id, String text);

    @JSBody(params = { "id", "html" }, script = "var element = document.getElementById(id);"
            + " if (element.innerHTML !== html) element.innerHTML = html;")
    private static native void setHtml(String id, String html);

    @JSBody(params = { "id", "value" }, script = "var element = document.getElementById(id);"
            + " if (document.activeElement !== element && element.value !== value) element.value = value;")
    private static native void setInputUnlessFocused(String id, String value);

    @JSBody(params = "id", script = "document.getElementById(id).value = '';")
    private static native void clearInput(String id);

    @JSBody(params = "theme", script = "document.body.className = 'theme-' + theme;")
    private static native void setTheme(String theme);

    @JSBody(params = "text", script = "document.getElementById('error').textContent = text;")
    private static native void showError(String text);

    @JSBody(params = "millis", script = "return new Date(millis).toLocaleTimeString('en-GB');")
    private static native String clock(double millis);
}
