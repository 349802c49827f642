package org.compactproofs.generator.strategy.cubic;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.cert.CaseStep;
import org.compactproofs.generator.cert.CertificateWriter;
import org.compactproofs.generator.cert.Rows;
import org.compactproofs.generator.model.FloatCircuits;

/** The cubic strategy: one certificate row per (max, nonmax) of the cases found by {@link CubicSearch}; the claim is their total. */
public final class CubicProver {
    private CubicProver() {}

    /** Writes the certificate and returns the claimed count. */
    public static BigInteger prove(ModelReader.ModelFile model, Path out) {
        List<CaseStep> cases = new CubicSearch(FloatCircuits.of(model.model())).cases();
        return write(model, out, cases, CubicStrategy.NAME, "case-row",
                "rule C1 (docs/rules.md): the checker bounds every output's margin from below");
    }

    /** Writes a certificate of case rows (rules C1 and S1 share the row format) and returns the claim. */
    public static BigInteger write(ModelReader.ModelFile model, Path out, List<CaseStep> cases, String strategy,
                                   String rule, String explanation) {
        BigInteger claim = cases.stream().map(CaseStep::count).reduce(BigInteger.ZERO, BigInteger::add);
        try (CertificateWriter w = new CertificateWriter(out, model.sha256(), model.model(), claim, strategy)) {
            w.comment(explanation + ";");
            w.comment("each case is the inputs with the given query token, maximum, number of non-max positions among");
            w.comment("the other " + (model.model().context() - 1) + ", and non-max tokens at most 'upto';");
            w.comment("one row per (max, nonmax): field nL U covers the next L queries, with upto U (docs/language.md)");
            w.comment(cases.size() + " cases");
            Rows.of(rule, cases).forEach(w::line);
        }
        return claim;
    }
}
