package org.compactproofs.checker.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.model.Model;

/**
 * Lemma S2.2 (docs/rules.md): raw EQKE = approx + residual, with residual = the product of the peeled factors
 * F~_i = F_i - sum_j left_j^T right_j, and err[q] >= max_{i,j} residual[q][i] - residual[q][j] per query,
 * bounded as the variant says. approx is enclosed as eqkeRaw - (an enclosure of the residual), so whatever
 * vectors the certificate peels, approx + residual is EQKE and only the tightness depends on them. Everything
 * here is an interval enclosure rounded outward; the exact EQKE comes from the circuit tables.
 */
final class EqkeSplit {
    final IntervalMatrix approx;
    final double[] err;

    EqkeSplit(Model m, IntervalTables t, GridVariant.AttentionError option, List<GridVariant.Factor> factors,
              Map<String, DyadicMatrix> vectors, Work work) {
        int v = m.vocab();
        if (option.exact()) {
            approx = t.eqkeRaw();
            err = new double[v];
            return;
        }
        IntervalTables.Factors f0 = t.factors();
        List<IntervalMatrix> whole = option.fourFactors()
                ? List.of(f0.eq(), f0.wQ(), f0.wK().transpose(), f0.e().transpose())
                : List.of(f0.eqWQ(), f0.eWK().transpose()); // products the tables already hold
        List<IntervalMatrix> residual = new ArrayList<>();
        for (int i = 0; i < whole.size(); i++) {
            IntervalMatrix f = whole.get(i);
            GridVariant.Factor factor = factors.get(i);
            for (int j = 1; j <= factor.peels(); j++) {
                String p = factor.name() + "-" + j;
                IntervalMatrix left = IntervalMatrix.of(vectors.get(p + "-left")).transpose();
                f = f.minus(work.times(left, IntervalMatrix.of(vectors.get(p + "-right"))));
            }
            residual.add(f);
        }
        List<IntervalMatrix> suffixes = RowRanges.suffixes(work, residual);
        IntervalMatrix r = suffixes.get(0);
        approx = t.eqkeRaw().minus(r);
        err = switch (option) {
            case SVD -> {
                // rr <= sqrt(2) sigma_1(r) <= sqrt(2) ||r||_F (sigma_1 = sup |r x| / |x|, x = e_i - e_j)
                double bound = Interval.up(Math.sqrt(r.squaredNormUp()));
                double[] all = new double[v];
                Arrays.fill(all, Interval.up(Interval.up(Math.sqrt(2)) * Interval.up(bound)));
                yield all;
            }
            case MAX_DIFF, MAX_DIFF_SUBPRODUCT -> RowRanges.subproduct(work, residual, suffixes, false);
            case MEAN_MAX_DIFF, MEAN_MAX_DIFF_SUBPRODUCT -> RowRanges.subproduct(work, residual, suffixes, true);
            case MAX_DIFF_SUBPRODUCT_RECURSIVE -> RowRanges.recursive(work, residual, false, false);
            case MEAN_MAX_DIFF_SUBPRODUCT_RECURSIVE -> RowRanges.recursive(work, residual, true, false);
            case MEAN_RECURSIVE_MAX_DIFF_SUBPRODUCT_RECURSIVE -> RowRanges.recursive(work, residual, true, true);
            case MAX_DIFF_EXACT -> RowRanges.of(work, r);
            case EXACT_EQKE_MAX_DIFF_EXACT -> throw new AssertionError("handled above");
        };
    }
}
