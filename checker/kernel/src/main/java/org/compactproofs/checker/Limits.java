package org.compactproofs.checker;

import java.nio.file.Path;
import org.compactproofs.checker.cert.CertificateFormatException;

/**
 * The resource limits of one check (docs/trusted-base.md, "Limits"). Input beyond a limit is refused as unusable
 * (exit 2) before the resource is spent, with a message naming the option that raises the limit, so that time
 * and memory stay bounded whatever the input. The first four have options ({@code check} and {@code audit}); the
 * last two are fixed caps (components only so that tests can try them at small sizes).
 *
 * @param certificateBytes bytes of certificate text, counted after decompression
 * @param lineBytes bytes of one certificate line (at most {@link #MAX_ARRAY}: a line is held in an array)
 * @param modelBytes bytes of the model file, which is read whole (at most {@link #MAX_ARRAY})
 * @param bruteForceInputs inputs (vocab^context) a brute-force step may enumerate
 * @param exactPathInputs inputs a brute-force step may send to its exact path (B1.2), which costs up to
 *                        {@link #EXACT_PATH_SECONDS_PER_INPUT} each where the fast path costs nanoseconds
 * @param work the operations a check may do: the tables' ({@code RuleFamily.tableWork}, refused at the strategy
 *             line before any table is built when they alone exceed it) plus every case's bound, metered: the
 *             check stops at the first case that crosses it
 * @param caseKeys case keys vocab^2 * context of the task: the size of the key registry; it also keeps every
 *                 key and table index within an int
 * @param lines lines of a certificate, so that every reported line number is exact
 */
public record Limits(long certificateBytes, int lineBytes, long modelBytes, long bruteForceInputs,
                     long exactPathInputs, long work, int caseKeys, int lines) implements java.io.Serializable {
    public static final long DEFAULT_CERTIFICATE_BYTES = 1L << 32, DEFAULT_MODEL_BYTES = 1L << 30,
            DEFAULT_BRUTE_FORCE_INPUTS = 1L << 31, DEFAULT_EXACT_PATH_INPUTS = 1L << 16, DEFAULT_WORK = 1L << 32;
    public static final int DEFAULT_LINE_BYTES = 1 << 20, MAX_ARRAY = Integer.MAX_VALUE - 8;
    public static final Limits DEFAULT = new Limits(DEFAULT_CERTIFICATE_BYTES, DEFAULT_LINE_BYTES, DEFAULT_MODEL_BYTES,
            DEFAULT_BRUTE_FORCE_INPUTS, DEFAULT_EXACT_PATH_INPUTS, DEFAULT_WORK, 1 << 24, Integer.MAX_VALUE);
    /**
     * Inputs per second and thread of the rigorous brute force, measured with {@code checker bench brute-force}
     * (docs/benchmarks.md: 64^4 inputs in 0.60 s on 2 threads); only for the time estimate in the message
     * refusing a brute force.
     */
    public static final double BRUTE_FORCE_INPUTS_PER_SECOND = 1.4e7;
    /**
     * The exact path's worst cost per input, measured with {@code generator bench hostile} (docs/benchmarks.md);
     * only for the time estimate in the message refusing a brute force.
     */
    public static final double EXACT_PATH_SECONDS_PER_INPUT = 1e-4;
    /**
     * Operations (as the rules count them) per second and thread, measured with {@code generator bench hostile};
     * only for the time estimates in the messages refusing work.
     */
    public static final double OPERATIONS_PER_SECOND = 5e7;

    public Limits {
        if (certificateBytes < 1 || lineBytes < 1 || lineBytes > MAX_ARRAY || modelBytes < 1 || modelBytes > MAX_ARRAY
                || bruteForceInputs < 1 || exactPathInputs < 0 || work < 1 || caseKeys < 1 || lines < 1) {
            throw new UnusableInputException("every limit must be at least 1 (--max-exact-path-inputs at least 0), and --max-line-bytes and "
                    + "--max-model-bytes at most " + MAX_ARRAY + " (the largest Java array)");
        }
    }

    /**
     * Input beyond a limit: {@code problem} followed by how to raise it, {@code option} being the option that does
     * (or, for a fixed cap, its name); marked {@link UnusableInputException#overLimit()}.
     */
    public static CertificateFormatException exceeded(Path file, int line, int column, String problem, String option) {
        return mark(new CertificateFormatException(file, line, column, problem + raising(option)));
    }

    public static String raising(String option) {
        return option.startsWith("--") ? "; " + option + " raises this limit"
                : "; this is a fixed cap of the checker (" + option + ", docs/trusted-base.md)";
    }

    public static <E extends UnusableInputException> E mark(E e) {
        e.overLimit = true;
        return e;
    }

    /** A duration for people, in the unit that reads best (for the estimates in messages refusing work). */
    public static String duration(double seconds) {
        double[] units = {1, 60, 3600, 86400, 365.25 * 86400};
        String[] names = {"seconds", "minutes", "hours", "days", "years"};
        if (seconds > 1e300) {
            return "more than 1e292 years";
        }
        int u = units.length - 1;
        while (u > 0 && seconds < 2 * units[u]) {
            u--;
        }
        double n = seconds / units[u];
        return String.format(java.util.Locale.ROOT, n < 1e6 ? "about %,.0f %s" : "about %.2e %s", n, names[u]);
    }
}
