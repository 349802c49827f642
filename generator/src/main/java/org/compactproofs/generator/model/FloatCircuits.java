package org.compactproofs.generator.model;

import static org.compactproofs.generator.model.Matrices.addRow;
import static org.compactproofs.generator.model.Matrices.mul;
import static org.compactproofs.generator.model.Matrices.mulT;

import org.compactproofs.checker.model.Model;

/**
 * The circuit tables in double precision, with the attention scale included (EQKE = s * Eq W_Q W_K^T W_E^T etc.;
 * see the checker's {@code CircuitTables} for the exact definitions). Fast and approximate: for heuristics only.
 */
public record FloatCircuits(int vocab, int context, double[][] eqke, double[][] eqkp,
                            double[][] evou, double[][] pvou, double[][] eu) {

    /**
     * The tables of the model; with biases, as the checker's tables fold them in (docs/model-format.md): the query
     * gains b_Q, each key b_K (in EQKP), and every row of EU the value path's constant c = b_U + (b_V W_O + b_O) W_U.
     * Without biases no bias term is added, so the tables are the same doubles as the plain products.
     */
    public static FloatCircuits of(Model m) {
        Model.Biases b = m.biases().any() ? m.biases() : null;
        double[][] wE = m.wE(), wPos = m.wPos(), wU = m.wU();
        double[][] eq = addRow(wE, wPos[wPos.length - 1]);
        double[][] query = mul(eq, m.wQ()), keysP = mul(wPos, m.wK());
        double[][] eu = mul(eq, wU);
        if (b != null) {
            query = addRow(query, b.q());
            keysP = addRow(keysP, b.k());
            eu = addRow(eu, addRow(mul(addRow(mul(new double[][] {b.v()}, m.wO()), b.o()), wU), b.u())[0]);
        }
        double[][] eqke = mulT(query, mul(wE, m.wK())), eqkp = mulT(query, keysP);
        double scale = 1.0 / Math.sqrt(m.dHead());
        Matrices.scaleInPlace(eqke, scale);
        Matrices.scaleInPlace(eqkp, scale);
        double[][] ovu = mul(m.wV(), mul(m.wO(), wU));
        return new FloatCircuits(wE.length, wPos.length, eqke, eqkp, mul(wE, ovu), mul(wPos, ovu), eu);
    }

    /** Logits of one input, from the tables: EU[q] + sum_i alpha_i (EVOU[t_i] + PVOU[i]). */
    public double[] logits(int[] tokens) {
        int k = context, q = tokens[k - 1];
        double[] score = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            score[i] = eqke[q][tokens[i]] + eqkp[q][i];
            max = Math.max(max, score[i]);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            score[i] = StrictMath.exp(score[i] - max);
            sum += score[i];
        }
        double[] logits = eu[q].clone();
        for (int i = 0; i < k; i++) {
            double alpha = score[i] / sum;
            for (int o = 0; o < vocab; o++) {
                logits[o] += alpha * (evou[tokens[i]][o] + pvou[i][o]);
            }
        }
        return logits;
    }
}
