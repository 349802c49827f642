package org.compactproofs.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.audit.Manifest;
import org.compactproofs.checker.cli.CliRun;
import org.compactproofs.checker.cli.ExitCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed commands in Spark's local mode against the checker's own: the audit's verdict and lines equal
 * {@code checker audit}'s on a small archive, a tampered one and a malformed manifest; a sharded check equals the
 * single check's count for every strategy of a small model; the keyed brute force in shards proves the exact count.
 */
class DistributedTest {
    private static final String CRAFTED = "crafted-max-of-4-vocab8";
    @TempDir
    static Path archive;
    private static List<Manifest.Entry> entries;

    /** The crafted model's 160 certificates and their manifest entries, copied into a small archive of their own. */
    @BeforeAll
    static void smallArchive() throws IOException {
        Path root = RepositoryFiles.root().resolve("certificates");
        entries = Manifest.read(root).entries().stream().filter(e -> e.certificate().contains(CRAFTED)).toList();
        assertTrue(entries.size() >= 160, entries.size() + " entries");
        copy(root, archive);
        writeManifest(archive, entries);
    }

    /** The entries' certificates and models from one archive into another, at the same relative paths. */
    private static void copy(Path from, Path to) throws IOException {
        for (Manifest.Entry e : entries) {
            for (String file : List.of(e.certificate(), e.model())) {
                if (!Files.exists(to.resolve(file))) {
                    Files.createDirectories(to.resolve(file).getParent());
                    Files.copy(from.resolve(file), to.resolve(file));
                }
            }
        }
    }

    private static void writeManifest(Path dir, List<Manifest.Entry> list) throws IOException {
        Files.writeString(dir.resolve("MANIFEST.json"), "{\"format\": \"compact-proofs manifest 1\", "
                + "\"checker\": \"compact-proofs checker 0.1\",\n\"entries\": [\n" + list.stream().map(e -> String.format(
                "{\"certificate\": \"%s\", \"certificateSha256\": \"%s\", \"model\": \"%s\", \"modelSha256\": \"%s\", "
                + "\"strategy\": \"%s\", \"claim\": \"%s\", \"total\": \"%s\"}", e.certificate(), e.certificateSha256(),
                e.model(), e.modelSha256(), e.strategy(), e.claim(), e.total())).collect(Collectors.joining(",\n"))
                + "\n]}\n");
    }

    private static CliRun distributed(String... args) {
        return CliRun.of(new DistributedMain(), args);
    }

    /** The report without its timing: the lines of both audits must be equal. */
    private static String lines(CliRun run) {
        return run.stdout().replaceAll(", [0-9.]+ s\n", "\n");
    }

    private static void assertSameAudit(Path dir, int exit) {
        CliRun checker = CliRun.of("audit", dir.toString(), "--threads", "2");
        CliRun spark = distributed("audit", dir.toString(), "--master", "local[2]");
        assertEquals(exit, checker.exitCode(), checker.toString());
        assertEquals(checker.exitCode(), spark.exitCode(), spark.toString());
        assertEquals(lines(checker), lines(spark));
        assertEquals(checker.stderr(), spark.stderr());
    }

    @Test
    void theAuditOfASoundArchiveEqualsTheCheckers() {
        assertSameAudit(archive, ExitCodes.ACCEPTED);
    }

    /** The archive named by a Hadoop URI (file://, as hdfs:// or s3a:// would be): the same audit, file by file copied. */
    @Test
    void anArchiveReadThroughHadoopAuditsTheSame() {
        CliRun checker = CliRun.of("audit", archive.toString(), "--threads", "2");
        CliRun spark = distributed("audit", archive.toUri().toString(), "--master", "local[2]");
        assertEquals(ExitCodes.ACCEPTED, spark.exitCode(), spark.toString());
        assertEquals(lines(checker).replace(archive.toString(), archive.toUri().toString()), lines(spark));
        Path model = archive.resolve(entries.get(1).model()), cert = archive.resolve(entries.get(1).certificate());
        CliRun check = distributed("check", "--model", model.toUri().toString(), "--cert", cert.toUri().toString(),
                "--shards", "3", "--master", "local[2]");
        assertEquals(ExitCodes.ACCEPTED, check.exitCode(), check.toString());
        assertTrue(check.stdout().contains("proven    " + entries.get(1).claim() + " of 4096"), check.stdout());
    }

    /** One certificate's claim raised in the manifest and its text tampered: both audits fail the same lines. */
    @Test
    void aTamperedArchiveFailsTheSameWay(@TempDir Path dir) throws IOException {
        copy(archive, dir);
        List<Manifest.Entry> tampered = new java.util.ArrayList<>(entries);
        Manifest.Entry first = tampered.get(0);
        tampered.set(0, new Manifest.Entry(first.certificate(), first.certificateSha256(), first.model(),
                first.modelSha256(), first.strategy(), new java.math.BigInteger(first.claim()).add(java.math.BigInteger.ONE)
                .toString(), first.total()));
        byte[] b = Files.readAllBytes(dir.resolve(entries.get(1).certificate()));
        b[b.length / 2] ^= 1;
        Files.write(dir.resolve(entries.get(1).certificate()), b);
        writeManifest(dir, tampered);
        assertSameAudit(dir, ExitCodes.REJECTED);
    }

