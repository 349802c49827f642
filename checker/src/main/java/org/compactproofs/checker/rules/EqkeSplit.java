package org.compactproofs.checker.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;

/**
 * Lemma S2.2 (docs/rules.md): raw EQKE = approx + residual exactly, with residual = the product of the peeled
 * factors F~_i = F_i - sum_j left_j^T right_j, and err[q] >= max_{i,j} residual[q][i] - residual[q][j] per
 * query, bounded as the variant says. approx is computed exactly as eqkeRaw - residual, so whatever vectors
 * the certificate peels, approx + residual is EQKE and only the tightness depends on them.
 */
final class EqkeSplit {
    final DyadicMatrix approx;
    final double[] err;

    EqkeSplit(Model m, CircuitTables t, GridVariant.AttentionError option, List<GridVariant.Factor> factors,
              Map<String, DyadicMatrix> vectors) {
        int v = m.vocab();
        if (option.exact()) {
            approx = t.eqkeRaw();
            err = new double[v];
            return;
        }
        DyadicMatrix e = DyadicMatrix.of(m.wE());
        DyadicMatrix eq = e.plusRowOf(DyadicMatrix.of(m.wPos()), m.context() - 1);
        DyadicMatrix wq = DyadicMatrix.of(m.wQ()), wk = DyadicMatrix.of(m.wK());
        List<DyadicMatrix> whole = option.fourFactors()
                ? List.of(eq, wq, wk.transpose(), e.transpose())
                : List.of(eq.times(wq), e.times(wk).transpose());
        List<DyadicMatrix> residual = new ArrayList<>();
        for (int i = 0; i < whole.size(); i++) {
            DyadicMatrix f = whole.get(i);
            GridVariant.Factor factor = factors.get(i);
            for (int j = 1; j <= factor.peels(); j++) {
                String p = factor.name() + "-" + j;
                f = f.minus(DyadicMatrix.outer(vectors.get(p + "-left"), vectors.get(p + "-right")));
            }
            residual.add(f);
        }
        DyadicMatrix r = RowRanges.product(residual, 0);
        approx = t.eqkeRaw().minus(r);
        err = switch (option) {
            case SVD -> {
                // rr <= sqrt(2) sigma_1(r) <= sqrt(2) ||r||_F (sigma_1 = sup |r x| / |x|, x = e_i - e_j)
                double bound = RowRanges.up(Math.sqrt(r.squaredNormUp()));
                double[] all = new double[v];
                Arrays.fill(all, RowRanges.up(RowRanges.up(Math.sqrt(2)) * RowRanges.up(bound)));
                yield all;
            }
            case MAX_DIFF, MAX_DIFF_SUBPRODUCT -> RowRanges.subproduct(residual, false);
            case MEAN_MAX_DIFF, MEAN_MAX_DIFF_SUBPRODUCT -> RowRanges.subproduct(residual, true);
            case MAX_DIFF_SUBPRODUCT_RECURSIVE -> RowRanges.recursive(residual, false, false);
            case MEAN_MAX_DIFF_SUBPRODUCT_RECURSIVE -> RowRanges.recursive(residual, true, false);
            case MEAN_RECURSIVE_MAX_DIFF_SUBPRODUCT_RECURSIVE -> RowRanges.recursive(residual, true, true);
            case MAX_DIFF_EXACT -> RowRanges.exact(r);
            case EXACT_EQKE_MAX_DIFF_EXACT -> throw new AssertionError("handled above");
        };
    }
}
