package org.compactproofs.generator.strategy.cubic;

import java.math.BigInteger;
import java.util.List;
import org.compactproofs.generator.cert.CaseStep;

/**
 * The search shared by the case strategies (cubic, sub-cubic): for one query and maximum, every number of non-max
 * positions, and the largest {@code upto} whose float bound clears the margin. The bounds only fall as upto grows,
 * so a binary search finds it.
 */
public final class CaseFinder {
    /** A strategy's relative float bound of case (nonmax, upto); positive means the case holds. */
    public interface Bound {
        double of(int nonmax, int upTo);
    }

    private CaseFinder() {}

    public static void find(int q, int m, int k, double margin, Bound bound, List<CaseStep> out) {
        int maxNonmax = q == m ? k - 1 : k - 2; // with the query below the maximum, some other position holds it
        for (int n = 0; n <= maxNonmax; n++) {
            if (n == 0) {
                double b = bound.of(0, -1);
                if (b > margin) {
                    out.add(new CaseStep(q, m, 0, -1, BigInteger.ONE, b));
                }
                continue;
            }
            if (m == 0 || !(bound.of(n, 0) > margin)) {
                continue;
            }
            int lo = 0, hi = m - 1; // invariant: bound(n, lo) clears the margin
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (bound.of(n, mid) > margin) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            BigInteger count = binomial(k - 1, n).multiply(BigInteger.valueOf(lo + 1L).pow(n));
            out.add(new CaseStep(q, m, n, lo, count, bound.of(n, lo)));
        }
    }

    public static BigInteger binomial(int n, int r) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < r; i++) {
            b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return b;
    }
}
