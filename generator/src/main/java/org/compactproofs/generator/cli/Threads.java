package org.compactproofs.generator.cli;

final class Threads {
    private Threads() {}

    /** 0 or less means every available core. */
    static int resolve(int requested) {
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }
}
