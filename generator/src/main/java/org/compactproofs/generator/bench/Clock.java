package org.compactproofs.generator.bench;

/** Wall-clock seconds, and a sink that keeps a baseline's results alive so that the JIT cannot drop its work. */
final class Clock {
    /** Where baselines put a result; never read for a figure. */
    static volatile double sink;

    private Clock() {}

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
