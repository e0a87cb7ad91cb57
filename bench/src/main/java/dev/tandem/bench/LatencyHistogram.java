package dev.tandem.bench;

/**
 * Latency histogram with the Colyseus harness's buckets, so percentiles compare like for like: 1 µs wide below
 * 100 µs, then 1 % wide; a percentile is its bucket's upper bound (capped by the exact maximum).
 *
 * <p>Counts are doubles (exact up to 2^53): the Node load tool runs this class compiled by TeaVM, where every
 * {@code long} operation is emulated and allocates.
 */
public final class LatencyHistogram {
    private static final int LINEAR_MICROS = 100;
    private static final double GROWTH = Math.log(1.01);
    private static final int BUCKETS = LINEAR_MICROS + 2000;

    private final double[] counts = new double[BUCKETS];
    private double samples;
    private double negative;
    private double maxMs;

    public void record(double latencyMs) {
        if (latencyMs < 0) {
            negative++;
            latencyMs = 0;
        }
        maxMs = Math.max(maxMs, latencyMs);
        samples++;
        double micros = latencyMs * 1000;
        int index = micros < LINEAR_MICROS ? (int) micros
                : LINEAR_MICROS + (int) Math.floor(Math.log(micros / LINEAR_MICROS) / GROWTH);
        counts[Math.min(index, BUCKETS - 1)]++;
    }

    public void addAll(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        samples += other.samples;
        negative += other.negative;
        maxMs = Math.max(maxMs, other.maxMs);
    }

    /**
     * What was recorded here after {@code earlier}, a copy of this histogram taken before (for per-second slices of a
     * window). The exact maximum of the slice is not known: it is its highest non-empty bucket's upper bound, capped
     * by this histogram's maximum.
     */
    public LatencyHistogram since(LatencyHistogram earlier) {
        LatencyHistogram slice = new LatencyHistogram();
        for (int i = 0; i < BUCKETS; i++) {
            slice.counts[i] = counts[i] - earlier.counts[i];
            if (slice.counts[i] > 0) {
                slice.maxMs = Math.min(upperBoundMs(i), maxMs);
            }
        }
        slice.samples = samples - earlier.samples;
        slice.negative = negative - earlier.negative;
        return slice;
    }

    public long samples() {
        return (long) samples;
    }

    public long negative() {
        return (long) negative;
    }

    public double maxMs() {
        return maxMs;
    }

    /** The {@code p} quantile (0 … 1) in ms, or NaN without samples. */
    public double percentileMs(double p) {
        if (samples == 0) {
            return Double.NaN;
        }
        double target = Math.ceil(samples * p);
        double seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= target) {
                return Math.min(upperBoundMs(i), maxMs);
            }
        }
        return maxMs;
    }

    private static double upperBoundMs(int bucket) {
        return (bucket < LINEAR_MICROS ? bucket + 1
                : LINEAR_MICROS * Math.exp((bucket - LINEAR_MICROS + 1) * GROWTH)) / 1000;
    }
}
