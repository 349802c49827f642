package org.compactproofs.generator.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactproofs.checker.bruteforce.Parallel;
import org.compactproofs.generator.model.Matrices;

/**
 * Loss and gradient of a batch computed sample by sample, straight through the network, never forming a v x v
 * table: per sample O(d v + k d h) work where {@link Backprop} spends O(v^2 d) per batch on its circuit tables,
 * so training cost grows linearly in the vocabulary (trainer 2, for vocabularies beyond the paper's 64). With
 * h_i = W_E[t_i] + W_pos[i] and s = 1/sqrt(d_head), each sample computes
 * <pre>
 *   score_i = s (h_{k-1} W_Q + b_Q) . (h_i W_K + b_K),  alpha = softmax(score),
 *   r = h_{k-1} + (sum_i alpha_i (h_i W_V + b_V)) W_O + b_O,  z = r W_U + b_U,  loss = logsumexp(z) - z[max(x)]
 * </pre>
 * (biases only when the parameters have them: TransformerLens' semantics, docs/model-format.md)
 * (the same function as {@link Backprop}'s tables, associated differently) and the chain rule back through exactly
 * these expressions. Deterministic whatever the thread count: the batch is cut into {@link #CHUNKS} fixed chunks,
 * each summed in sample order on one thread, and the chunks' sums are added in chunk order; {@link StrictMath}
 * for exp and log. Checked against {@link Backprop} and against finite differences in BackpropTest.
 */
public final class SampleBackprop {
    /** Chunks of a batch, a constant so that the sums' order, hence every bit of the result, ignores threads. */
    static final int CHUNKS = 4;

    private SampleBackprop() {}

    public static Backprop.Result lossAndGradient(Parameters p, int[][] batch) {
        return lossAndGradient(p, batch, 1);
    }

    /** The batch's mean loss and its gradient, the chunks computed on up to {@code threads} threads. */
    public static Backprop.Result lossAndGradient(Parameters p, int[][] batch, int threads) {
        List<Callable<Backprop.Result>> chunks = new ArrayList<>();
        for (int c = 0; c < CHUNKS; c++) {
            int from = batch.length * c / CHUNKS, to = batch.length * (c + 1) / CHUNKS;
            chunks.add(() -> chunk(p, batch, from, to, 1.0 / batch.length));
        }
        List<Backprop.Result> parts = Parallel.map(chunks, Math.max(1, Math.min(threads, CHUNKS)));
        double loss = parts.get(0).loss();
        List<double[][]> sum = parts.get(0).gradient().all();
        for (Backprop.Result part : parts.subList(1, parts.size())) {
            loss += part.loss();
            List<double[][]> add = part.gradient().all();
            for (int t = 0; t < sum.size(); t++) {
                Matrices.addInto(sum.get(t), add.get(t));
            }
        }
        return new Backprop.Result(loss, parts.get(0).gradient());
    }

