package org.compactproofs.checker.cli;

import org.compactproofs.checker.Limits;
import picocli.CommandLine.Option;

/** The options raising the checker's {@link Limits}, shared by {@code check} and {@code audit} (docs/cli.md). */
public final class LimitOptions {
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
    @Option(names = "--max-exact-path-inputs", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_EXACT_PATH_INPUTS,
            description = "Most inputs a brute-force step may decide on its exact path, which can cost a thousand "
                    + "times the fast path per input (default: ${DEFAULT-VALUE} = 2^16).")
    long exactPathInputs;
    @Option(names = "--max-work", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_WORK,
            description = "Most operations a check may do: its tables (refused up front when they alone exceed it) "
                    + "and its cases' bounds, metered (default: ${DEFAULT-VALUE} = 2^32).")
    long work;

    public Limits limits() {
        return new Limits(certificateBytes, lineBytes, modelBytes, bruteForceInputs, exactPathInputs, work,
                Limits.DEFAULT.caseKeys(), Limits.DEFAULT.lines());
    }
}
