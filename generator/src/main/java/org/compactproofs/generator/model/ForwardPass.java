package org.compactproofs.generator.model;

import org.compactproofs.checker.model.Model;

/**
 * The model's semantics, written once and plainly, straight from {@code docs/model-format.md}: for an input
 * x = (t_0 .. t_{k-1}) with query q = t_{k-1} and h_i = W_E[t_i] + W_pos[i],
 * <pre>
 *   score_i = (h_{k-1} W_Q + b_Q) . (h_i W_K + b_K) / sqrt(d_head)   (the last position attends to every position)
 *   alpha   = softmax(score)
 *   logits  = (h_{k-1} + sum_i alpha_i (h_i W_V + b_V) W_O + b_O) W_U + b_U
 * </pre>
 * The model is correct on x iff logits[max(x)] > logits[o] for every o != max(x): ties count as wrong.
 *
 * <p>This is the yardstick that faster and exact code is tested against. It computes in double arithmetic
 * (relative rounding error around 1e-15 per operation), so it is never itself the basis of a verdict.
 */
public final class ForwardPass {
    private ForwardPass() {}

    public static double[] logits(Model m, int[] tokens) {
        int k = m.context();
        if (tokens.length != k) {
            throw new IllegalArgumentException("input has " + tokens.length + " tokens; the model reads " + k);
        }
        double[][] h = new double[k][];
        for (int i = 0; i < k; i++) {
            h[i] = add(m.wE()[tokens[i]], m.wPos()[i]);
        }
        Model.Biases b = m.biases();
        double[] query = add(times(h[k - 1], m.wQ()), b.q());
        double[] score = new double[k];
        double scale = 1.0 / Math.sqrt(m.dHead());
        for (int i = 0; i < k; i++) {
            score[i] = dot(query, add(times(h[i], m.wK()), b.k())) * scale;
        }
        double[] alpha = softmax(score);
        double[] residual = add(h[k - 1], b.o());
        for (int i = 0; i < k; i++) {
            double[] out = times(add(times(h[i], m.wV()), b.v()), m.wO());
            for (int j = 0; j < residual.length; j++) {
                residual[j] += alpha[i] * out[j];
            }
        }
        return add(times(residual, m.wU()), b.u());
    }

    /** True iff the largest token's logit is strictly above every other logit. */
    public static boolean isCorrect(Model m, int[] tokens) {
        double[] logits = logits(m, tokens);
        int max = maxToken(tokens);
        for (int o = 0; o < logits.length; o++) {
            if (o != max && !(logits[max] > logits[o])) {
                return false;
            }
        }
        return true;
    }

    public static int maxToken(int[] tokens) {
        int max = tokens[0];
        for (int t : tokens) {
            max = Math.max(max, t);
        }
        return max;
    }

    static double[] softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double[] e = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i] - max);
            sum += e[i];
        }
        for (int i = 0; i < x.length; i++) {
            e[i] /= sum;
        }
        return e;
    }

    static double[] add(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Row vector times matrix. */
    static double[] times(double[] v, double[][] m) {
        double[] out = new double[m[0].length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += v[i] * m[i][j];
            }
        }
        return out;
    }
}
