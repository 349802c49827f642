package org.compactproofs.generator.model;

import java.util.List;
import java.util.concurrent.Callable;
import org.compactproofs.checker.bruteforce.Parallel;

/** Runs independent counting tasks on a thread pool and adds up their counts, element by element. */
final class ParallelSum {
    private ParallelSum() {}

    /** The element-wise sum of the tasks' arrays (each of length {@code width}); exact, so order-independent. */
    static long[] of(List<Callable<long[]>> tasks, int width, int threads) {
        long[] sum = new long[width];
        for (long[] r : Parallel.map(tasks, threads)) {
            for (int i = 0; i < width; i++) {
                sum[i] += r[i];
            }
        }
        return sum;
    }
}
