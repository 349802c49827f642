package org.compactproofs.checker.cli;

import org.compactproofs.checker.Limits;
import picocli.CommandLine.Option;

/** The options raising the checker's {@link Limits}, shared by {@code check} and {@code audit} (docs/cli.md). */
final class LimitOptions {
    @Option(names = "--max-certificate-bytes", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_CERTIFICATE_BYTES,
            description = "Largest certificate, in bytes of text after decompression (default: ${DEFAULT-VALUE} = 4 GiB).")
    long certificateBytes;
    @Option(names = "--max-line-bytes", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_LINE_BYTES,
            description = "Longest certificate line, in bytes (default: ${DEFAULT-VALUE} = 1 MiB).")
    int lineBytes;
    @Option(names = "--max-model-bytes", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MODEL_BYTES,
            description = "Largest model file, in bytes; it is read whole (default: ${DEFAULT-VALUE} = 1 GiB).")
    long modelBytes;
    @Option(names = "--max-brute-force-inputs", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_BRUTE_FORCE_INPUTS,
            description = "Most inputs (vocab^context) a brute-force step may enumerate (default: ${DEFAULT-VALUE} = 2^31).")
    long bruteForceInputs;

    Limits limits() {
        return new Limits(certificateBytes, lineBytes, modelBytes, bruteForceInputs, Limits.DEFAULT.caseKeys(),
                Limits.DEFAULT.lines());
    }
}
