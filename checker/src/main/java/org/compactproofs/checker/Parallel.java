package org.compactproofs.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one way the tools run work on other threads. Invariant: whatever a task throws reaches the caller's thread
 * unchanged (an {@link Error} such as {@link OutOfMemoryError} stays that Error, an {@link UnusableInputException}
 * stays that exception), so the command line's single mapping from a throwable to an exit code and one line
 * (cli/Commands) judges a worker's failure exactly as it would judge the main thread's.
 */
public final class Parallel {
    private Parallel() {}

    /** The tasks' results in the tasks' order, computed on {@code threads} threads (at least one). */
    public static <T> List<T> map(List<? extends Callable<T>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, tasks.size()))));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> out = new ArrayList<>(futures.size());
            for (Future<T> f : futures) {
                out.add(get(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A future's value; its task's throwable is rethrown as it was thrown (checked ones wrapped unchecked). */
    public static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        }
    }

    /** The throwable itself when unchecked; a checked one wrapped (I/O as {@link java.io.UncheckedIOException}). */
    private static RuntimeException unchecked(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof java.io.IOException io) {
            return new java.io.UncheckedIOException(io);
        }
        return new IllegalStateException(cause);
    }
}
