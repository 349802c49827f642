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
}
