package dev.tandem.client;

import dev.tandem.client.json.BrowserJsonCodec;
import dev.tandem.json.JsonCodec;
import org.teavm.jso.JSExport;

/**
 * The entry point TeaVM compiles into {@code static/tandem.js}, the browser bundle.
 *
 * <p>It exports functions to page JavaScript (globals when the UMD bundle is loaded by a script tag). For now the
 * bundle carries model-core and the browser JSON codec; the WebSocket client builds on it.
 */
public final class TandemClientBundle {
    private static final JsonCodec CODEC = new BrowserJsonCodec();

    private TandemClientBundle() {
    }

    public static void main(String[] args) {
        // Nothing runs on load; page code calls the exported functions.
    }

    /** The canonical Tandem text of a JSON text: what both ends would send for it. */
    @JSExport
    public static String canonicalJson(String text) {
        return CODEC.encode(CODEC.decode(text));
    }
}
