package dev.tandem.client;

import dev.tandem.client.json.BrowserJsonCodec;
import dev.tandem.json.JsonCodec;
import org.teavm.jso.JSExport;

/**
 * The entry point TeaVM compiles into {@code static/tandem.js}, the browser bundle.
 *
 * <p>It exports functions to page JavaScript (globals when the UMD bundle is loaded by a script tag): it carries
 * model-core and the browser JSON codec, the smallest Tandem bundle. An application builds its own bundle from its
 * own page class, which knows its models and connects them with {@link BrowserClient} (see the demo's
 * {@code DemoPage}); this one exists to measure and test the library alone.
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
