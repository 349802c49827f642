package org.compactproofs.checker.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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

    /** Every listed certificate is checked, one thread each, and reported ({@link AuditReport}). */
    @Override
    public Integer call() {
        long start = System.nanoTime();
        Manifest manifest = Manifest.read(directory);
        List<Auditor.Outcome> outcomes = Auditor.audit(manifest,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), limits.limits());
        return AuditReport.print(directory.toString(), manifest, outcomes, json, (System.nanoTime() - start) / 1e9);
    }
}
