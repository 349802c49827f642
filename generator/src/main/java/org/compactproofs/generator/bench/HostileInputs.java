package org.compactproofs.generator.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.strategy.Strategies;

/**
 * Model and certificate pairs built to make the checker work hard (issue 14, item 3), each under 1 MB: what the
 * checker does with them (accept, reject, or refuse naming a limit) and how long it takes are the figures of
 * {@code generator bench hostile}. None claims more than its model earns.
 */
public final class HostileInputs {
    private HostileInputs() {}

    /** One hostile pair, what it attacks, and the options of its check (none: the checker's defaults). */
    public record Input(String name, String attack, Path model, Path certificate, List<String> options) {
        public Input(String name, String attack, Path model, Path certificate) {
            this(name, attack, model, certificate, List.of());
        }
    }

    /** Writes every hostile pair into {@code dir}, building on the trained model {@code base} (vocabulary 64). */
    public static List<Input> write(Model base, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Input> out = new ArrayList<>();
        Random r = new Random(14);
        out.add(bruteForce(dir, "logit-offset", "B1: a vector of scale 1e13 added to every column of W_U (F64): a "
                + "constant added to every logit", with(base, null, null, null, null, offsetColumns(base.wU(), 1e13, r))));
        out.add(bruteForce(dir, "huge-scores", "B1: W_Q times 3e3: attention weights the fast path cannot use",
                with(base, null, null, scaled(base.wQ(), 3e3), null, null)));
        Model spread = random(16, 4, 8, 8, new Random(5), 0.3);
        out.add(bruteForce(dir, "exact-path", "B1: v 16, W_Q times 3e3: most inputs on the exact path, within its budget",
                with(spread, null, null, scaled(spread.wQ(), 3e3), null, null)));
        Model small = random(16, 4, 8, 8, r, 0x1p-1060);
        out.add(bruteForce(dir, "subnormal", "B1: every weight at subnormal scale (v 16, F64): every input exact", small));
        out.add(witnesses(dir, base));
        Model wide = random(1448, 2, 4, 4, r, 0.3);
        Path wideModel = model(dir, "wide-c1", wide);
        StringBuilder rows = new StringBuilder();
        for (int m = 0; m < 1448; m++) {
            rows.append("case-row max ").append(m).append(" nonmax 0 n").append(m + 1).append(" none\n");
        }
        Path wideCertificate = certificate(dir, "wide-c1", wideModel, wide, Strategies.CUBIC.name(), 1448L * 1449 / 2,
                rows.toString(), false);
        out.add(new Input("wide-c1", "C1: vocabulary 1,448, context 2, a row per max (O(v^3 k^2) work), at the default "
                + "--max-work (2^32)", wideModel, wideCertificate));
        out.add(new Input("wide-c1 strict", "the same at --max-work 268435456 (2^28, issue 14's setting)", wideModel,
                wideCertificate, List.of("--max-work", "268435456")));
        return out;
    }

    private static Input bruteForce(Path dir, String name, String attack, Model m) throws IOException {
        Path model = model(dir, name, m);
        return new Input(name, attack, model, certificate(dir, name, model, m, Strategies.BRUTE_FORCE.name(), 1,
                "brute-force\n", false));
    }

    /** Grid witnesses of a few characters with huge or tiny magnitudes (once a 332,000-bit integer each). */
    private static Input witnesses(Path dir, Model base) throws IOException {
        Path model = model(dir, "witness-numbers", base);
        int v = base.vocab(), h = base.dHead();
        StringBuilder body = new StringBuilder();
        String[][] vectors = {{"eqwq-1-left", "" + v}, {"eqwq-1-right", "" + h}, {"wktet-1-left", "" + h},
            {"wktet-1-right", "" + v}};
        for (String[] vector : vectors) {
            body.append("vector name ").append(vector[0]);
            for (int i = 0; i < Integer.parseInt(vector[1]); i++) {
                body.append(i % 2 == 0 ? " x 1e100000" : " x 0x1p-100000");
            }
            body.append('\n');
        }
        return new Input("witness-numbers", "S2: witness vectors of 1e100000 and 0x1p-100000 (gzipped)", model,
                certificate(dir, "witness-numbers", model, base,
                        "eupu-max-diff-exact--attn-convex-chord--attn-err-max-diff", 1, body.toString(), true));
    }

    private static Path model(Path dir, String name, Model m) throws IOException {
        Path file = dir.resolve(name + ".safetensors");
        Files.write(file, SafetensorsWriter.toBytesF64(m));
        return file;
    }

    private static Path certificate(Path dir, String name, Path model, Model m, String strategy, long claim,
                                    String body, boolean gzip) throws IOException {
        String text = "compact-proofs certificate 1\nmodel sha256:" + ModelReader.read(model).sha256() + "\ntask max-of-k vocab "
                + m.vocab() + " context " + m.context() + " distribution uniform\nclaim correct " + claim + " of "
                + java.math.BigInteger.valueOf(m.vocab()).pow(m.context()) + "\nstrategy " + strategy + "\n" + body;
        Path file = dir.resolve(name + (gzip ? ".cert.gz" : ".cert"));
        try (OutputStream o = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static double[][] offsetColumns(double[][] wU, double scale, Random r) {
        double[][] out = new double[wU.length][];
        for (int a = 0; a < wU.length; a++) {
            double u = r.nextGaussian() * scale;
            out[a] = wU[a].clone();
            for (int o = 0; o < out[a].length; o++) {
                out[a][o] += u;
            }
        }
        return out;
    }

    private static double[][] scaled(double[][] a, double f) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= f;
            }
        }
        return out;
    }

    private static double[][] gaussian(Random r, int rows, int cols, double scale) {
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian() * scale;
            }
        }
        return out;
    }

    private static Model random(int v, int k, int d, int h, Random r, double scale) {
        return new Model(v, k, d, h, gaussian(r, v, d, scale), gaussian(r, k, d, scale), gaussian(r, d, h, scale),
                gaussian(r, d, h, scale), gaussian(r, d, h, scale), gaussian(r, h, d, scale), gaussian(r, d, v, scale),
                Map.of());
    }

    private static Model with(Model m, double[][] wE, double[][] wPos, double[][] wQ, double[][] wV, double[][] wU) {
        return new Model(m.vocab(), m.context(), m.dModel(), m.dHead(), wE != null ? wE : m.wE(),
                wPos != null ? wPos : m.wPos(), wQ != null ? wQ : m.wQ(), m.wK(), wV != null ? wV : m.wV(), m.wO(),
                wU != null ? wU : m.wU(), m.biases(), Map.of());
    }
}
