package org.compactproofs.generator.strategy.cubic;

import java.math.BigInteger;
import java.util.List;
import org.compactproofs.checker.cases.CaseRule;
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

    /** A strategy's float bound of the staircase case (nonmax, upto, rest); positive means the case holds. */
    public interface StairBound {
        double of(int nonmax, int upTo, int rest);
    }

    /** The search of one (query, max): adds its cases to {@code out}. */
    public interface PairSearch {
        void find(int query, int max, List<CaseStep> out);
    }

    private CaseFinder() {}

    /** The cases of every (query, max) of a vocabulary, in certificate order ({@link CaseStep#ORDER}). */
    public static List<CaseStep> everyPair(int vocab, PairSearch search) {
        List<CaseStep> out = new java.util.ArrayList<>();
        for (int max = 0; max < vocab; max++) {
            for (int q = 0; q <= max; q++) {
                search.find(q, max, out);
            }
        }
        out.sort(CaseStep.ORDER);
        return out;
    }

    /**
     * As {@link #find}, then each case with nonmax >= 2 widened into the staircase (upto A, rest B) of most inputs
     * that the search meets: for B stepping down geometrically (ratio 1.5) from the plain upto A0, the largest
     * A >= A0 whose bound clears the margin (galloping up from the previous B's A, which can only grow as B falls);
     * then the best pair climbs while B + 1 or A + 1 still clears it. (The count is not unimodal along B: stopping
     * three steps past the best loses 2.3 points at v = 512.)
     */
    public static void findStairs(int q, int m, int k, double margin, StairBound bound, List<CaseStep> out) {
        int from = out.size();
        find(q, m, k, margin, (n, a) -> bound.of(n, a, a), out);
        for (int j = from; j < out.size(); j++) {
            CaseStep plain = out.get(j);
            int n = plain.nonmax(), a0 = plain.upTo();
            if (n < 2) {
                continue;
            }
            int bestA = a0, bestB = a0, a = a0;
            double best = CaseRule.size(n, a0, a0).doubleValue();
            for (int d = 1; d <= a0 && a < m - 1; d += Math.max(1, d / 2)) {
                int b = a0 - d;
                if (!(bound.of(n, a, b) > margin)) {
                    continue;
                }
                int step = 1, hi = a; // gallop: hi is the last A known to clear the margin
                while (hi + step <= m - 1 && bound.of(n, hi + step, b) > margin) {
                    hi += step;
                    step *= 2;
                }
                int lo = hi, top = Math.min(m - 1, hi + step - 1); // the largest is in lo..top
                while (lo < top) {
                    int mid = (lo + top + 1) >>> 1;
                    if (bound.of(n, mid, b) > margin) {
                        lo = mid;
                    } else {
                        top = mid - 1;
                    }
                }
                a = lo;
                double count = CaseRule.size(n, a, b).doubleValue();
                if (count > best) {
                    best = count;
                    bestA = a;
                    bestB = b;
                }
            }
            for (int climb = 0; climb < 64 && bestB < bestA; climb++) { // the geometric steps skip some: climb
                if (bound.of(n, bestA, bestB + 1) > margin) {
                    bestB++;
                } else if (bestA + 1 < m && bound.of(n, bestA + 1, bestB) > margin) {
                    bestA++;
                } else {
                    break;
                }
            }
            if (bestB < bestA) {
                out.set(j, new CaseStep(q, m, n, bestA, bestB, binomial(k - 1, n).multiply(CaseRule.size(n, bestA, bestB)),
                        bound.of(n, bestA, bestB)));
            }
        }
    }


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
