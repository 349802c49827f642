package org.compactproofs.generator.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.model.Model;

/**
 * The trainable parameters in TransformerLens layout: the weights, and, when {@code biases} is not null, the
 * biases b_Q, b_K, b_V, b_O, b_U as its five rows (trained, as TransformerLens trains them unless frozen; null:
 * fixed at zero and not parameters, the paper's configuration).
 */
public record Parameters(double[][] wE, double[][] wPos, double[][] wQ, double[][] wK, double[][] wV,
                         double[][] wO, double[][] wU, double[][] biases) {

    public Parameters(double[][] wE, double[][] wPos, double[][] wQ, double[][] wK, double[][] wV, double[][] wO,
                      double[][] wU) {
        this(wE, wPos, wQ, wK, wV, wO, wU, null);
    }

    public static Parameters zeros(int vocab, int context, int dModel, int dHead) {
        return new Parameters(new double[vocab][dModel], new double[context][dModel], new double[dModel][dHead],
                new double[dModel][dHead], new double[dModel][dHead], new double[dHead][dModel],
                new double[dModel][vocab]);
    }

    /** Zeros of the same shapes, with biases when this has them (a gradient's shape). */
    public Parameters zerosLike() {
        Parameters z = zeros(wE.length, wPos.length, wE[0].length, wQ[0].length);
        return biases == null ? z : z.withZeroBiases();
    }

    /** These weights with trainable biases, all zero (TransformerLens initialises biases to zero). */
    public Parameters withZeroBiases() {
        int d = wE[0].length, h = wQ[0].length, v = wE.length;
        return new Parameters(wE, wPos, wQ, wK, wV, wO, wU,
                new double[][] {new double[h], new double[h], new double[h], new double[d], new double[v]});
    }

    /**
     * TransformerLens' GPT-2 initialisation: every weight normal(0, std), drawn in the order of the weights in
     * {@link #all()}; biases, if trained, start at zero (so the weights are the same bits with or without them).
     */
    public static Parameters initial(TrainingConfig c, SplitMix64 rng) {
        Parameters p = zeros(c.vocab(), c.context(), c.dModel(), c.dHead());
        for (double[][] m : p.all()) {
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = c.initStd() * rng.nextGaussian();
                }
            }
        }
        return c.biases() ? p.withZeroBiases() : p;
    }

    public static Parameters of(Model m) {
        Model.Biases b = m.biases();
        return new Parameters(m.wE(), m.wPos(), m.wQ(), m.wK(), m.wV(), m.wO(), m.wU(),
                b.any() ? new double[][] {b.q(), b.k(), b.v(), b.o(), b.u()} : null);
    }

    /** Every parameter matrix: the seven weights, then the biases' rows if trained. */
    public List<double[][]> all() {
        List<double[][]> out = new ArrayList<>(List.of(wE, wPos, wQ, wK, wV, wO, wU));
        if (biases != null) {
            out.add(biases);
        }
        return out;
    }

    public Model toModel(Map<String, String> metadata) {
        Model.Biases b = biases == null ? Model.Biases.zero(wQ[0].length, wE[0].length, wE.length)
                : new Model.Biases(biases[0], biases[1], biases[2], biases[3], biases[4]);
        return new Model(wE.length, wPos.length, wE[0].length, wQ[0].length, wE, wPos, wQ, wK, wV, wO, wU, b, metadata);
    }
}
