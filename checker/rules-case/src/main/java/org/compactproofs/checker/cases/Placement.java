package org.compactproofs.checker.cases;

import static org.compactproofs.checker.arith.Interval.addDown;
import static org.compactproofs.checker.arith.Interval.addSmallest;

import java.util.Arrays;

/**
 * The placement step of the case rules (docs/rules.md, Theorem C1 and Lemma C2): the non-max tokens of a case sit
 * at some c of the k-1 positions, unknown, so a bound takes the worst placement. In a staircase case one of them may
 * reach {@code upto} and the others only {@code rest}, so the worst placement puts the high token at the worst
 * position j for it and the others at the c-1 worst of the remaining positions.
 */
final class Placement {
    private Placement() {}

    /**
     * A lower bound of base + min over positions j and sets P of c-1 other positions of
     * [min(high_j, rest_j) + sum over P of rest_i], every addition rounded down. With {@code high == rest} (the
     * same array: the plain case) it is base + the c smallest, added in ascending order. The entries are lower
     * bounds, never NaN (the bounds turn NaN into minus infinity).
     */
    static double lowest(double base, double[] high, double[] rest, int c) {
        double[] sorted = rest.clone();
        Arrays.sort(sorted);
        if (high == rest) {
            return addSmallest(base, sorted, c);
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < high.length; j++) {
            double sum = addDown(base, Math.min(high[j], rest[j]));
            boolean skipped = false; // the multiset without position j: one entry equal to rest_j left out
            for (int x = 0, taken = 0; taken < c - 1; x++) {
                if (!skipped && sorted[x] == rest[j]) {
                    skipped = true;
                } else {
                    sum = addDown(sum, sorted[x]);
                    taken++;
                }
            }
            lowest = Math.min(lowest, sum);
        }
        return lowest;
    }
}
