package org.compactproofs.generator.strategy.cubic;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.cert.CertificateWriter;
import org.compactproofs.generator.model.FloatCircuits;

/** The cubic strategy: one certificate line per case found by {@link CubicSearch}; the claim is their total. */
public final class CubicProver {
    private CubicProver() {}

    /** Writes the certificate and returns the claimed count. */
    public static BigInteger prove(ModelReader.ModelFile model, Path out) {
        List<CubicCase> cases = new CubicSearch(FloatCircuits.of(model.model())).cases();
        return write(model, out, cases, "cubic", "case",
                "rule C1 (docs/rules.md): the checker bounds every output's margin from below");
    }

    /** Writes a certificate of case steps (rules C1 and S1 share the case format) and returns the claim. */
    public static BigInteger write(ModelReader.ModelFile model, Path out, List<CubicCase> cases, String strategy,
                                   String rule, String explanation) {
        BigInteger claim = cases.stream().map(CubicCase::count).reduce(BigInteger.ZERO, BigInteger::add);
        try (CertificateWriter w = new CertificateWriter(out, model.sha256(), model.model(), claim, strategy)) {
            w.comment(explanation + ";");
            w.comment("each case is the inputs with the given query token, maximum, number of non-max positions among");
            w.comment("the other " + (model.model().context() - 1) + ", and non-max tokens at most 'upto'");
            w.comment(cases.size() + " cases");
            for (CubicCase c : cases) {
                w.line(rule + " query " + c.query() + " max " + c.max() + " nonmax " + c.nonmax()
                        + (c.nonmax() > 0 ? " upto " + c.upTo() : "") + " count " + c.count());
            }
        }
        return claim;
    }
}
