package org.compactproofs.checker.grid;


/** Counts the interval operations of rule S2 as they are done: the checker's work figure for the grid. */
final class Work {
    long operations;

    IntervalMatrix times(IntervalMatrix a, IntervalMatrix b) {
        operations += (long) a.rows() * a.cols() * b.cols();
        return a.times(b);
    }

    void add(long n) {
        operations += n;
    }
}
