package org.compactproofs.checker.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.compactproofs.checker.Checker;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cert.CertificateFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code check}: verify a certificate against a model and print the verdict (text or JSON). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Verify a certificate against a model: ACCEPTED with the proven bound (exit 0), REJECTED with "
                + "the first failing step (exit 1), or unusable input (exit 2).")
public final class CheckCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "The model file (.safetensors).")
    Path model;
    @Option(names = "--cert", required = true, description = "The certificate file.")
    Path cert;
    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;
    @Option(names = "--threads", defaultValue = "0", description = "Threads (0 = all cores; the output never depends on it).")
    int threads;
    @Option(names = "--timing", description = "Also report the time taken (JSON field seconds); without it the output "
            + "is byte-identical for the same inputs. Text output always shows the time, on stderr.")
    boolean timing;
    @picocli.CommandLine.Mixin
    LimitOptions limits;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Verdict v;
        try {
            try {
                v = Checker.check(model, cert, CertificateFile::open, threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                        limits.limits());
            } catch (OutOfMemoryError x) { // a hostile shape within the limits: unusable here, in text and JSON
                throw new UnusableInputException(cert + ": " + Commands.OUT_OF_MEMORY, x);
            }
        } catch (UnusableInputException e) {
            if (!json) {
                throw e;
            }
            writeJson(g -> {
                g.writeStringField("verdict", "UNUSABLE");
                g.writeObjectFieldStart("error");
                if (e instanceof CertificateFormatException c) {
                    g.writeNumberField("line", c.line());
                    g.writeNumberField("column", c.column());
                }
                g.writeStringField("message", e.getMessage());
                g.writeEndObject();
            });
            return ExitCodes.UNUSABLE_INPUT;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            printJson(v, seconds);
        } else {
            printText(v, seconds);
        }
        return v.accepted() ? ExitCodes.ACCEPTED : ExitCodes.REJECTED;
    }

    public static String fraction(BigInteger p, BigInteger q) {
        BigInteger g = p.gcd(q);
        return g.signum() == 0 ? "0/1" : p.divide(g) + "/" + q.divide(g);
    }

    /** p/q rounded down to 10 decimals: a displayed bound never overstates. */
    public static String decimal(BigInteger p, BigInteger q) {
        return new BigDecimal(p).divide(new BigDecimal(q), 10, RoundingMode.FLOOR).toPlainString();
    }

    private void printText(Verdict v, double seconds) {
        PrintStream out = System.out;
        var h = v.header();
        if (v.accepted()) {
            out.println("ACCEPTED " + cert);
            out.println("  model     " + model + " (sha256 " + v.modelSha256() + ")");
            out.println("  task      max-of-k, vocab " + h.vocab() + ", context " + h.context() + ", uniform inputs");
            out.println("  strategy  " + h.strategy());
            out.println("  proven    " + h.claimedCorrect() + " of " + h.total() + " inputs correct"
                    + (v.proven().compareTo(h.claimedCorrect()) > 0 ? " (the steps prove " + v.proven() + ")" : ""));
            out.println("  bound     accuracy >= " + fraction(h.claimedCorrect(), h.total()) + " = "
                    + decimal(h.claimedCorrect(), h.total()));
        } else {
            var f = v.failure();
            out.println("REJECTED " + cert + ":" + f.line() + ":" + f.column() + " rule " + f.rule());
            out.println("  " + f.inequality() + " does not hold");
            out.println("  left side   " + f.leftValue());
            out.println("  right side  " + f.rightValue());
            out.println("  model     " + model + " (sha256 " + v.modelSha256() + ")");
        }
        out.println("  work");
        v.operations().forEach((kind, n) -> out.printf("    %-62s %,d%n", kind, n));
        System.err.printf("  time      %.2f s%n", seconds); // stderr: stdout is the same for the same inputs
    }

    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static void writeJson(JsonBody body) {
        try (JsonGenerator g = new JsonFactory().createGenerator(System.out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
            g.flush();
            System.out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printJson(Verdict v, double seconds) {
        var h = v.header();
        BigInteger count = v.accepted() ? h.claimedCorrect() : BigInteger.ZERO;
        writeJson(g -> {
            g.writeStringField("verdict", v.accepted() ? "ACCEPTED" : "REJECTED");
            g.writeStringField("certificate", cert.toString());
            g.writeStringField("model", model.toString());
            g.writeStringField("modelSha256", v.modelSha256());
            g.writeStringField("strategy", h.strategy());
            g.writeNumberField("vocab", h.vocab());
            g.writeNumberField("context", h.context());
            g.writeNumberField("claimedCount", h.claimedCorrect());
            g.writeNumberField("provenCount", count);
            g.writeNumberField("stepsProved", v.proven());
            g.writeNumberField("total", h.total());
            g.writeStringField("bound", fraction(count, h.total()));
            g.writeStringField("boundDecimal", decimal(count, h.total()));
            g.writeObjectFieldStart("operations");
            for (Map.Entry<String, Long> e : v.operations().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            if (timing) {
                g.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
            }
            if (!v.accepted()) {
                var f = v.failure();
                g.writeObjectFieldStart("error");
                g.writeNumberField("line", f.line());
                g.writeNumberField("column", f.column());
                g.writeStringField("rule", f.rule());
                g.writeStringField("inequality", f.inequality());
                g.writeStringField("left", f.leftValue());
                g.writeStringField("right", f.rightValue());
                g.writeStringField("message", f.message());
                g.writeEndObject();
            }
        });
    }
}
