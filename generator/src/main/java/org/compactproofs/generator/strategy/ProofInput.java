package org.compactproofs.generator.strategy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;

/**
 * The model a strategy proves, with what several strategies proving it share: the threads brute force may use, and
 * objects built once per model (the grid's exact tables and witnesses serve its 150 variants and subcubic-union).
 * Safe to use from several threads at once.
 */
public final class ProofInput {
    private final ModelReader.ModelFile file;
    private final int threads;
    private final long bruteForceInputs;
    private final boolean exactBruteForceClaim;
    private final Map<Class<?>, Object> shared = new HashMap<>();

    /** With brute force limited to 2^31 inputs (the checker's default limit). */
    public ProofInput(ModelReader.ModelFile file, int threads) {
        this(file, threads, org.compactproofs.checker.Limits.DEFAULT_BRUTE_FORCE_INPUTS, true);
    }

    /**
     * {@code bruteForceInputs}: the most inputs brute force may enumerate (the checker's option of that name);
     * {@code exactBruteForceClaim}: above 2^31 inputs, count them for the claim (a second pass) rather than claim the
     * cubic proof's count.
     */
    public ProofInput(ModelReader.ModelFile file, int threads, long bruteForceInputs, boolean exactBruteForceClaim) {
        this.file = file;
        this.threads = threads;
        this.bruteForceInputs = bruteForceInputs;
        this.exactBruteForceClaim = exactBruteForceClaim;
    }

    public ModelReader.ModelFile file() {
        return file;
    }

    public Model model() {
        return file.model();
    }

    /** The threads a strategy may use (brute force); the others run on the caller's thread. */
    public int threads() {
        return threads;
    }

    /** The most inputs brute force may enumerate; above 2^31 it writes the keyed form of rule B1. */
    public long bruteForceInputs() {
        return bruteForceInputs;
    }

    /** Above 2^31 inputs: whether brute force counts every input for its claim, or claims the cubic proof's count. */
    public boolean exactBruteForceClaim() {
        return exactBruteForceClaim;
    }

    /** The one object of this type for this model, built by {@code make} on first use (callers wait for it). */
    public synchronized <T> T shared(Class<T> type, Function<Model, T> make) {
        return type.cast(shared.computeIfAbsent(type, t -> make.apply(file.model())));
    }
}
