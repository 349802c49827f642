package org.compactproofs.checker.bruteforce;

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

    /**
     * The tasks' results in the tasks' order, computed on {@code threads} threads (at least one). The first task
     * to fail, in the order they finish, ends the call: the others are interrupted (long tasks poll for it) and its
     * throwable is rethrown.
     */
    public static <T> List<T> map(List<? extends Callable<T>> tasks, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, tasks.size()))));
        try {
            java.util.concurrent.CompletionService<T> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
            java.util.Map<Future<T>, Integer> index = new java.util.HashMap<>();
            for (Callable<T> task : tasks) {
                index.put(done.submit(task), index.size());
            }
            List<T> out = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), (T) null));
            for (int n = 0; n < tasks.size(); n++) {
                Future<T> f = take(done);
                out.set(index.get(f), get(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Future<T> take(java.util.concurrent.CompletionService<T> done) {
        try {
            return done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
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
