package org.compactproofs.checker.model;

import org.apfloat.Aprational;
import org.compactproofs.checker.arith.Rationals;

/**
 * The model's circuit tables, computed exactly from the stored weights (which are dyadic rationals, so every
 * entry here is an exact rational). With Eq = W_E + W_pos[k-1] (row-wise) and s = 1/sqrt(d_head):
 * <pre>
 *   EQKE = s * eqkeRaw,  eqkeRaw[q][t] = Eq[q] W_Q W_K^T W_E[t]^T      [vocab][vocab]
 *   EQKP = s * eqkpRaw,  eqkpRaw[q][i] = Eq[q] W_Q W_K^T W_pos[i]^T    [vocab][context]
 *   EVOU[t][o] = W_E[t] W_V W_O W_U                                    [vocab][vocab]
 *   PVOU[i][o] = W_pos[i] W_V W_O W_U                                  [context][vocab]
 *   EU[q][o]   = Eq[q] W_U                                             [vocab][vocab]
 * </pre>
 * so that, for an input with query q, score_i = s (eqkeRaw[q][t_i] + eqkpRaw[q][i]) and
 * logits = EU[q] + sum_i alpha_i (EVOU[t_i] + PVOU[i]). The scale s is irrational for d_head = 32 and stays
 * outside the tables; rules that need it enclose it rigorously.
 */
public record CircuitTables(int dHead, Aprational[][] eqkeRaw, Aprational[][] eqkpRaw,
                            Aprational[][] evou, Aprational[][] pvou, Aprational[][] eu) {

    public static CircuitTables of(Model m) {
        Aprational[][] e = Rationals.exact(m.wE());
        Aprational[][] p = Rationals.exact(m.wPos());
        Aprational[][] eq = new Aprational[m.vocab()][];
        for (int t = 0; t < m.vocab(); t++) {
            eq[t] = new Aprational[m.dModel()];
            for (int j = 0; j < m.dModel(); j++) {
                eq[t][j] = e[t][j].add(p[m.context() - 1][j]);
            }
        }
        Aprational[][] query = multiply(eq, Rationals.exact(m.wQ()));
        Aprational[][] wK = Rationals.exact(m.wK());
        Aprational[][] ovu = multiply(Rationals.exact(m.wV()),
                multiply(Rationals.exact(m.wO()), Rationals.exact(m.wU())));
        return new CircuitTables(m.dHead(),
                multiplyTransposed(query, multiply(e, wK)),
                multiplyTransposed(query, multiply(p, wK)),
                multiply(e, ovu),
                multiply(p, ovu),
                multiply(eq, Rationals.exact(m.wU())));
    }

    static Aprational[][] multiply(Aprational[][] a, Aprational[][] b) {
        Aprational[][] c = new Aprational[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b[0].length; j++) {
                Aprational sum = Rationals.ZERO;
                for (int l = 0; l < b.length; l++) {
                    sum = sum.add(a[i][l].multiply(b[l][j]));
                }
                c[i][j] = sum;
            }
        }
        return c;
    }

    /** a * b^T. */
    static Aprational[][] multiplyTransposed(Aprational[][] a, Aprational[][] b) {
        Aprational[][] c = new Aprational[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                Aprational sum = Rationals.ZERO;
                for (int l = 0; l < b[j].length; l++) {
                    sum = sum.add(a[i][l].multiply(b[j][l]));
                }
                c[i][j] = sum;
            }
        }
        return c;
    }

    /** Nearest doubles of a table's entries, for tests and display (not for decisions). */
    public static double[][] approximate(Aprational[][] table) {
        double[][] out = new double[table.length][];
        for (int i = 0; i < table.length; i++) {
            out[i] = new double[table[i].length];
            for (int j = 0; j < table[i].length; j++) {
                out[i][j] = table[i][j].doubleValue();
            }
        }
        return out;
    }
}
