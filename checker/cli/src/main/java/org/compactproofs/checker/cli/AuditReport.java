package org.compactproofs.checker.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;
import org.compactproofs.checker.audit.Auditor;
import org.compactproofs.checker.audit.Manifest;

/**
 * The report of an archive audit, whoever ran the checks ({@code checker audit}, or {@code distributed audit} on
 * Spark): one line per certificate and the summary, or one JSON object, and the exit code.
 */
public final class AuditReport {
    private AuditReport() {}

    /**
     * Prints the report and returns the exit code. Every listed certificate must have exactly one outcome, in the
     * manifest's order (checked: otherwise a bug, exit 3), so "OK" is printed only for a certificate that was
     * judged, and listed = accepted + failed.
     */
    public static int print(String directory, Manifest manifest, List<Auditor.Outcome> outcomes, boolean json, double seconds) {
        int listed = manifest.entries().size();
        if (outcomes.size() != listed
                || IntStream.range(0, listed).anyMatch(i -> !outcomes.get(i).entry().equals(manifest.entries().get(i)))) {
            throw new IllegalStateException(outcomes.size() + " outcomes for the manifest's " + listed + " entries");
        }
        long accepted = outcomes.stream().filter(Auditor.Outcome::accepted).count(), failed = listed - accepted;
        long overLimit = outcomes.stream().filter(o -> !o.accepted() && o.overLimit()).count();
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

    private static void printJson(List<Auditor.Outcome> outcomes, long accepted, long failed, double seconds) {
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
