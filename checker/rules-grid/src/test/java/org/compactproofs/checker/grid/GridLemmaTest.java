package org.compactproofs.checker.grid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.SmallModels;
import org.junit.jupiter.api.Test;

/**
 * Lemmas S2.1 and S2.2 of docs/rules.md, each against exact arithmetic: the row-range bounds of a product are
 * at least its exact row ranges, and the direct path's split bounds every exact difference EU[q][o] - EU[q][m].
 */
class GridLemmaTest {
    private static DyadicMatrix random(Random r, int rows, int cols, double scale) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextInt(5) == 0 ? 0 : r.nextGaussian() * scale;
            }
        }
        return DyadicMatrix.of(a);
    }

    /** The exact row range of row r, compared with a double bound: exact <= bound. */
    private static boolean within(DyadicMatrix m, int r, double bound) {
        BigInteger max = m.num()[r][0], min = m.num()[r][0];
        for (BigInteger x : m.num()[r]) {
            max = max.max(x);
            min = min.min(x);
        }
        return DyadicMatrix.enclose(max.subtract(min), m.exponent()).hi() <= bound
                || new java.math.BigDecimal(max.subtract(min)).multiply(java.math.BigDecimal.valueOf(2).pow(m.exponent(),
                java.math.MathContext.UNLIMITED)).compareTo(new java.math.BigDecimal(bound)) <= 0;
    }

    @Test
    void rowRangeBoundsAreAtLeastTheExactRanges() {
        Random r = new Random(7);
        int checked = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + r.nextInt(3);
            int[] dims = new int[n + 1];
            for (int i = 0; i <= n; i++) {
                dims[i] = 1 + r.nextInt(6);
            }
            double scale = new double[] {1e-6, 1, 1e6}[trial % 3];
            List<DyadicMatrix> chain = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                chain.add(random(r, dims[i], dims[i + 1], scale));
            }
            DyadicMatrix product = chain.get(0);
            for (int i = 1; i < n; i++) {
                product = product.times(chain.get(i)); // exact
            }
            List<IntervalMatrix> enclosed = chain.stream().map(IntervalMatrix::of).toList();
            Work w = new Work();
            List<IntervalMatrix> suffixes = RowRanges.suffixes(w, enclosed);
            List<double[]> bounds = List.of(RowRanges.subproduct(w, enclosed, suffixes, false),
                    RowRanges.subproduct(w, enclosed, suffixes, true),
                    RowRanges.recursive(w, enclosed, false, false), RowRanges.recursive(w, enclosed, true, false),
                    RowRanges.recursive(w, enclosed, true, true), RowRanges.of(w, suffixes.get(0)));
            for (double[] b : bounds) {
                for (int row = 0; row < product.rows(); row++) {
                    assertTrue(within(product, row, b[row]), "trial " + trial + " row " + row + ": bound " + b[row]);
                    checked++;
                }
            }
        }
        assertTrue(checked > 5000, checked + " bounds checked");
    }

    @Test
    void directPathSplitBoundsEveryExactDifference() {
        int checked = 0;
        for (SmallModels.Named named : SmallModels.all(60, 6)) {
            Model m = named.model();
            CircuitTables t = CircuitTables.of(m);
            for (GridVariant.DirectPath option : GridVariant.DirectPath.values()) {
                Map<String, DyadicMatrix> centre = Map.of("eupu-centre",
                        random(new Random(named.name().hashCode()), 1, m.eqWidth(), 1));
                DirectPathSplit split = new DirectPathSplit(m, IntervalTables.of(m), option, centre, new Work());
                for (int q = 0; q < m.vocab(); q++) {
                    for (int max = 0; max < m.vocab(); max++) {
                        for (int o = 0; o < m.vocab(); o++) {
                            double bound = Math.nextUp(split.centred(max, o) + split.gap[q]);
                            double exact = DyadicMatrix.enclose(t.eu().num()[q][o].subtract(t.eu().num()[q][max]),
                                    t.eu().exponent()).hi(); // the exact value is at most this
                            assertTrue(exact <= bound, named + " " + option + ": EU[" + q + "][" + o + "] - EU[" + q
                                    + "][" + max + "] >= " + exact + " > " + bound);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 10000, checked + " differences checked");
    }
}
