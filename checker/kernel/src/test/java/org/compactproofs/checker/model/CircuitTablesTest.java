package org.compactproofs.checker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact circuit tables are the model: logits rebuilt from them agree with the plain forward pass, and
 * entries agree exactly with an independent BigDecimal computation from the weights.
 */
class CircuitTablesTest {
    @TempDir
    Path dir;

    private Model randomModel(long seed, int v, int k, int d, int h) throws Exception {
        Path file = dir.resolve("m" + seed + ".safetensors");
        Files.write(file, SafetensorsBuilder.model(v, k, d, h, seed).bytes());
        return ModelReader.read(file).model();
    }

    @Test
    void logitsFromTablesMatchTheForwardPass() throws Exception {
        Random r = new Random(5);
        for (long seed = 1; seed <= 5; seed++) {
            Model m = randomModel(seed, 7, 1 + (int) seed % 4, 5, 3);
            CircuitTables t = CircuitTables.of(m);
            double s = 1 / Math.sqrt(m.dHead());
            double[][] eqke = org.compactproofs.checker.arith.TestIntervals.approximate(t.eqkeRaw()), eqkp = org.compactproofs.checker.arith.TestIntervals.approximate(t.eqkpRaw()),
                    evou = org.compactproofs.checker.arith.TestIntervals.approximate(t.evou()), pvou = org.compactproofs.checker.arith.TestIntervals.approximate(t.pvou()), eu = org.compactproofs.checker.arith.TestIntervals.approximate(t.eu());
            for (int trial = 0; trial < 50; trial++) {
                int k = m.context();
                int[] x = new int[k];
                for (int i = 0; i < k; i++) {
                    x[i] = r.nextInt(m.vocab());
                }
                int q = x[k - 1];
                double[] score = new double[k];
                for (int i = 0; i < k; i++) {
                    score[i] = s * (eqke[q][x[i]] + eqkp[q][i]);
                }
                double[] alpha = ForwardPass.softmax(score);
                double[] expected = ForwardPass.logits(m, x);
                for (int o = 0; o < m.vocab(); o++) {
                    double logit = eu[q][o];
                    for (int i = 0; i < k; i++) {
                        logit += alpha[i] * (evou[x[i]][o] + pvou[i][o]);
                    }
                    assertEquals(expected[o], logit, 1e-12 * (1 + Math.abs(expected[o])));
                }
            }
        }
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
                assertEquals(0, eu.compareTo(t.eu().exactDecimals()[q][o]), "EU[" + q + "][" + o + "]");
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
                assertEquals(0, sum.compareTo(t.evou().exactDecimals()[tok][o]), "EVOU[" + tok + "][" + o + "]");
            }
        }
    }
}
