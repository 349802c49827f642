package org.compactproofs.checker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.compactproofs.checker.arith.TestIntervals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact circuit tables are the model: entries agree exactly with an independent BigDecimal computation from
 * the weights (the generator's ForwardAgreementTest checks logits rebuilt from them against its forward pass).
 */
class CircuitTablesTest {
    @TempDir
    Path dir;

    private Model randomModel(long seed, int v, int k, int d, int h) throws Exception {
        return TestModels.written(dir, seed, v, k, d, h);
    }

    @Test
    void entriesAreExact() throws Exception {
        Model m = randomModel(11, 6, 3, 4, 4);
        CircuitTables t = CircuitTables.of(m);
        for (int q = 0; q < m.vocab(); q++) {
            for (int o = 0; o < m.vocab(); o++) {
                BigDecimal eu = BigDecimal.ZERO;
                for (int j = 0; j < m.dModel(); j++) {
                    BigDecimal eq = new BigDecimal(m.wE()[q][j]).add(new BigDecimal(m.wPos()[m.context() - 1][j]));
                    eu = eu.add(eq.multiply(new BigDecimal(m.wU()[j][o])));
                }
                assertEquals(0, eu.compareTo(TestIntervals.exactDecimals(t.eu())[q][o]), "EU[" + q + "][" + o + "]");
            }
        }
        // EVOU[t][o] = W_E[t] W_V W_O W_U, summed in another order than the implementation's
        for (int tok = 0; tok < m.vocab(); tok++) {
            for (int o = 0; o < m.vocab(); o++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int a = 0; a < m.dModel(); a++) {
                    for (int b = 0; b < m.dHead(); b++) {
                        for (int c = 0; c < m.dModel(); c++) {
                            sum = sum.add(new BigDecimal(m.wE()[tok][a]).multiply(new BigDecimal(m.wV()[a][b]))
                                    .multiply(new BigDecimal(m.wO()[b][c])).multiply(new BigDecimal(m.wU()[c][o])));
                        }
                    }
                }
                assertEquals(0, sum.compareTo(TestIntervals.exactDecimals(t.evou())[tok][o]), "EVOU[" + tok + "][" + o + "]");
            }
        }
    }

    private static BigDecimal dec(double x) {
        return new BigDecimal(x);
    }

    /** x M (+ bias), exactly: a row vector times a matrix. */
    private static BigDecimal[] times(BigDecimal[] x, double[][] m, double[] bias) {
        BigDecimal[] out = new BigDecimal[m[0].length];
        for (int j = 0; j < out.length; j++) {
            BigDecimal sum = bias == null ? BigDecimal.ZERO : dec(bias[j]);
            for (int i = 0; i < x.length; i++) {
                sum = sum.add(x[i].multiply(dec(m[i][j])));
            }
            out[j] = sum;
        }
        return out;
    }

    /**
     * Lemma T1 with biases, against TransformerLens' semantics computed directly in BigDecimal (not through the
     * tables' factors): for every input and every attention vector alpha = n / N (random positive integers n, N
     * their sum), the raw score of each position is eqkeRaw[q][t_i] + eqkpRaw[q][i] = (h_q W_Q + b_Q).(h_i W_K + b_K),
     * and N logits = N EU[q] + sum_i n_i (EVOU[t_i] + PVOU[i]), where
     * logits = (h_q + sum_i alpha_i ((h_i W_V + b_V) W_O) + b_O) W_U + b_U. Random, half-precision and edge models.
     */
    @Test
    void tablesWithBiasesAreTransformerLensSemantics() throws Exception {
        java.util.List<Model> models = new java.util.ArrayList<>();
        for (org.compactproofs.checker.rules.SmallModels.Named n : org.compactproofs.checker.rules.SmallModels.biasedAndHalf(4)) {
            models.add(n.model());
        }
        java.util.Random r = new java.util.Random(5);
        for (Model m : models) {
            CircuitTables t = CircuitTables.of(m);
            BigDecimal[][] eqke = TestIntervals.exactDecimals(t.eqkeRaw()), eqkp = TestIntervals.exactDecimals(t.eqkpRaw());
            BigDecimal[][] evou = TestIntervals.exactDecimals(t.evou()), pvou = TestIntervals.exactDecimals(t.pvou());
            BigDecimal[][] eu = TestIntervals.exactDecimals(t.eu());
            Model.Biases b = m.biases();
            for (int trial = 0; trial < 20; trial++) {
                int k = m.context();
                int[] x = new int[k];
                BigDecimal[][] h = new BigDecimal[k][m.dModel()];
                for (int i = 0; i < k; i++) {
                    x[i] = r.nextInt(m.vocab());
                    for (int j = 0; j < m.dModel(); j++) {
                        h[i][j] = dec(m.wE()[x[i]][j]).add(dec(m.wPos()[i][j]));
                    }
                }
                int q = x[k - 1];
                BigDecimal[] query = times(h[k - 1], m.wQ(), b.q());
                long[] n = new long[k];
                long total = 0;
                BigDecimal[] mixed = new BigDecimal[m.dModel()]; // sum_i n_i (h_i W_V + b_V) W_O
                java.util.Arrays.fill(mixed, BigDecimal.ZERO);
                for (int i = 0; i < k; i++) {
                    BigDecimal[] key = times(h[i], m.wK(), b.k());
                    BigDecimal score = BigDecimal.ZERO;
                    for (int j = 0; j < m.dHead(); j++) {
                        score = score.add(query[j].multiply(key[j]));
                    }
                    assertEquals(0, score.compareTo(eqke[q][x[i]].add(eqkp[q][i])), "score " + i);
                    n[i] = 1 + r.nextInt(7);
                    total += n[i];
                    BigDecimal[] out = times(times(h[i], m.wV(), b.v()), m.wO(), null);
                    for (int j = 0; j < mixed.length; j++) {
                        mixed[j] = mixed[j].add(out[j].multiply(BigDecimal.valueOf(n[i])));
                    }
                }
                BigDecimal big = BigDecimal.valueOf(total);
                BigDecimal[] resid = new BigDecimal[m.dModel()]; // N (h_q + b_O) + mixed
                for (int j = 0; j < resid.length; j++) {
                    resid[j] = h[k - 1][j].add(dec(b.o()[j])).multiply(big).add(mixed[j]);
                }
                BigDecimal[] logits = times(resid, m.wU(), null);
                for (int o = 0; o < m.vocab(); o++) {
                    BigDecimal expected = logits[o].add(dec(b.u()[o]).multiply(big));
                    BigDecimal fromTables = eu[q][o].multiply(big);
                    for (int i = 0; i < k; i++) {
                        fromTables = fromTables.add(evou[x[i]][o].add(pvou[i][o]).multiply(BigDecimal.valueOf(n[i])));
                    }
                    assertEquals(0, expected.compareTo(fromTables), "logit " + o + " of " + java.util.Arrays.toString(x));
                }
            }
        }
    }

    /** F16 and BF16 files are read exactly: the weights and biases, hence the tables, are the values written. */
    @Test
    void halfPrecisionFilesAreReadExactly() throws Exception {
        for (boolean bfloat : new boolean[] {false, true}) {
            Model m = org.compactproofs.checker.rules.SmallModels.halfPrecision(
                    org.compactproofs.checker.rules.SmallModels.biased(31, 5, 3, 4, 3, 1, 1), bfloat);
            java.nio.file.Path file = dir.resolve(bfloat + ".safetensors");
            java.nio.file.Files.write(file, TestModels.halfBytes(m, bfloat));
            Model read = ModelReader.read(file).model();
            for (int i = 0; i < m.vocab(); i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(m.wE()[i], read.wE()[i]);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(m.biases().u(), read.biases().u());
            org.junit.jupiter.api.Assertions.assertArrayEquals(m.biases().k(), read.biases().k());
            CircuitTables a = CircuitTables.of(m), c = CircuitTables.of(read);
            org.junit.jupiter.api.Assertions.assertArrayEquals(TestIntervals.exactDecimals(a.eu()), TestIntervals.exactDecimals(c.eu()));
            org.junit.jupiter.api.Assertions.assertArrayEquals(TestIntervals.exactDecimals(a.eqkpRaw()), TestIntervals.exactDecimals(c.eqkpRaw()));
        }
        // every binary16 bit pattern decodes to what an independent formula gives (NaN and infinities excluded)
        for (int bits = 0; bits < 1 << 16; bits++) {
            int e = (bits >> 10) & 0x1f, f = bits & 0x3ff;
            if (e == 0x1f) {
                org.junit.jupiter.api.Assertions.assertFalse(Double.isFinite(SafetensorsReader.half((short) bits)));
                continue;
            }
            BigDecimal expected = new BigDecimal(e == 0 ? f : 1024 + f).multiply(new BigDecimal(2).pow(e == 0 ? 0 : e - 1,
                    java.math.MathContext.UNLIMITED)).divide(new BigDecimal(2).pow(24)).multiply(BigDecimal.valueOf((bits & 0x8000) == 0 ? 1 : -1));
            assertEquals(0, expected.compareTo(new BigDecimal(SafetensorsReader.half((short) bits))), "bits " + bits);
        }
    }
}
