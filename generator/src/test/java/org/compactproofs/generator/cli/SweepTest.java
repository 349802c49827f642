package org.compactproofs.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.cli.CheckerMain;
import org.compactproofs.checker.cli.CliRun;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.ExactOracle;
import org.compactproofs.checker.rules.SmallModels;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.sweep.StrategySelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generator sweep} on a small archive (two trained small models per K, as seeds 1 and 2): the checker jar
 * judges the certificates in a separate process, the results JSON holds every pair, one compact object per line,
 * the archive's MANIFEST passes {@code checker audit}, a second run redoes nothing, and a sweep of another K
 * (--context 5) writes its own files and keeps the first K's manifest entries, and a sweep of an external model
 * (--external) appends its entries after them without changing the others.
 */
class SweepTest {
    @TempDir
    Path dir;

    private static final String GRID = "eupu-max-diff-exact--attn-convex-chord--attn-err-exact-eqke+max-diff-exact";

    /** Writes two trained small models of context k as seeds 1 and 2; returns their true counts. */
    private long[] models(Path models, int k) throws Exception {
        Files.createDirectories(models);
        List<SmallModels.Named> trained = SmallModels.trained().stream().filter(n -> n.model().context() == k).limit(2).toList();
        long[] truth = new long[2];
        for (int i = 0; i < 2; i++) {
            SafetensorsWriter.write(trained.get(i).model(), models.resolve("seed-" + (i + 1) + ".safetensors"));
            truth[i] = new ExactOracle(trained.get(i).model()).trueCount();
        }
        return truth;
    }

    private static void assertRows(JsonNode rows, long[] truth) {
        for (JsonNode r : rows) {
            assertTrue(r.get("accepted").asBoolean(), r.toString());
            long certified = Long.parseLong(r.get("certified").asText());
            assertTrue(certified <= truth[(int) r.get("seed").asLong() - 1], r.toString());
            if (r.get("strategy").asText().equals("brute-force")) {
                assertEquals(truth[(int) r.get("seed").asLong() - 1], certified, "brute force is exact");
            }
            assertTrue(certified == 0 || r.get("checkerOperations").asLong() > 0, r.toString());
            assertTrue(r.has("certificateSha256") && !r.has("certificate") && !r.has("model"),
                    "archived, and paths that can be derived are not stored: " + r);
        }
    }

