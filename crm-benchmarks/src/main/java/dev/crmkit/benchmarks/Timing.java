package dev.crmkit.benchmarks;

import java.util.Arrays;

/** Latency samples of one contender, in microseconds. */
final class Timing {
    private final long[] nanos;
    private int count;

    Timing(int capacity) {
        this.nanos = new long[capacity];
    }

    void add(long elapsedNanos) {
        nanos[count++] = elapsedNanos;
    }

    double medianMicros() {
        return percentileMicros(50);
    }

    double percentileMicros(int percentile) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = Math.min(count - 1, (int) Math.ceil(percentile / 100.0 * count) - 1);
        return sorted[Math.max(0, index)] / 1_000.0;
    }
}
