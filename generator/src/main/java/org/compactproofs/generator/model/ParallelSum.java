package org.compactproofs.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs independent counting tasks on a thread pool and adds up their counts, element by element. */
final class ParallelSum {
    private ParallelSum() {}

    /** The element-wise sum of the tasks' arrays (each of length {@code width}); exact, so order-independent. */
    static long[] of(List<Callable<long[]>> tasks, int width, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<long[]>> parts = new ArrayList<>();
            for (Callable<long[]> task : tasks) {
                parts.add(pool.submit(task));
            }
            long[] sum = new long[width];
            for (Future<long[]> part : parts) {
                long[] r = part.get();
                for (int i = 0; i < width; i++) {
                    sum[i] += r[i];
                }
            }
            return sum;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