    /** Valid JSON, and one record per line: the header line, then a line per object. */
    private static JsonNode readCompact(Path file, String array, int records) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertEquals(records + 2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).endsWith("\"" + array + "\":["), lines.get(0));
        assertEquals("]}", lines.get(lines.size() - 1));
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void sweepArchivesResultsTheAuditAccepts() throws Exception {
        Path jar = RepositoryFiles.root().resolve("checker/target/checker.jar");
        assumeTrue(Files.isRegularFile(jar), "needs the packaged checker jar (mvn verify builds it first)");
        Path models4 = dir.resolve("models/max-of-4"), models5 = dir.resolve("models/max-of-5");
        long[] truth4 = models(models4, 4), truth5 = models(models5, 5);
        String[] args = {"sweep", "--archive", dir.toString(), "--models", models4.toString(), "--seeds", "1,2",
            "--strategies", "brute-force,cubic,subcubic-union," + GRID, "--checker", jar.toString(),
            "--markdown", dir.resolve("results.md").toString()};
        CliRun run = CliRun.of(new GeneratorMain(), args);
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode rows = readCompact(dir.resolve("results/max-of-4.json"), "results", 8).get("results");
        assertEquals(8, rows.size());
        assertRows(rows, truth4);
        assertTrue(Files.readString(dir.resolve("results.md")).contains("subcubic-union"));
        assertEquals("compact-proofs checker 0.1", readCompact(dir.resolve("MANIFEST.json"), "entries", 8).get("checker").asText());
        CliRun audit = CliRun.of(new CheckerMain(), "audit", dir.toString());
        assertEquals(0, audit.exitCode(), audit.toString());
        assertTrue(audit.stdout().contains("8 certificates listed = 8 accepted + 0 failed"), audit.stdout());
        long modified = Files.getLastModifiedTime(dir.resolve("max-of-4/seed-1/cubic.cert.gz")).toMillis();
        Thread.sleep(20);
        CliRun again = CliRun.of(new GeneratorMain(), args);
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals(modified, Files.getLastModifiedTime(dir.resolve("max-of-4/seed-1/cubic.cert.gz")).toMillis(),
                "a finished pair is not redone");

        // another K, with default seeds (every model of the directory) and the default strategies of K != 4 but the
        // grid; the model index's sampled estimates go next to the certified bounds
        Files.writeString(models5.resolve("index.json"), "[{\"seed\": 1, \"sampledAccuracyEstimate\": 0.9, "
                + "\"sampledAccuracy95Low\": 0.89, \"sampledAccuracy95High\": 0.91, \"samples\": 1000}]");
        CliRun five = CliRun.of(new GeneratorMain(), "sweep", "--context", "5", "--archive", dir.toString(),
                "--models", models5.toString(), "--strategies", "brute-force,cubic,subcubic-maxdiff", "--checker",
                jar.toString(), "--markdown", dir.resolve("results-max-of-5.md").toString());
        assertEquals(0, five.exitCode(), five.toString());
        JsonNode rows5 = readCompact(dir.resolve("results/max-of-5.json"), "results", 6).get("results");
        assertRows(rows5, truth5);
        assertEquals(0.9, rows5.get(0).get("sampledAccuracyEstimate").asDouble());
        assertFalse(rows5.get(5).has("sampledAccuracyEstimate"), "seed 2 has no estimate in the index");
        assertTrue(Files.isRegularFile(dir.resolve("max-of-5/seed-2/subcubic-maxdiff.cert.gz")));
        String md = Files.readString(dir.resolve("results-max-of-5.md"));
        assertTrue(md.contains("Max-of-5") && md.contains("sampled accuracy (estimate, not certified)")
                && md.contains("0.90000 [0.89000, 0.91000]") && md.contains("plots/max-of-5/frontier.png"), md);
        assertTrue(Files.readString(dir.resolve("results/max-of-5.csv")).contains(",0.9000000,0.8900000,0.9100000,1000"));
        JsonNode manifest = readCompact(dir.resolve("MANIFEST.json"), "entries", 14);
        assertTrue(manifest.get("entries").get(0).get("certificate").asText().startsWith("max-of-4/"));
        assertEquals("models/max-of-5/seed-1.safetensors", manifest.get("entries").get(8).get("model").asText());
        CliRun audit2 = CliRun.of(new CheckerMain(), "audit", dir.toString());
        assertEquals(0, audit2.exitCode(), audit2.toString());
        assertTrue(audit2.stdout().contains("14 certificates listed = 14 accepted + 0 failed"), audit2.stdout());

        // an external model, by name: archived under external/NAME/, its manifest entries appended after every K's
        Path externalModels = dir.resolve("models/external");
        Files.createDirectories(externalModels);
        SmallModels.Named named = SmallModels.trained().stream().filter(n -> n.model().context() == 4).findFirst().orElseThrow();
        SafetensorsWriter.write(named.model(), externalModels.resolve("outside.safetensors"));
        long truth = new ExactOracle(named.model()).trueCount();
        List<String> before = Files.readAllLines(dir.resolve("MANIFEST.json"));
        String[] ext = {"sweep", "--external", "outside", "--models", externalModels.toString(), "--archive",
            dir.toString(), "--strategies", "brute-force,cubic", "--checker", jar.toString(), "--markdown",
            dir.resolve("results.md").toString()};
        CliRun external = CliRun.of(new GeneratorMain(), ext);
        assertEquals(0, external.exitCode(), external.toString());
        JsonNode rowsExt = readCompact(dir.resolve("results/external.json"), "results", 2).get("results");
        assertEquals("outside", rowsExt.get(0).get("name").asText());
        assertEquals(String.valueOf(truth), rowsExt.get(0).get("certified").asText(), "brute force is exact");
        List<String> after = Files.readAllLines(dir.resolve("MANIFEST.json"));
        assertEquals(before.size() + 2, after.size());
        assertEquals(before.subList(0, before.size() - 2), after.subList(0, before.size() - 2), "earlier lines unchanged");
        assertEquals(before.get(before.size() - 2) + ",", after.get(before.size() - 2), "the last entry gains a comma");
        assertTrue(after.get(after.size() - 2).startsWith("{\"certificate\":\"external/outside/cubic.cert.gz\","
                + "\"certificateSha256\":"), after.get(after.size() - 2));
        assertTrue(after.get(after.size() - 2).contains("\"model\":\"models/external/outside.safetensors\""));
        assertTrue(Files.readString(dir.resolve("results.md")).contains("## Findings about the reference's code"));
        CliRun audit3 = CliRun.of(new CheckerMain(), "audit", dir.toString());
        assertEquals(0, audit3.exitCode(), audit3.toString());
        assertTrue(audit3.stdout().contains("16 certificates listed = 16 accepted + 0 failed"), audit3.stdout());
        // a sweep of a K afterwards keeps the external entries where they are
        CliRun again4 = CliRun.of(new GeneratorMain(), args);
        assertEquals(0, again4.exitCode(), again4.toString());
        assertEquals(after, Files.readAllLines(dir.resolve("MANIFEST.json")));
        assertEquals(2, CliRun.of(new GeneratorMain(), "sweep", "--external", "../x", "--archive", dir.toString(),
                "--checker", jar.toString()).exitCode(), "a name is not a path");
    }

    @Test
    void bruteForceIsSkippedWhereTheInputsCannotBeEnumerated() {
        List<String> names = StrategySelection.strategies(null, 20);
        assertEquals(StrategySelection.MAIN_STRATEGIES, names, "K != 4: the main strategies by default");
        assertEquals(160, StrategySelection.strategies(null, 4).size(), "K = 4: every strategy");
        assertEquals(151, StrategySelection.strategies(List.of("cubic", "grid"), 4).size());
        assertEquals(names, StrategySelection.feasible(names, zero(64, 5), line -> fail("told: " + line)),
                "64^5 = 2^30 is enumerable");
        List<String> told = new ArrayList<>();
        List<String> k20 = StrategySelection.feasible(names, zero(64, 20), told::add);
        assertEquals(names.subList(1, names.size()), k20);
        assertEquals(1, told.size());
    }

    private static Model zero(int v, int k) {
        return new Model(v, k, 1, 1, new double[v][1], new double[k][1], new double[1][1], new double[1][1],
                new double[1][1], new double[1][1], new double[1][v], Map.of());
    }
}
