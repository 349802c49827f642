package org.compactproofs.generator.train;

import java.util.List;
import java.util.Map;
import org.compactproofs.checker.model.Model;

/** The trainable weights (biases are fixed at zero and not parameters), in TransformerLens layout. */
public record Parameters(double[][] wE, double[][] wPos, double[][] wQ, double[][] wK, double[][] wV,
                         double[][] wO, double[][] wU) {

    public static Parameters zeros(int vocab, int context, int dModel, int dHead) {
        return new Parameters(new double[vocab][dModel], new double[context][dModel], new double[dModel][dHead],
                new double[dModel][dHead], new double[dModel][dHead], new double[dHead][dModel],
                new double[dModel][vocab]);
    }

    /** TransformerLens' GPT-2 initialisation: every weight normal(0, std), drawn in the order of {@link #all()}. */
    public static Parameters initial(TrainingConfig c, SplitMix64 rng) {
        Parameters p = zeros(c.vocab(), c.context(), c.dModel(), c.dHead());
        for (double[][] m : p.all()) {
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = c.initStd() * rng.nextGaussian();
                }
            }
        }
        return p;
    }

    public static Parameters of(Model m) {
        return new Parameters(m.wE(), m.wPos(), m.wQ(), m.wK(), m.wV(), m.wO(), m.wU());
    }

    public List<double[][]> all() {
        return List.of(wE, wPos, wQ, wK, wV, wO, wU);
    }

    public Model toModel(Map<String, String> metadata) {
        return new Model(wE.length, wPos.length, wE[0].length, wQ[0].length, wE, wPos, wQ, wK, wV, wO, wU, metadata);
    }
}
