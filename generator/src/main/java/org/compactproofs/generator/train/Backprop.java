package org.compactproofs.generator.train;

import static org.compactproofs.generator.model.Matrices.addInto;
import static org.compactproofs.generator.model.Matrices.addRow;
import static org.compactproofs.generator.model.Matrices.mul;
import static org.compactproofs.generator.model.Matrices.mulT;
import static org.compactproofs.generator.model.Matrices.scaleInPlace;
import static org.compactproofs.generator.model.Matrices.tMul;

/**
 * Loss and hand-derived gradient of a batch, computed through the circuit tables. The forward pass builds
 * (with Eq = W_E + W_pos[k-1], s = 1/sqrt(d_head))
 * <pre>
 *   A = Eq W_Q, B = W_E W_K, C = W_pos W_K, EQKE = s A B^T, EQKP = s A C^T,
 *   OU = W_O W_U, OVU = W_V OU, EVOU = W_E OVU, PVOU = W_pos OVU, EU = Eq W_U
 * </pre>
 * and for each sample score_i = EQKE[q][t_i] + EQKP[q][i], alpha = softmax(score),
 * z = EU[q] + sum_i alpha_i (EVOU[t_i] + PVOU[i]), loss = logsumexp(z) - z[max]. The backward pass is the chain
 * rule through exactly these expressions: per sample into the table gradients (dz = softmax(z) - onehot(max);
 * dscore_i = alpha_i (dalpha_i - sum_j alpha_j dalpha_j)), then once per batch from the tables to the weights.
 * Checked against central finite differences in BackpropTest.
 */
public final class Backprop {
    private Backprop() {}

    public record Result(double loss, Parameters gradient) {}

    public static Result lossAndGradient(Parameters p, int[][] batch) {
        int v = p.wE().length, k = p.wPos().length, dHead = p.wQ()[0].length;
        double s = 1.0 / Math.sqrt(dHead);
        double[][] eq = addRow(p.wE(), p.wPos()[k - 1]);
        double[][] a = mul(eq, p.wQ());
        double[][] b = mul(p.wE(), p.wK());
        double[][] c = mul(p.wPos(), p.wK());
        double[][] eqke = mulT(a, b);
        double[][] eqkp = mulT(a, c);
        scaleInPlace(eqke, s);
        scaleInPlace(eqkp, s);
        double[][] ou = mul(p.wO(), p.wU());
        double[][] ovu = mul(p.wV(), ou);
        double[][] evou = mul(p.wE(), ovu);
        double[][] pvou = mul(p.wPos(), ovu);
        double[][] eu = mul(eq, p.wU());

        double[][] gEqke = new double[v][v], gEqkp = new double[v][k];
        double[][] gEvou = new double[v][v], gPvou = new double[k][v], gEu = new double[v][v];
        double[] score = new double[k], alpha = new double[k], dAlpha = new double[k], z = new double[v];
        double totalLoss = 0, inv = 1.0 / batch.length;
        for (int[] x : batch) {
            int q = x[k - 1], y = max(x);
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                score[i] = eqke[q][x[i]] + eqkp[q][i];
                m = Math.max(m, score[i]);
            }
            double sum = 0;
            for (int i = 0; i < k; i++) {
                alpha[i] = StrictMath.exp(score[i] - m);
                sum += alpha[i];
            }
            System.arraycopy(eu[q], 0, z, 0, v);
            for (int i = 0; i < k; i++) {
                alpha[i] /= sum;
                double[] ev = evou[x[i]], pv = pvou[i];
                for (int o = 0; o < v; o++) {
                    z[o] += alpha[i] * (ev[o] + pv[o]);
                }
            }
            double zMax = Double.NEGATIVE_INFINITY;
            for (double zo : z) {
                zMax = Math.max(zMax, zo);
            }
            double zSum = 0;
            for (int o = 0; o < v; o++) {
                z[o] = StrictMath.exp(z[o] - zMax); // z now holds unnormalised probabilities
                zSum += z[o];
            }
            totalLoss += StrictMath.log(zSum) - StrictMath.log(z[y]);
            // dz = (softmax(z) - onehot(y)) / batch, stored back in z
            for (int o = 0; o < v; o++) {
                z[o] = (z[o] / zSum - (o == y ? 1 : 0)) * inv;
                gEu[q][o] += z[o];
            }
            double weighted = 0;
            for (int i = 0; i < k; i++) {
                double[] ev = evou[x[i]], pv = pvou[i], gev = gEvou[x[i]], gpv = gPvou[i];
                double da = 0;
                for (int o = 0; o < v; o++) {
                    da += z[o] * (ev[o] + pv[o]);
                    gev[o] += alpha[i] * z[o];
                    gpv[o] += alpha[i] * z[o];
                }
                dAlpha[i] = da;
                weighted += alpha[i] * da;
            }
            for (int i = 0; i < k; i++) {
                double dScore = alpha[i] * (dAlpha[i] - weighted);
                gEqke[q][x[i]] += dScore;
                gEqkp[q][i] += dScore;
            }
        }

        double[][] gA = mul(gEqke, b);
        addInto(gA, mul(gEqkp, c));
        scaleInPlace(gA, s);
        double[][] gB = tMul(gEqke, a);
        scaleInPlace(gB, s);
        double[][] gC = tMul(gEqkp, a);
        scaleInPlace(gC, s);
        double[][] gQ = tMul(eq, gA);
        double[][] gEq = mulT(gA, p.wQ());
        addInto(gEq, mulT(gEu, p.wU()));
        double[][] gK = tMul(p.wE(), gB);
        addInto(gK, tMul(p.wPos(), gC));
        double[][] gE = mulT(gB, p.wK());
        addInto(gE, mulT(gEvou, ovu));
        addInto(gE, gEq);
        double[][] gPos = mulT(gC, p.wK());
        addInto(gPos, mulT(gPvou, ovu));
        for (double[] row : gEq) {
            for (int j = 0; j < row.length; j++) {
                gPos[k - 1][j] += row[j];
            }
        }
        double[][] gOvu = tMul(p.wE(), gEvou);
        addInto(gOvu, tMul(p.wPos(), gPvou));
        double[][] gV = mulT(gOvu, ou);
        double[][] gOu = tMul(p.wV(), gOvu);
        double[][] gO = mulT(gOu, p.wU());
        double[][] gU = tMul(p.wO(), gOu);
        addInto(gU, tMul(eq, gEu));
        return new Result(totalLoss * inv, new Parameters(gE, gPos, gQ, gK, gV, gO, gU));
    }

    static int max(int[] x) {
        int m = x[0];
        for (int t : x) {
            m = Math.max(m, t);
        }
        return m;
    }
}
