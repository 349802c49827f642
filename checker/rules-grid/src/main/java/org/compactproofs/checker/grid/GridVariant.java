package org.compactproofs.checker.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * One variant of rule S2 (docs/rules.md, "S2: the sub-cubic grid"): the reference's
 * {@code LargestWrongLogitQuadraticConfig}, three independent choices, named as the reference's short description
 * in lower case, e.g. {@code eupu-max-diff-exact--attn-mean-query+diff--attn-err-svd}. The choices change which
 * bounds the checker computes, never the theorem they instantiate, so every variant is sound.
 */
public record GridVariant(DirectPath directPath, Attention attention, AttentionError attentionError) {

    /** How the direct path EU[q][o] - EU[q][m] is bounded (S2.1). */
    public enum DirectPath {
        MEAN_QUERY_MAX_DIFF("mean-query+max-diff"), SVD_QUERY_MAX_DIFF("svd-query+max-diff"), MAX_DIFF("max-diff"),
        MAX_DIFF_EXACT("max-diff-exact"), GLOBAL_MAX_DIFF_EXACT("global-max-diff-exact");
        final String label;

        DirectPath(String label) {
            this.label = label;
        }
    }

    /**
     * How the maximum over outputs is taken out of the per-query work (S2.4): through a per-(max, nonmax)
     * average attention (the reference's two options), or, ours, through chords of the convex envelope.
     */
    public enum Attention {
        MEAN_QUERY_DIFF("mean-query+diff"), DROP_AVERAGE("drop-average-query-per-output-logit-reasoning"),
        CONVEX_CHORD("convex-chord");
        final String label;

        Attention(String label) {
            this.label = label;
        }
    }

    /** How the error of the EQKE approximation is bounded (S2.2). */
    public enum AttentionError {
        SVD("svd"), MAX_DIFF("max-diff"), MAX_DIFF_SUBPRODUCT("max-diff-subproduct"),
        MAX_DIFF_SUBPRODUCT_RECURSIVE("max-diff-subproduct-recursive"), MEAN_MAX_DIFF("mean+max-diff"),
        MEAN_MAX_DIFF_SUBPRODUCT("mean+max-diff-subproduct"),
        MEAN_MAX_DIFF_SUBPRODUCT_RECURSIVE("mean+max-diff-subproduct-recursive"),
        MEAN_RECURSIVE_MAX_DIFF_SUBPRODUCT_RECURSIVE("mean-recursive+max-diff-subproduct-recursive"),
        EXACT_EQKE_MAX_DIFF_EXACT("exact-eqke+max-diff-exact"), MAX_DIFF_EXACT("max-diff-exact");
        final String label;

        AttentionError(String label) {
            this.label = label;
        }

        /** The four-factor split Eq . W_Q . W_K^T . W_E^T with peeled factors (the reference's "subproduct"). */
        public boolean fourFactors() {
            return label.contains("subproduct");
        }

        /** No approximation at all: EQKE itself. */
        public boolean exact() {
            return this == EXACT_EQKE_MAX_DIFF_EXACT;
        }
    }

    /** The strategy name. */
    public String name() {
        return "eupu-" + directPath.label + "--attn-" + attention.label + "--attn-err-" + attentionError.label;
    }

    /** The variant of a strategy name, or null. */
    public static GridVariant parse(String name) {
        for (GridVariant g : all()) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        return null;
    }

    /** Ours, not in the reference's grid. */
    public boolean ours() {
        return attention == Attention.CONVEX_CHORD;
    }

    /** All 5 x 3 x 10 variants: the reference's 100 in its order, then ours (convex-chord attention). */
    public static List<GridVariant> all() {
        List<GridVariant> out = new ArrayList<>();
        for (boolean ours : new boolean[] {false, true}) {
            for (DirectPath d : DirectPath.values()) {
                for (Attention a : Attention.values()) {
                    for (AttentionError e : AttentionError.values()) {
                        if ((a == Attention.CONVEX_CHORD) == ours) {
                            out.add(new GridVariant(d, a, e));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The factors of EQKE (raw) that this variant peels, each with its number of rank-one peels. */
    public List<Factor> factors() {
        if (attentionError.exact()) {
            return List.of();
        }
        if (attentionError.fourFactors()) {
            return List.of(new Factor("eq", 2), new Factor("wq", 1), new Factor("wkt", 1), new Factor("et", 2));
        }
        return List.of(new Factor("eqwq", 1), new Factor("wktet", 1));
    }

    /**
     * A factor of raw EQKE = Eq W_Q W_K^T W_E^T: two-factor split eqwq = Eq W_Q (v x h), wktet = W_K^T W_E^T
     * (h x v); four-factor split eq = Eq (v x d), wq = W_Q (d x h), wkt = W_K^T (h x d), et = W_E^T (d x v).
     * Peel j is the outer product of witness vectors {@code <name>-<j>-left} and {@code <name>-<j>-right}.
     */
    public record Factor(String name, int peels) {}

    /** The witness vector of the direct path, when the variant takes one. */
    public boolean directPathWitness() {
        return directPath == DirectPath.SVD_QUERY_MAX_DIFF;
    }
}
