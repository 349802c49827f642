package org.compactproofs.checker.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;

/**
 * Small models (vocabulary 3-10, context 2-6) for differential soundness tests: random at several scales,
 * trained (test resources), and built to sit on edge cases: exact ties, equal attention scores, duplicated
 * embeddings and unembedding columns, nearly equal logits, integer weights, huge and tiny weights.
 */
public final class SmallModels {
    public record Named(String name, Model model) {
        @Override
        public String toString() {
            return name + " (vocab " + model.vocab() + ", context " + model.context() + ")";
        }
    }

    private SmallModels() {}

    public static final int[][] SHAPES = {{4, 2}, {4, 3}, {4, 4}, {4, 5}, {5, 2}, {5, 3}, {5, 4}, {5, 5}, {6, 2}, {6, 3},
        {6, 4}, {7, 2}, {7, 3}, {7, 4}, {8, 2}, {8, 3}, {8, 4}, {9, 2}, {9, 3}, {10, 2}, {10, 3}, {3, 6}, {4, 6}};

    /** Random gaussian weights (rounded to float32) at the given scale. */
    public static Model random(long seed, int v, int k, int d, int h, double scale) {
        Random r = new Random(seed);
        return new Model(v, k, d, h, gauss(r, v, d, scale), gauss(r, k, d, scale), gauss(r, d, h, scale),
                gauss(r, d, h, scale), gauss(r, d, h, scale), gauss(r, h, d, scale), gauss(r, d, v, scale), Map.of());
    }

    /** A random model with random TransformerLens biases b_Q, b_K, b_V, b_O, b_U at {@code biasScale}. */
    public static Model biased(long seed, int v, int k, int d, int h, double scale, double biasScale) {
        Model m = random(seed, v, k, d, h, scale);
        Random r = new Random(seed * 17 + 1);
        return withBiases(m, new Model.Biases(gauss(r, 1, h, biasScale)[0], gauss(r, 1, h, biasScale)[0],
                gauss(r, 1, h, biasScale)[0], gauss(r, 1, d, biasScale)[0], gauss(r, 1, v, biasScale)[0]));
    }

    public static Model withBiases(Model m, Model.Biases b) {
        return new Model(m.vocab(), m.context(), m.dModel(), m.dHead(), m.wE(), m.wPos(), m.wQ(), m.wK(), m.wV(),
                m.wO(), m.wU(), b, Map.of());
    }