    /** Samples [from, to) of the batch: their losses and gradients, each scaled by {@code inv}, summed in order. */
    private static Backprop.Result chunk(Parameters p, int[][] batch, int from, int to, double inv) {
        int v = p.wE().length, k = p.wPos().length, d = p.wE()[0].length, dHead = p.wQ()[0].length;
        double s = 1.0 / Math.sqrt(dHead);
        Parameters g = p.zerosLike();
        double[][] b = p.biases(), gb = g.biases(); // null without biases
        double[] bQ = b == null ? new double[dHead] : b[0], bK = b == null ? new double[dHead] : b[1];
        double[] bV = b == null ? new double[dHead] : b[2], bO = b == null ? new double[d] : b[3];
        double[] bU = b == null ? new double[v] : b[4];
        double[][] h = new double[k][d], keys = new double[k][dHead], values = new double[k][dHead];
        double[][] dh = new double[k][d];
        double[] query = new double[dHead], score = new double[k], alpha = new double[k], attn = new double[dHead];
        double[] r = new double[d], z = new double[v], dr = new double[d], dAttn = new double[dHead];
        double[] dQuery = new double[dHead], dAlpha = new double[k], dKey = new double[dHead];
        double[] dValue = new double[dHead];
        double totalLoss = 0;
        for (int[] x : java.util.Arrays.copyOfRange(batch, from, to)) {
            int y = Backprop.max(x);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < d; j++) {
                    h[i][j] = p.wE()[x[i]][j] + p.wPos()[i][j];
                }
                times(h[i], p.wK(), keys[i]);
                times(h[i], p.wV(), values[i]);
                addInto(keys[i], bK);
                addInto(values[i], bV);
            }
            times(h[k - 1], p.wQ(), query);
            addInto(query, bQ);
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                score[i] = s * dot(query, keys[i]);
                m = Math.max(m, score[i]);
            }
            double sum = 0;
            for (int i = 0; i < k; i++) {
                alpha[i] = StrictMath.exp(score[i] - m);
                sum += alpha[i];
            }
            java.util.Arrays.fill(attn, 0);
            for (int i = 0; i < k; i++) {
                alpha[i] /= sum;
                for (int c = 0; c < dHead; c++) {
                    attn[c] += alpha[i] * values[i][c];
                }
            }
            times(attn, p.wO(), r);
            for (int j = 0; j < d; j++) {
                r[j] += h[k - 1][j] + bO[j];
            }
            times(r, p.wU(), z);
            addInto(z, bU);
            double zMax = Double.NEGATIVE_INFINITY;
            for (double zo : z) {
                zMax = Math.max(zMax, zo);
            }
            double zSum = 0;
            for (int o = 0; o < v; o++) {
                z[o] = StrictMath.exp(z[o] - zMax);
                zSum += z[o];
            }
            totalLoss += StrictMath.log(zSum) - StrictMath.log(z[y]);
            for (int o = 0; o < v; o++) { // dz = (softmax(z) - onehot(y)) / batch, stored back in z
                z[o] = (z[o] / zSum - (o == y ? 1 : 0)) * inv;
            }
            outerAdd(g.wU(), r, z);
            timesTransposed(p.wU(), z, dr);
            outerAdd(g.wO(), attn, dr);
            if (gb != null) {
                addInto(gb[4], z);
                addInto(gb[3], dr);
            }
            timesTransposed(p.wO(), dr, dAttn);
            double weighted = 0;
            for (int i = 0; i < k; i++) {
                dAlpha[i] = dot(dAttn, values[i]);
                weighted += alpha[i] * dAlpha[i];
            }
            java.util.Arrays.fill(dQuery, 0);
            for (double[] row : dh) {
                java.util.Arrays.fill(row, 0);
            }
            for (int i = 0; i < k; i++) {
                double dScore = s * alpha[i] * (dAlpha[i] - weighted);
                for (int c = 0; c < dHead; c++) {
                    dQuery[c] += dScore * keys[i][c];
                }
                scale(query, dScore, dKey);
                scale(dAttn, alpha[i], dValue);
                outerAdd(g.wK(), h[i], dKey);
                outerAdd(g.wV(), h[i], dValue);
                if (gb != null) {
                    addInto(gb[1], dKey);
                    addInto(gb[2], dValue);
                }
                addTimesTransposed(p.wK(), dKey, dh[i]);
                addTimesTransposed(p.wV(), dValue, dh[i]);
            }
            outerAdd(g.wQ(), h[k - 1], dQuery);
            if (gb != null) {
                addInto(gb[0], dQuery);
            }
            addTimesTransposed(p.wQ(), dQuery, dh[k - 1]);
            for (int j = 0; j < d; j++) {
                dh[k - 1][j] += dr[j];
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < d; j++) {
                    g.wE()[x[i]][j] += dh[i][j];
                    g.wPos()[i][j] += dh[i][j];
                }
            }
        }
        return new Backprop.Result(totalLoss * inv, g);
    }

    /** a += b. */
    private static void addInto(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** out = c a. */
    private static void scale(double[] a, double c, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = c * a[i];
        }
    }

    /** out = row m (a row vector times a matrix). */
    private static void times(double[] row, double[][] m, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < row.length; i++) {
            double a = row[i];
            double[] mi = m[i];
            for (int j = 0; j < out.length; j++) {
                out[j] += a * mi[j];
            }
        }
    }

    /** out = m col (the matrix times a column vector: the gradient of {@link #times} with respect to its row). */
    private static void timesTransposed(double[][] m, double[] col, double[] out) {
        java.util.Arrays.fill(out, 0);
        addTimesTransposed(m, col, out);
    }

    private static void addTimesTransposed(double[][] m, double[] col, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] += dot(m[i], col);
        }
    }

    /** g += a^T b (the gradient of row a times the matrix, for output gradient b). */
    private static void outerAdd(double[][] g, double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            double ai = a[i];
            double[] gi = g[i];
            for (int j = 0; j < b.length; j++) {
                gi[j] += ai * b[j];
            }
        }
    }
}
