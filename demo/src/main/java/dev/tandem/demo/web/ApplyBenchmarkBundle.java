package dev.tandem.demo.web;

import org.teavm.jso.JSExport;

/**
 * The entry point TeaVM compiles into {@code static/apply-benchmark.js}, the browser apply benchmark's own bundle
 * (loaded by {@code static/apply-benchmark.html}): the page's client code (the demo models, {@code SyncClient},
 * {@code Replica}, the browser JSON codec) and {@link ApplyBenchmark}, without the page itself. Kept out of
 * {@code demo.js} so that the demo page does not carry benchmark code; {@code bench/browser-apply.sh} runs it.
 */
public final class ApplyBenchmarkBundle {
    private ApplyBenchmarkBundle() {
    }

    public static void main(String[] args) {
        // Nothing runs on load; the benchmark calls benchmarkApply.
    }

    /**
     * Applies {@code messages} server {@code change} messages, {@code perFrame} to a frame, to a fresh board replica
     * without a network, and returns a JSON text with the timing and a check of the final state (see
     * {@link ApplyBenchmark}). Needs no server.
     */
    @JSExport
    public static String benchmarkApply(int messages, int perFrame) {
        return ApplyBenchmark.run(messages, perFrame);
    }
}
