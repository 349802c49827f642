package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.compactproofs.checker.Checker;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.Shards;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One certificate checked in shards of maxima (Lemma D1): the shards' counts sum to the single check's for every
 * strategy, the combining function accepts exactly when the single check does, and a lost, duplicated or
 * overlapping shard, a shard of another certificate, or a counting step without a key can only make it fail.
 */
class ShardedCheckTest {
    @TempDir
    Path dir;

    private static Shards.Result shard(Path model, Path cert, int from, int to) {
        return Checker.checkShard(model, cert, CertificateFile::open, 1, Limits.DEFAULT, from, to);
    }

    private static List<Shards.Result> shards(Path model, Path cert, int... cuts) {
        List<Shards.Result> out = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.length; i++) {
            out.add(shard(model, cert, cuts[i], cuts[i + 1]));
        }
        return out;
    }

    private static Failure combine(Path model, Path cert, List<Shards.Result> results) {
        return Shards.combine(Shards.identify(cert, CertificateFile::open, Limits.DEFAULT),
                ModelReader.sha256(readAll(model)), results);
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertShardsAgree(Path model, Path cert, int... cuts) {
        Verdict single = CertificateFile.check(model, cert, 1);
        List<Shards.Result> results = shards(model, cert, cuts);
        BigInteger sum = results.stream().map(Shards.Result::proven).reduce(BigInteger.ZERO, BigInteger::add);
        assertEquals(single.proven(), sum, cert + ": the shards' counts sum to the single check's");
        Failure combined = combine(model, cert, results);
        assertEquals(single.accepted(), combined == null, cert + ": " + combined);
    }

    /** The crafted vocabulary-8 model's archived certificates, all 160 strategies, in three shards of maxima. */
    @Test
    void everyStrategyOfTheCraftedModelAgreesWithTheSingleCheck() throws IOException {
        Path model = RepositoryFiles.craftedFixture();
        int n = 0;
        try (Stream<Path> certs = Files.list(RepositoryFiles.root().resolve("certificates/external/crafted-max-of-4-vocab8"))) {
            for (Path cert : certs.filter(p -> p.toString().endsWith(".cert.gz") && !p.toString().contains("brute-force")).toList()) {
                assertShardsAgree(model, cert, 0, 3, 5, 8);
                n++;
            }
        }
        assertEquals(159, n, "every strategy but brute force, whose plain form cannot be sharded");
    }

    /** Seed 123's main certificates, in uneven shards. */
    @Test
    void theMainStrategiesOfSeed123AgreeWithTheSingleCheck() {
        Path model = RepositoryFiles.shippedModel(123);
        for (String s : List.of("cubic", "subcubic-maxdiff", "subcubic-union", "subcubic-coupled-2",
                "eupu-max-diff-exact--attn-mean-query+diff--attn-err-exact-eqke+max-diff-exact")) {
            assertShardsAgree(model, RepositoryFiles.root().resolve("certificates/max-of-4/seed-123/" + s + ".cert.gz"),
                    0, 40, 41, 60, 64);
        }
    }

    private Path bruteForce(Path model, boolean keyed, String claim) throws IOException {
        ModelReader.ModelFile m = ModelReader.read(model);
        StringBuilder text = new StringBuilder("compact-proofs certificate 1\nmodel sha256:" + m.sha256()
                + "\ntask max-of-k vocab 8 context 4 distribution uniform\nclaim correct " + claim
                + " of 4096\nstrategy brute-force\n");
        for (int max = 0; max < 8; max++) {
            text.append(keyed ? "brute-force max " + max + "\n" : max == 0 ? "brute-force\n" : "");
        }
        Path cert = dir.resolve(keyed + ".cert");
        Files.writeString(cert, text);
        return cert;
    }

    /** The keyed brute force in shards proves the exact count (1,020 of 4,096); the plain form fails in any shard. */
    @Test
    void aKeyedBruteForceShardsAndAPlainOneCannot() throws IOException {
        Path model = RepositoryFiles.craftedFixture();
        Path keyed = bruteForce(model, true, "1020");
        assertShardsAgree(model, keyed, 0, 1, 7, 8);
        assertNull(combine(model, keyed, shards(model, keyed, 0, 4, 8)));
        Path plain = bruteForce(model, false, "1020");
        Failure f = combine(model, plain, shards(model, plain, 0, 4, 8));
        assertNotNull(f);
        assertEquals("shard", f.rule());
        assertTrue(f.inequality().contains("has a max key"), f.inequality());
    }

    /** A lost, duplicated or overlapping shard, or one of another certificate, makes the check fail. */
    @Test
    void aLostDuplicatedOrForeignShardFails() throws IOException {
        Path model = RepositoryFiles.craftedFixture();
        Path keyed = bruteForce(model, true, "1020");
        List<Shards.Result> good = shards(model, keyed, 0, 2, 5, 8);
        assertNull(combine(model, keyed, good));
        List<Shards.Result> lost = List.of(good.get(0), good.get(2));
        assertEquals("shards", combine(model, keyed, lost).rule());
        List<Shards.Result> duplicated = new ArrayList<>(good);
        duplicated.add(good.get(1));
        assertEquals("shards", combine(model, keyed, duplicated).rule());
        List<Shards.Result> overlapping = List.of(good.get(0), shard(model, keyed, 1, 5), good.get(2));
        assertEquals("shards", combine(model, keyed, overlapping).rule());
        List<Shards.Result> short_ = List.of(good.get(0), good.get(1));
        assertEquals("shards", combine(model, keyed, short_).rule());
        Path other = bruteForce(model, true, "1019"); // another text (and claim): its shard cannot stand in
        List<Shards.Result> foreign = List.of(good.get(0), shard(model, other, 2, 5), good.get(2));
        assertEquals("shards", combine(model, keyed, foreign).rule());
        Path greedy = bruteForce(model, true, "1021"); // one more than the truth: every shard passes, the sum does not
        assertEquals("claim", combine(model, greedy, shards(model, greedy, 0, 4, 8)).rule());
    }
}
