package org.compactproofs.checker.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.compactproofs.checker.audit.Auditor;
import org.compactproofs.checker.audit.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audit DIR}: re-check every certificate of an archive against its manifest (docs/cli.md). */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Re-check every certificate listed in DIR/MANIFEST.json against its model, verifying both "
                + "files' SHA-256; one line per certificate and a summary. Exit 0 only if all are accepted, 1 if any "
                + "is not (for a reason other than the limits), else 2 if any is beyond the limits or the manifest is unusable.")
final class AuditCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The archive's directory (holding MANIFEST.json).")
    Path directory;
    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;
    @Option(names = "--threads", defaultValue = "0", description = "Certificates checked at once (0 = all cores).")
    int threads;
    @picocli.CommandLine.Mixin
    LimitOptions limits;

    /**
     * Every listed certificate has exactly one outcome, in the manifest's order (checked: otherwise a bug, exit 3),
     * so "OK" is printed only for a certificate that was judged, and listed = accepted + failed.
     */
    @Override
    public Integer call() {
        long start = System.nanoTime();
        Manifest manifest = Manifest.read(directory);
        List<Auditor.Outcome> outcomes = Auditor.audit(manifest,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), limits.limits());
        int listed = manifest.entries().size();
        if (outcomes.size() != listed
                || IntStream.range(0, listed).anyMatch(i -> outcomes.get(i).entry() != manifest.entries().get(i))) {
            throw new IllegalStateException(outcomes.size() + " outcomes for the manifest's " + listed + " entries");
        }
        long accepted = outcomes.stream().filter(Auditor.Outcome::accepted).count(), failed = listed - accepted;
        long overLimit = outcomes.stream().filter(o -> !o.accepted() && o.overLimit()).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (json) {
            printJson(outcomes, accepted, failed, seconds);
        } else {
            for (Auditor.Outcome o : outcomes) {
                Manifest.Entry e = o.entry();
                System.out.println(o.accepted()
                        ? String.format("OK      %s  %s  %s of %s", e.certificate(), e.strategy(), e.claim(), e.total())
                        : String.format("FAILED  %s  %s", e.certificate(), o.problem()));
            }
            System.out.printf("audit of %s: %d certificates listed = %d accepted + %d failed (%d of them beyond the "
                    + "limits), %.1f s%n", directory, listed, accepted, failed, overLimit, seconds);
        }
        return accepted == listed ? ExitCodes.ACCEPTED : failed > overLimit ? ExitCodes.REJECTED : ExitCodes.UNUSABLE_INPUT;
    }

    private void printJson(List<Auditor.Outcome> outcomes, long accepted, long failed, double seconds) {
        try (JsonGenerator g = new JsonFactory().createGenerator(System.out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("verdict", failed == 0 ? "ACCEPTED" : "FAILED");
            g.writeNumberField("certificates", outcomes.size()); // listed = accepted + failed
            g.writeNumberField("accepted", accepted);
            g.writeNumberField("failed", failed);
            g.writeNumberField("seconds", seconds);
            g.writeArrayFieldStart("results");
            for (Auditor.Outcome o : outcomes) {
                g.writeStartObject();
                g.writeStringField("certificate", o.entry().certificate());
                g.writeStringField("model", o.entry().model());
                g.writeStringField("strategy", o.entry().strategy());
                g.writeStringField("claim", o.entry().claim());
                g.writeBooleanField("accepted", o.accepted());
                g.writeBooleanField("overLimit", o.overLimit());
                if (o.problem() != null) {
                    g.writeStringField("problem", o.problem());
                }
                g.writeNumberField("seconds", o.seconds());
                g.writeObjectFieldStart("operations");
                for (var op : o.operations().entrySet()) {
                    g.writeNumberField(op.getKey(), op.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
