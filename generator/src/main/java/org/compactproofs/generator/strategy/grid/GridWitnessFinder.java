package org.compactproofs.generator.strategy.grid;

import java.util.LinkedHashMap;
import java.util.Map;
import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.model.Matrices;

/**
 * The witnesses of the sub-cubic grid (rule S2), found in floating point the way the reference finds them: the
 * leading singular directions of EQKE and of its factors, peeled off as rank-one terms u (u^T F) so that the
 * residual is the projection of F away from u. Computed once per model and shared by the 100 variants.
 */
public final class GridWitnessFinder {
    private GridWitnessFinder() {}

    /** Every vector any variant takes, by its certificate name. */
    public static Map<String, double[]> find(Model m) {
        Map<String, double[]> out = new LinkedHashMap<>();
        double[][] eq = Matrices.addRow(m.wE(), m.wPos()[m.context() - 1]), wQ = m.wQ();
        if (m.biases().any()) { // the checker's factors with biases (Lemma T1): [Eq | 1] and [W_Q; b_Q]
            double[][] ones = new double[eq.length][];
            for (int i = 0; i < eq.length; i++) {
                ones[i] = java.util.Arrays.copyOf(eq[i], eq[i].length + 1);
                ones[i][eq[i].length] = 1;
            }
            eq = ones;
            wQ = java.util.Arrays.copyOf(wQ, wQ.length + 1);
            wQ[wQ.length - 1] = m.biases().q();
        }
        int dq = eq[0].length;
        // two factors: EQKE = (Eq W_Q)(W_K^T W_E^T); peel EQKE's leading singular pair from both
        double[][] a = Matrices.mul(eq, wQ), b = SingularVectors.transpose(Matrices.mul(m.wE(), m.wK()));
        double[][] eqke = Matrices.mul(a, b);
        double[] w = SingularVectors.right(eqke, 1)[0], u = SingularVectors.left(eqke);
        out.put("eqwq-1-left", u);
        out.put("eqwq-1-right", SingularVectors.timesLeft(u, a));
        out.put("wktet-1-left", SingularVectors.times(b, w));
        out.put("wktet-1-right", w);
        // four factors: the two leading directions of Eq and W_E, the leading one of W_Q and W_K
        double[][] eqDirections = SingularVectors.right(eq, 2), eDirections = SingularVectors.right(m.wE(), 2);
        for (int j = 0; j < 2; j++) {
            out.put("eq-" + (j + 1) + "-left", SingularVectors.times(eq, eqDirections[j]));
            out.put("eq-" + (j + 1) + "-right", eqDirections[j]);
            out.put("et-" + (j + 1) + "-left", eDirections[j]);
            out.put("et-" + (j + 1) + "-right", SingularVectors.times(m.wE(), eDirections[j]));
        }
        double[] qDirection = SingularVectors.left(wQ), kDirection = SingularVectors.left(m.wK());
        out.put("wq-1-left", qDirection);
        out.put("wq-1-right", SingularVectors.timesLeft(qDirection, wQ));
        out.put("wkt-1-left", SingularVectors.timesLeft(kDirection, m.wK()));
        out.put("wkt-1-right", kDirection);
        // the direct path's centre: the mean row of Eq projected on Eq's leading direction
        double[] mean = new double[dq];
        for (double[] row : eq) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / eq.length;
            }
        }
        double along = SingularVectors.dot(mean, eqDirections[0]);
        double[] centre = new double[dq];
        for (int j = 0; j < centre.length; j++) {
            centre[j] = along * eqDirections[0][j];
        }
        out.put("eupu-centre", centre);
        return out;
    }
}
