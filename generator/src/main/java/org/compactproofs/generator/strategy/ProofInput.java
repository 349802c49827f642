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
    private final Map<Class<?>, Object> shared = new HashMap<>();

    public ProofInput(ModelReader.ModelFile file, int threads) {
        this.file = file;
        this.threads = threads;
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

    /** The one object of this type for this model, built by {@code make} on first use (callers wait for it). */
    public synchronized <T> T shared(Class<T> type, Function<Model, T> make) {
        return type.cast(shared.computeIfAbsent(type, t -> make.apply(file.model())));
    }
}