    @Test
    void aMalformedManifestIsUnusableForBoth(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("MANIFEST.json"), "{\"format\": \"compact-proofs manifest 1\", \"entries\": [\n{]}\n");
        CliRun checker = CliRun.of("audit", dir.toString());
        CliRun spark = distributed("audit", dir.toString(), "--master", "local[2]");
        assertEquals(ExitCodes.UNUSABLE_INPUT, checker.exitCode(), checker.toString());
        assertEquals(checker.exitCode(), spark.exitCode());
        assertEquals(checker.stderr(), spark.stderr());
    }

    /** Every strategy of the crafted model: the sharded check's count is the checker's, and so is its verdict. */
    @Test
    void shardedChecksEqualTheSingleCheck() {
        try (var spark = Spark.start("local[2]", "test")) {
            Path model = archive.resolve(entries.get(0).model());
            for (Manifest.Entry e : entries) {
                if (e.strategy().equals("brute-force")) {
                    continue; // the archived brute force is the plain form: not shardable (below)
                }
                Path cert = archive.resolve(e.certificate());
                ShardedCheck.Verdict v = ShardedCheck.run(spark, model, cert, 3, org.compactproofs.checker.Limits.DEFAULT);
                assertEquals(null, v.failure(), e.certificate());
                assertEquals(e.claim(), v.identity().header().claimedCorrect().toString());
                assertEquals(org.compactproofs.checker.cli.CertificateFile.check(model, cert, 1).proven(), v.proven(),
                        e.certificate());
            }
        }
    }

    /** The keyed brute force, checked in shards through the command line: the exact count, 1,020 of 4,096. */
    @Test
    void theKeyedBruteForceChecksInShards(@TempDir Path dir) throws IOException {
        Path model = archive.resolve(entries.get(0).model());
        StringBuilder text = new StringBuilder("compact-proofs certificate 1\nmodel sha256:" + entries.get(0).modelSha256()
                + "\ntask max-of-k vocab 8 context 4 distribution uniform\nclaim correct 1020 of 4096\nstrategy brute-force\n");
        for (int m = 7; m >= 0; m--) {
            text.append("brute-force max ").append(m).append('\n');
        }
        Path cert = dir.resolve("keyed.cert");
        Files.writeString(cert, text);
        CliRun run = distributed("check", "--model", model.toString(), "--cert", cert.toString(), "--shards", "4",
                "--master", "local[2]", "--progress");
        assertEquals(ExitCodes.ACCEPTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("proven    1020 of 4096"), run.stdout());
        assertTrue(run.stdout().contains("shards    3 ranges") && run.stderr().contains("progress  3 of 3 shards checked"),
                run.toString()); // 4 asked, 3 ranges of about equal inputs
        Files.writeString(cert, text.toString().replace("claim correct 1020", "claim correct 1021"));
        CliRun greedy = distributed("check", "--model", model.toString(), "--cert", cert.toString(), "--shards", "4",
                "--master", "local[2]");
        assertEquals(ExitCodes.REJECTED, greedy.exitCode(), greedy.toString());
        assertTrue(greedy.stdout().contains("rule claim"), greedy.stdout());
    }

    /** Every command's help: exit 0, no picocli warning (a stray % in a description), the options listed. */
    @Test
    void everyCommandHasItsHelp() {
        for (String[] args : new String[][] {{"--help"}, {"audit", "--help"}, {"check", "--help"}, {"bench", "--help"}}) {
            CliRun run = distributed(args);
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(!run.stdout().contains("WARN") && !run.stderr().contains("WARN") && run.stdout().contains("Usage:"),
                    run.toString());
        }
        CliRun none = distributed("check", "--model", "m");
        assertEquals(ExitCodes.UNUSABLE_INPUT, none.exitCode(), none.toString());
    }

    /** Shard plans partition 0..v-1 and balance inputs: for v = 64, k = 4, four shards of about 2^22 inputs each. */
    @Test
    void shardRangesPartitionTheMaxima() {
        for (int v : new int[] {1, 2, 8, 64, 2048}) {
            for (int n : new int[] {1, 3, 4, 100}) {
                List<int[]> r = ShardedCheck.ranges(v, 4, n);
                assertEquals(0, r.get(0)[0]);
                assertEquals(v, r.get(r.size() - 1)[1]);
                for (int i = 1; i < r.size(); i++) {
                    assertEquals(r.get(i - 1)[1], r.get(i)[0]);
                }
                assertTrue(r.size() <= Math.min(n, v) && r.stream().allMatch(x -> x[1] > x[0]));
            }
        }
        List<int[]> four = ShardedCheck.ranges(64, 4, 4);
        assertEquals(4, four.size());
        for (int[] x : four) {
            double inputs = Math.pow(x[1], 4) - Math.pow(x[0], 4);
            assertTrue(Math.abs(inputs / Math.pow(64, 4) - 0.25) < 0.06, x[0] + ".." + x[1]);
        }
    }
}
