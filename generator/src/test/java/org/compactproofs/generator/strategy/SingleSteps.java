package org.compactproofs.generator.strategy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: a certificate's compact lines expanded into the single-step forms they stand for (docs/language.md,
 * "Rows and whole vectors"): each row into its case steps with their counts, each whole vector into its entry
 * lines. Tamper tests edit single cases and entries; the checker must judge both forms alike.
 */
public final class SingleSteps {
    private SingleSteps() {}

    public static List<String> expand(List<String> lines) {
        int k = lines.stream().filter(l -> l.startsWith("task ")).map(l -> Integer.parseInt(l.split(" ")[5]))
                .findFirst().orElseThrow();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String[] t = line.split(" ");
            if (t[0].endsWith("-row")) {
                String rule = t[0].equals("case-row") ? "case" : t[0].replace("-row", "-case");
                int m = Integer.parseInt(t[2]), c = Integer.parseInt(t[4]);
                for (int i = 5, start = 0, end; i < t.length; i += 2, start = end) {
                    end = start + Integer.parseInt(t[i].substring(1));
                    boolean stair = i + 2 < t.length && t[i + 2].equals("rest");
                    int b = stair ? Integer.parseInt(t[i + 3]) : -2;
                    for (int q = start; q < end && !t[i + 1].equals("skip"); q++) {
                        int a = t[i + 1].equals("none") ? -1 : Integer.parseInt(t[i + 1]);
                        BigInteger count = org.compactproofs.generator.strategy.cubic.CaseFinder.binomial(k - 1, c)
                                .multiply(org.compactproofs.checker.cases.CaseRule.size(c, a, stair ? b : a));
                        out.add(rule + " query " + q + " max " + m + " nonmax " + c + (a >= 0 ? " upto " + a : "")
                                + (stair ? " rest " + b : "") + " count " + count);
                    }
                    i += stair ? 2 : 0;
                }
            } else if (t[0].equals("vector") && line.contains(" x ")) {
                int exponent = Integer.parseInt(t[4]);
                for (int i = 6, index = 0; i < t.length; i += 2, index++) {
                    BigInteger x = new BigInteger(t[i]);
                    out.add("vector name " + t[2] + " index " + index + " value " + (exponent >= 0
                            ? x.shiftLeft(exponent).toString() : x + "/" + BigInteger.ONE.shiftLeft(-exponent)));
                }
            } else {
                out.add(line);
            }
        }
        return out;
    }
}
