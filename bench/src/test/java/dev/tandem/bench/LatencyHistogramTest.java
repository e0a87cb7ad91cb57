package dev.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void aSliceHoldsOnlyWhatWasRecordedAfterTheEarlierCopy() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 1000; i++) {
            histogram.record(500); // a backlog second: everything half a second late
        }
        LatencyHistogram earlier = new LatencyHistogram();
        earlier.addAll(histogram);
        for (int i = 0; i < 100; i++) {
            histogram.record(0.050); // 50 µs: a quiet second
        }

        LatencyHistogram slice = histogram.since(earlier);

        assertEquals(100, slice.samples());
        assertEquals(0.051, slice.percentileMs(0.99), 1e-9); // the 1 µs bucket's upper bound
        assertEquals(0.051, slice.maxMs(), 1e-9);
        assertEquals(500, histogram.percentileMs(0.5), 500 * 0.01); // the whole histogram is unchanged
    }
}