    /**
     * The model with every weight and bias rounded to the nearest binary16 value ({@code bfloat} false; subnormals
     * included, magnitudes below 65504) or bfloat16 value (float32's top 16 bits, round half to even).
     */
    public static Model halfPrecision(Model m, boolean bfloat) {
        java.util.function.UnaryOperator<double[][]> r = a -> {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = new double[a[i].length];
                for (int j = 0; j < a[i].length; j++) {
                    c[i][j] = bfloat ? toBfloat16(a[i][j]) : toHalf(a[i][j]);
                }
            }
            return c;
        };
        Model.Biases b = m.biases();
        double[][] bias = r.apply(new double[][] {b.q(), b.k(), b.v(), b.o(), b.u()});
        return new Model(m.vocab(), m.context(), m.dModel(), m.dHead(), r.apply(m.wE()), r.apply(m.wPos()),
                r.apply(m.wQ()), r.apply(m.wK()), r.apply(m.wV()), r.apply(m.wO()), r.apply(m.wU()),
                new Model.Biases(bias[0], bias[1], bias[2], bias[3], bias[4]), Map.of());
    }

    /** The nearest binary16 value (11 significant bits, exponent at least -14, subnormal step 2^-24). */
    public static double toHalf(double x) {
        if (x == 0) {
            return 0;
        }
        int e = Math.max(Math.getExponent(x), -14) - 10;
        double y = Math.scalb(Math.rint(Math.scalb(x, -e)), e); // rint: ties to even
        if (Math.abs(y) > 65504) {
            throw new IllegalArgumentException(x + " is beyond binary16's range");
        }
        return y;
    }

    /** The nearest bfloat16 value (float32 rounded to 8 significant bits, ties to even). */
    public static double toBfloat16(double x) {
        int bits = Float.floatToRawIntBits((float) x);
        int rounded = bits + 0x7fff + ((bits >>> 16) & 1);
        return Float.intBitsToFloat(rounded & 0xffff0000);
    }

    public static double[][] gauss(Random r, int rows, int cols, double scale) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (r.nextGaussian() * scale);
            }
        }
        return a;
    }

    public static Model with(Model m, double[][] wE, double[][] wPos, double[][] wQ, double[][] wU) {
        return new Model(m.vocab(), m.context(), m.dModel(), m.dHead(), wE == null ? m.wE() : wE,
                wPos == null ? m.wPos() : wPos, wQ == null ? m.wQ() : wQ, m.wK(), m.wV(), m.wO(),
                wU == null ? m.wU() : wU, Map.of());
    }

    public static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Edge-case models derived from a random one. */
    public static List<Named> edges(long seed, int v, int k) {
        List<Named> out = new ArrayList<>();
        Model base = random(seed, v, k, 5, 4, 1.0);
        Random r = new Random(seed * 31);
        String tag = "-" + seed + "-v" + v + "k" + k;
        // all weights zero: every logit equal, every input a tie
        double[][] zeroU = new double[base.dModel()][v];
        out.add(new Named("zero-unembed" + tag, with(base, null, null, null, zeroU)));
        // two output columns equal: exact ties whenever one of them is the max and the other wins nothing
        double[][] dupU = copy(base.wU());
        int a = r.nextInt(v), b = (a + 1 + r.nextInt(v - 1)) % v;
        for (double[] row : dupU) {
            row[b] = row[a];
        }
        out.add(new Named("duplicate-unembed-column" + tag, with(base, null, null, null, dupU)));
        // nearly equal columns: differences of one float32 ulp
        double[][] nearU = copy(dupU);
        nearU[0][b] = Math.nextUp((float) nearU[0][a]);
        out.add(new Named("near-duplicate-unembed-column" + tag, with(base, null, null, null, nearU)));
        // duplicated embeddings: two tokens indistinguishable to the model
        double[][] dupE = copy(base.wE());
        dupE[b] = dupE[a].clone();
        out.add(new Named("duplicate-embedding" + tag, with(base, dupE, null, null, null)));
        // uniform attention: W_Q = 0 gives equal scores at every position (exact grouping in the oracle)
        out.add(new Named("uniform-attention" + tag, with(base, null, null, new double[base.dModel()][base.dHead()], null)));
        // no positional embedding and integer weights: many exact equalities of scores and logits
        out.add(new Named("integer-weights" + tag, integer(seed, v, k)));
        // huge weights: scores far apart, exponentials under- and overflow in double
        out.add(new Named("huge-weights" + tag, random(seed, v, k, 4, 3, 1e3)));
        out.add(new Named("very-huge-weights" + tag, random(seed, v, k, 4, 3, 1e7)));
        // tiny weights: every logit near zero
        out.add(new Named("tiny-weights" + tag, random(seed, v, k, 4, 3, 1e-12)));
        // a copy-like model: attends to the largest token, copies it; margins of every size
        out.add(new Named("copier" + tag, copier(seed, v, k)));
        return out;
    }

    /**
     * Models with biases (issue 18): random biases at scales 0.1 to 10 (the largest outweighs the weights), a
     * model whose logits are b_U alone (W_U = 0: every input predicts argmax b_U, exact ties where b_U repeats),
     * and models with weights and biases of binary16 and bfloat16 precision.
     */
    public static List<Named> biasedAndHalf(int count) {
        List<Named> out = new ArrayList<>();
        double[] biasScales = {0.1, 1, 10};
        for (int i = 0; i < count; i++) {
            int[] shape = SHAPES[(5 * i + 3) % SHAPES.length];
            double bs = biasScales[i % biasScales.length];
            Model m = biased(4000 + i, shape[0], shape[1], 2 + i % 4, 1 + i % 3, 1, bs);
            out.add(new Named("biased-" + i + "-bias" + bs, m));
            out.add(new Named("biased-" + i + (i % 2 == 0 ? "-float16" : "-bfloat16"), halfPrecision(m, i % 2 == 1)));
        }
        Model base = biased(4100, 5, 3, 3, 2, 1, 1);
        double[] u = base.biases().u().clone();
        u[3] = u[1]; // a repeated bias: exact ties between 1 and 3 for every input
        out.add(new Named("unembed-bias-only-with-ties", withBiases(with(base, null, null, null, new double[3][5]),
                new Model.Biases(base.biases().q(), base.biases().k(), base.biases().v(), base.biases().o(), u))));
        out.add(new Named("copier-with-biases", withBiases(copier(4200, 6, 3), new Model.Biases(new double[] {0.5, -0.25},
                new double[] {1, 2}, new double[] {0.125, 0}, new double[] {0, 0.5, -1}, new double[] {0, 0.5, 1, 1.5, 2, 2.5}))));
        return out;
    }

    public static Model integer(long seed, int v, int k) {
        Random r = new Random(seed);
        int d = 3, h = 2;
        return new Model(v, k, d, h, ints(r, v, d), new double[k][d], ints(r, d, h), ints(r, d, h), ints(r, d, h),
                ints(r, h, d), ints(r, d, v), Map.of());
    }

    private static double[][] ints(Random r, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextInt(3) - 1;
            }
        }
        return a;
    }

    /**
     * A hand-built model of the mechanism: E[t] = (t, 1, noise), attention score grows with the key token,
     * value copies the token, unembedding rewards the copied token. Accurate but with small margins.
     */
    public static Model copier(long seed, int v, int k) {
        Random r = new Random(seed);
        int d = 3;
        double[][] e = new double[v][d];
        for (int t = 0; t < v; t++) {
            e[t] = new double[] {t, 1, (float) (r.nextGaussian() * 0.05)};
        }
        double[][] q = {{0, 0}, {1, 0}, {0, 0}};       // query reads the constant coordinate
        double[][] key = {{1, 0}, {0, 0}, {0, 0}};     // key reads the token value: score ~ t
        double[][] val = {{1, 0}, {0, 1}, {0, 0}};
        double[][] o = {{1, 0, 0}, {0, 1, 0}};
        double[][] u = new double[d][v];
        for (int t = 0; t < v; t++) {
            u[0][t] = t;                                // logit_t ~ t * copied - t^2 / 2: peak at the copied token
            u[1][t] = (float) (-t * t / 2.0 + r.nextGaussian() * 0.01);
        }
        double[][] pos = new double[k][d];
        for (int i = 0; i < k; i++) {
            pos[i][2] = (float) (r.nextGaussian() * 0.1);
        }
        return new Model(v, k, d, 2, e, pos, scaleUp(q, 4), key, val, o, u, Map.of());
    }

    private static double[][] scaleUp(double[][] a, double f) {
        double[][] c = copy(a);
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
        return c;
    }

    /** The trained models shipped as test resources. */
    public static List<Named> trained() {
        try {
            // read from the source tree, so that tests of other modules (through the test jar) find them too
            Path dir = org.compactproofs.checker.RepositoryFiles.root().resolve("checker/kernel/src/test/resources/models");
            List<Named> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".safetensors")).sorted().forEach(p ->
                        out.add(new Named(p.getFileName().toString(), ModelReader.read(p).model())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At least {@code randomCount} random models over the shapes, plus edge cases and trained models. */
    public static List<Named> all(int randomCount, int edgeShapes) {
        List<Named> out = new ArrayList<>(trained());
        double[] scales = {0.3, 1, 3};
        for (int i = 0; i < randomCount; i++) {
            int[] shape = SHAPES[i % SHAPES.length];
            double scale = scales[i % scales.length];
            int d = 2 + i % 5, h = 1 + i % 4;
            out.add(new Named("random-" + i + "-scale" + scale, random(1000 + i, shape[0], shape[1], d, h, scale)));
        }
        for (int i = 0; i < edgeShapes; i++) {
            int[] shape = SHAPES[(7 * i) % SHAPES.length];
            out.addAll(edges(2000 + i, shape[0], shape[1]));
        }
        out.addAll(biasedAndHalf(Math.max(2, randomCount / 8)));
        return out;
    }
}
