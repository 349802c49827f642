package org.compactproofs.generator.train;

import java.util.List;

/**
 * AdamW exactly as PyTorch's torch.optim.AdamW (single-tensor path): decoupled weight decay
 * p -= lr * wd * p, then m = b1 m + (1-b1) g, v = b2 v + (1-b2) g^2,
 * p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
 */
public final class AdamW {
    private final TrainingConfig c;
    private final List<double[][]> params, firstMoment, secondMoment;
    private int step;

    public AdamW(TrainingConfig config, Parameters p) {
        this.c = config;
        this.params = p.all();
        this.firstMoment = params.stream().map(AdamW::zerosLike).toList();
        this.secondMoment = params.stream().map(AdamW::zerosLike).toList();
    }

    private static double[][] zerosLike(double[][] a) {
        double[][] z = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            z[i] = new double[a[i].length]; // the biases' rows differ in length
        }
        return z;
    }

    public void step(Parameters gradient) {
        step++;
        double bias1 = 1 - StrictMath.pow(c.beta1(), step);
        double bias2Sqrt = StrictMath.sqrt(1 - StrictMath.pow(c.beta2(), step));
        double stepSize = c.learningRate() / bias1;
        double decay = 1 - c.learningRate() * c.weightDecay();
        List<double[][]> grads = gradient.all();
        for (int t = 0; t < params.size(); t++) {
            double[][] p = params.get(t), g = grads.get(t), m = firstMoment.get(t), v = secondMoment.get(t);
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < p[i].length; j++) {
                    p[i][j] *= decay;
                    m[i][j] = c.beta1() * m[i][j] + (1 - c.beta1()) * g[i][j];
                    v[i][j] = c.beta2() * v[i][j] + (1 - c.beta2()) * g[i][j] * g[i][j];
                    p[i][j] -= stepSize * m[i][j] / (Math.sqrt(v[i][j]) / bias2Sqrt + c.epsilon());
                }
            }
        }
    }
}
