package org.compactproofs.checker.grid;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.model.Model;

/**
 * The witnesses of an S2 certificate, gathered before its first case: dyadic vectors (the rank-one peels of the
 * EQKE factors, the direct path's centre) and per-(max, nonmax) average attentions. Any values are sound (the
 * theorems hold for every choice); they only decide how tight the bounds are.
 */
final class GridWitnesses {
    final GridVariant variant;
    private final Map<String, Integer> lengths = new LinkedHashMap<>();
    private final Map<String, Double[]> values = new HashMap<>();
    private final Map<Integer, Interval> averages = new HashMap<>();
    private boolean closed;

    GridWitnesses(GridVariant variant, Model m) {
        this.variant = variant;
        int v = m.vocab(), d = m.dModel(), h = m.dHead(), dq = m.eqWidth(); // Eq and W_Q gain a bias column, row
        Map<String, int[]> shapes = Map.of("eqwq", new int[] {v, h}, "wktet", new int[] {h, v},
                "eq", new int[] {v, dq}, "wq", new int[] {dq, h}, "wkt", new int[] {h, d}, "et", new int[] {d, v});
        for (GridVariant.Factor f : variant.factors()) {
            int[] shape = shapes.get(f.name());
            for (int j = 1; j <= f.peels(); j++) {
                lengths.put(f.name() + "-" + j + "-left", shape[0]);
                lengths.put(f.name() + "-" + j + "-right", shape[1]);
            }
        }
        if (variant.directPathWitness()) {
            lengths.put("eupu-centre", dq);
        }
    }

    /** The vector names this variant takes, with their lengths. */
    Map<String, Integer> lengths() {
        return lengths;
    }

    boolean closed() {
        return closed;
    }

    /** Records entry {@code index} (in range) of vector {@code name}; returns a problem, or null. */
    String entry(String name, int index, double value) {
        Integer length = lengths.get(name);
        if (length == null) {
            return "this variant takes no vector '" + name + "' (it takes: "
                    + (lengths.isEmpty() ? "none" : String.join(", ", lengths.keySet())) + ")";
        }
        Double[] n = values.computeIfAbsent(name, x -> new Double[length]);
        if (n[index] != null) {
            return "entry " + index + " of vector '" + name + "' given twice";
        }
        n[index] = value;
        return null;
    }

    /** Records the average attention of (max, nonmax); returns a problem, or null. */
    String average(int key, Interval value) {
        if (variant.attention() != GridVariant.Attention.MEAN_QUERY_DIFF) {
            return "this variant (" + variant.attention().label + ") takes no average attention";
        }
        if (averages.putIfAbsent(key, value) != null) {
            return "average attention given twice for this max and nonmax";
        }
        return null;
    }

    /** The average attention of key (max * k + nonmax), zero when none was given. */
    Interval average(int key) {
        return averages.getOrDefault(key, new Interval(0, 0));
    }

    /** Closes the witnesses at the first case; returns the first incomplete vector's problem, or null. */
    String close() {
        closed = true;
        for (Map.Entry<String, Integer> e : lengths.entrySet()) {
            Double[] n = values.get(e.getKey());
            long have = n == null ? 0 : java.util.Arrays.stream(n).filter(java.util.Objects::nonNull).count();
            if (have != e.getValue()) {
                return "vector '" + e.getKey() + "' has " + have + " of its " + e.getValue() + " entries";
            }
        }
        return null;
    }

    /** Vector {@code name} as an exact 1 x n dyadic matrix (its entries are doubles: numerators of <= 2,100 bits). */
    DyadicMatrix vector(String name) {
        Double[] n = values.get(name);
        double[][] row = new double[1][n.length];
        for (int i = 0; i < n.length; i++) {
            row[0][i] = n[i];
        }
        return DyadicMatrix.of(row);
    }

    /** All vectors, by name. */
    Map<String, DyadicMatrix> vectors() {
        Map<String, DyadicMatrix> out = new HashMap<>();
        for (String name : lengths.keySet()) {
            out.put(name, vector(name));
        }
        return out;
    }
}
