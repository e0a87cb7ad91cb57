package dev.tandem.demo.web;

import dev.tandem.client.json.BrowserJsonCodec;
import dev.tandem.demo.model.Board;
import dev.tandem.demo.model.Card;
import dev.tandem.json.JsonCodec;
import dev.tandem.json.JsonNumber;
import dev.tandem.json.JsonObject;
import dev.tandem.json.JsonString;
import dev.tandem.json.JsonValue;
import dev.tandem.protocol.Protocol;
import dev.tandem.protocol.ServerMessages;
import dev.tandem.sync.SyncClient;
import org.teavm.jso.JSBody;

/**
 * How fast the page's own client code applies the server's {@code change} messages, without a network: a fresh
 * {@link Board} replica behind a {@link SyncClient} with the browser codec and a transport that sends nothing gets an
 * {@code initial} message (a board of {@value #CARDS} cards), then {@code change} frames through
 * {@link SyncClient#receive} — exactly the path a WebSocket frame takes in {@code BrowserClient}. Every message
 * changes state (a card's votes go up by one, every fourth message a card's text changes instead), a tree listener
 * counts the changes as the page's renderer would see them, and the final state is checked card by card: a fast
 * run that did not apply everything reports a failed check, not a figure.
 *
 * <p>All frame texts are built before the clock starts, so only decoding and applying are timed. Two more timed
 * passes over the same texts, before the real one, split the cost: {@code JSON.parse} alone, and the codec's
 * {@code decode} (parse plus conversion into model-core's JSON tree). Compiled into its own bundle
 * ({@link ApplyBenchmarkBundle}, {@code apply-benchmark.js}); used by {@code bench/browser-apply.sh} (figures) and
 * {@code DemoBrowserTest} (correctness only).
 */
final class ApplyBenchmark {
    static final int CARDS = 100;
    private static final long INITIAL_SEQ = 1000;

    private ApplyBenchmark() {
    }

    /**
     * Applies {@code messages} change messages in frames of {@code perFrame} (1: one message per frame, as a
     * non-batching client gets them; more: a JSON array, as with {@code ?batch=1}). Returns a JSON text:
     * {@code messages, perFrame, frames, ms, messagesPerSecond, parseMs, decodeMs, treeChanges, seq, check}, where
     * {@code check} is {@code "ok"} or what was wrong.
     */
    static String run(int messages, int perFrame) {
        if (messages < 1 || perFrame < 1) {
            throw new IllegalArgumentException("messages and perFrame must be at least 1");
        }
        JsonCodec codec = new BrowserJsonCodec();

        // The server's side, built here: a board with ids (the authority's registry assigns them) and its xport.
        Board source = new Board();
        source.registry();
        source.set(Board.TITLE, "Benchmark board");
        String[] ids = new String[CARDS];
        int[] votes = new int[CARDS];
        String[] texts = new String[CARDS];
        for (int c = 0; c < CARDS; c++) {
            Card card = Card.of("Card " + c, Card.COLUMNS.get(c % Card.COLUMNS.size()));
            source.cards.add(card);
            ids[c] = card.id();
            texts[c] = "Card " + c;
        }
        String initial = codec.encode(ServerMessages.initial(INITIAL_SEQ, source.xport()));

        // Every frame's text, before timing. Same shape as ServerMessages.of(AttributesChanged, seq).
        int frameCount = (messages + perFrame - 1) / perFrame;
        String[] frames = new String[frameCount];
        StringBuilder batch = new StringBuilder();
        for (int m = 0, frame = 0; m < messages; frame++) {
            int end = Math.min(messages, m + perFrame);
            batch.setLength(0);
            for (; m < end; m++) {
                int c = m % CARDS;
                JsonObject.Builder attrs = JsonObject.builder();
                if (m % 4 == 3) {
                    texts[c] = "Card " + c + ", edit " + m;
                    attrs.put("text", JsonString.of(texts[c]));
                } else {
                    votes[c]++;
                    attrs.put("votes", JsonNumber.of(votes[c]));
                }
                String text = codec.encode(JsonObject.builder()
                        .put(Protocol.EVENT, JsonString.of(Protocol.CHANGE))
                        .put(Protocol.SEQ, JsonNumber.of(INITIAL_SEQ + 1 + m))
                        .put(Protocol.ID, JsonString.of(ids[c]))
                        .put(Protocol.ATTRS, attrs.build()).build());
                batch.append(batch.length() == 0 ? "" : ",").append(text);
            }
            frames[frame] = perFrame == 1 ? batch.toString() : "[" + batch + "]";
        }

        // Sub-steps, on the same texts: native parse only, then the codec's decode (parse + conversion).
        double start = now();
        int sink = 0;
        for (String frame : frames) {
            sink += nativeParseSize(frame);
        }
        double parseMs = now() - start;
        start = now();
        for (String frame : frames) {
            JsonValue decoded = codec.decode(frame);
            sink += decoded.depth();
        }
        double decodeMs = now() - start;

        // The real thing: a fresh replica, its initial state, then every frame through SyncClient.receive.
        Board replica = new Board();
        SyncClient sync = new SyncClient(replica, codec, text -> {
        });
        sync.receive(initial);
        int[] treeChanges = {0};
        replica.onTreeChange(change -> treeChanges[0]++);
        start = now();
        for (String frame : frames) {
            sync.receive(frame);
        }
        double ms = now() - start;

        String check = check(replica, sync, ids, votes, texts, messages, treeChanges[0]);
        return codec.encode(JsonObject.builder()
                .put("messages", JsonNumber.of(messages))
                .put("perFrame", JsonNumber.of(perFrame))
                .put("frames", JsonNumber.of(frameCount))
                .put("cards", JsonNumber.of(CARDS))
                .put("ms", JsonNumber.of(ms))
                .put("messagesPerSecond", JsonNumber.of(Math.round(messages / (ms / 1000))))
                .put("parseMs", JsonNumber.of(parseMs))
                .put("decodeMs", JsonNumber.of(decodeMs))
                .put("treeChanges", JsonNumber.of(treeChanges[0]))
                .put("seq", JsonNumber.of(sync.replica().seq()))
                .put("sink", JsonNumber.of(sink))
                .put("check", JsonString.of(check)).build());
    }

    /** "ok" when the replica holds exactly the expected state; otherwise the first difference. */
    private static String check(Board replica, SyncClient sync, String[] ids, int[] votes, String[] texts,
            int messages, int treeChanges) {
        if (sync.replica().seq() != INITIAL_SEQ + messages) {
            return "seq " + sync.replica().seq() + ", expected " + (INITIAL_SEQ + messages);
        }
        if (treeChanges != messages) {
            return treeChanges + " tree changes for " + messages + " messages";
        }
        if (replica.cards.size() != CARDS) {
            return replica.cards.size() + " cards, expected " + CARDS;
        }
        for (int c = 0; c < CARDS; c++) {
            Card card = replica.cards.get(ids[c]);
            if (card == null) {
                return "card " + ids[c] + " missing";
            }
            if (card.get(Card.VOTES) != votes[c] || !card.get(Card.TEXT).equals(texts[c])) {
                return "card " + c + " is " + card + ", expected " + votes[c] + " votes and text " + texts[c];
            }
        }
        return "ok";
    }

    @JSBody(script = "return performance.now();")
    private static native double now();

    /** Parses natively and returns a number from the result, so the parse cannot be skipped. */
    @JSBody(params = "text", script = "var parsed = JSON.parse(text); return Array.isArray(parsed) ? parsed.length"
            + " : parsed.seq > 0 ? 1 : 0;")
    private static native int nativeParseSize(String text);
}
