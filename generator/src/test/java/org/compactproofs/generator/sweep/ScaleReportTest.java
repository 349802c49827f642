package org.compactproofs.generator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScaleResults} and {@link ScaleReport} on results files written here: means, estimates, exponents, headline. */
class ScaleReportTest {
    @TempDir
    Path dir;

    private static String row(long seed, String strategy, double bound, double checkSeconds) {
        return String.format(java.util.Locale.ROOT, "{\"seed\":%d,\"strategy\":\"%s\",\"accepted\":true,\"bound\":%s,"
                + "\"generateSeconds\":1.5,\"checkSeconds\":%s,\"checkerOperations\":1000,\"certificateGzipBytes\":2000,"
                + "\"unexplainedDimension\":77,\"sampledAccuracyEstimate\":0.99}", seed, strategy, bound, checkSeconds);
    }

    private void results(int v, String... rows) throws Exception {
        Files.createDirectories(dir.resolve("results"));
        Files.writeString(dir.resolve("results/max-of-4-vocab-" + v + ".json"),
                "{\"format\":\"compact-proofs results 1\",\"context\":4,\"results\":[\n" + String.join(",\n", rows) + "]}\n");
    }

    @Test
    void meansEstimatesExponentsAndTheHeadlineComeFromTheFiles() throws Exception {
        results(128, row(50, "brute-force", 0.99, 32), row(50, "subcubic-maxdiff", 0.8, 0.25), row(104, "subcubic-maxdiff", 0.9, 0.25));
        results(256, row(50, "subcubic-maxdiff", 0.7, 1), row(50, "subcubic-union", 0.75, 3), row(104, "subcubic-union", 0.65, 3));
        results(512, row(50, "subcubic-maxdiff", 0.6, 4), row(50, "subcubic-union", 0.55, 6).replace("}", ",\"archived\":false}"),
                "{\"seed\":104,\"strategy\":\"subcubic-maxdiff\",\"accepted\":false,\"bound\":0,\"checkSeconds\":99}");
        Files.writeString(dir.resolve("results/scale-estimates.json"), "{\"estimates\":[{\"vocab\":512,\"slices\":"
                + "[{\"maxima\":1,\"proven\":1},{\"maxima\":4,\"proven\":" + (512L * 512 * 512 * 512 - 508L * 508 * 508 * 508) / 2
                + "}],\"generateSeconds\":100,\"checkSeconds\":7200}]}");
        ScaleResults r = ScaleResults.read(dir);
        assertEquals(java.util.List.of(128, 256, 512), r.vocabularies());
        ScaleResults.Cell c = r.cell(128, "subcubic-maxdiff");
        assertEquals(2, c.seeds());
        assertEquals(0.85, c.boundMean(), 1e-12);
        assertEquals(0.8, c.boundMin(), 0);
        assertEquals(0.9, c.boundMax(), 0);
        assertEquals(1, r.cell(512, "subcubic-maxdiff").seeds(), "a rejected row is no certified bound");
        assertEquals(32 * 32.0, r.estimate(256, "brute-force").checkSeconds(), 1e-9, "v^5 from v = 128");
        assertEquals(32 * Math.pow(4, 5), r.estimate(512, "brute-force").checkSeconds(), 1e-6);
        assertEquals(7200, r.estimate(512, "cubic").checkSeconds(), 0);
        assertNull(r.estimate(128, "brute-force"), "measured, not estimated");
        assertEquals(2.0, r.exponent("subcubic-maxdiff", false), 1e-12, "1 s at 256, 4 s at 512: v^2; 128 is not fitted");
        assertEquals(Math.log(2) / Math.log(2), r.exponent("subcubic-union", false), 1e-12);
        assertTrue(Double.isNaN(r.exponent("cubic", false)) && Double.isNaN(r.exponent("cubic", true)), "one point: no fit");
        assertEquals("At vocabulary 512 (Max-of-4, 1 seed), `subcubic-maxdiff` certifies accuracy >= 0.6000 on average "
                + "(seeds: 0.6000 to 0.6000; sampled accuracy 0.9900) with a check of 4.00 s on one thread; the cubic "
                + "proof's check would take 2.00 hours (estimated from slices), brute force 9.10 hours (extrapolated).",
                ScaleReport.headline(r));
        String md = ScaleReport.markdown(r);
        assertTrue(md.contains("| 256 | subcubic-union | 2 | 0.9900 | 0.7000 | 0.6500 | 0.7500 | 1.50 | 3.00 |"), md);
        assertTrue(md.contains("| 512 | cubic | 100 s | 2.00 hours | no | slices of the top 1 and 4 maxima, extrapolated (on the top 4, the "
                + "cubic proof certifies 0.5000 of their inputs) |"), md);
        assertTrue(md.contains("| subcubic-maxdiff | 2 | 2.00 |"), md);
        assertTrue(md.contains("| 2 kB (not archived) | 77 |") && md.contains("Not archived, to keep `certificates/` "
                + "within its 200 MB budget (judged and recorded like the rest): `subcubic-union` at v = 512 (not archived)."), md);
    }
}
