package org.compactproofs.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.cli.CheckerMain;
import org.compactproofs.checker.cli.CliRun;
import org.compactproofs.checker.rules.ExactOracle;
import org.compactproofs.checker.rules.SmallModels;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generator sweep} on a small archive (two trained small models as seeds 1 and 2): the checker jar judges
 * the certificates in a separate process, the results JSON holds every pair, the archive's MANIFEST passes
 * {@code checker audit}, and a second run redoes nothing.
 */
class SweepTest {
    @TempDir
    Path dir;

    @Test
    void sweepArchivesResultsTheAuditAccepts() throws Exception {
        Path jar = RepositoryFiles.root().resolve("checker/target/checker.jar");
        assumeTrue(Files.isRegularFile(jar), "needs the packaged checker jar (mvn verify builds it first)");
        Path models = dir.resolve("models/max-of-4");
        Files.createDirectories(models);
        long[] truth = new long[2];
        for (int i = 0; i < 2; i++) {
            SmallModels.Named named = SmallModels.trained().get(i);
            SafetensorsWriter.write(named.model(), models.resolve("seed-" + (i + 1) + ".safetensors"));
            truth[i] = new ExactOracle(named.model()).trueCount();
        }
        String grid = "eupu-max-diff-exact--attn-convex-chord--attn-err-exact-eqke+max-diff-exact";
        String[] args = {"sweep", "--archive", dir.toString(), "--models", models.toString(), "--seeds", "1,2",
            "--strategies", "brute-force,cubic,subcubic-union," + grid, "--checker", jar.toString(),
            "--markdown", dir.resolve("results.md").toString()};
        CliRun run = CliRun.of(new GeneratorMain(), args);
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode rows = new ObjectMapper().readTree(dir.resolve("results/max-of-4.json").toFile()).get("results");
        assertEquals(8, rows.size());
        for (JsonNode r : rows) {
            assertTrue(r.get("accepted").asBoolean(), r.toString());
            long certified = Long.parseLong(r.get("certified").asText());
            assertTrue(certified <= truth[(int) r.get("seed").asLong() - 1], r.toString());
            if (r.get("strategy").asText().equals("brute-force")) {
                assertEquals(truth[(int) r.get("seed").asLong() - 1], certified, "brute force is exact");
            }
            assertTrue((certified == 0 || r.get("checkerOperations").asLong() > 0) && r.has("certificate"), r.toString());
        }
        assertTrue(Files.readString(dir.resolve("results.md")).contains("subcubic-union"));
        CliRun audit = CliRun.of(new CheckerMain(), "audit", dir.toString());
        assertEquals(0, audit.exitCode(), audit.toString());
        assertTrue(audit.stdout().contains("8 certificates, 8 accepted, 0 failed"), audit.stdout());
        long modified = Files.getLastModifiedTime(dir.resolve("max-of-4/seed-1/cubic.cert.gz")).toMillis();
        Thread.sleep(20);
        CliRun again = CliRun.of(new GeneratorMain(), args);
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(modified, Files.getLastModifiedTime(dir.resolve("max-of-4/seed-1/cubic.cert.gz")).toMillis(),
                "a finished pair is not redone");
    }
}
