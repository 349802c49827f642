package org.compactproofs.generator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.audit.Auditor;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.GridVariant;
import org.compactproofs.checker.rules.Strategies;
import org.compactproofs.generator.report.SeedResult;
import org.compactproofs.generator.strategy.grid.GridProver;
import org.compactproofs.generator.train.PaperSeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The evidence of docs/results.md: every shipped seed proved with every strategy, each certificate judged by the
 * checker jar in a separate process (one {@code checker audit} per seed over that seed's certificates, so that
 * nothing of the generator's judgement is shared), the archived certificates gzipped into
 * {@code certificates/max-of-4/seed-<N>/<strategy>.cert.gz} with {@code certificates/MANIFEST.json}, and the
 * results in {@code certificates/results/max-of-4.json} and {@code .csv}. Resumable: a seed whose results are
 * recorded for the same model hash and strategies is not redone.
 */
@Command(name = "sweep", aliases = "results", mixinStandardHelpOptions = true,
        description = "Certify every shipped Max-of-4 seed with every strategy, judge each certificate with the checker "
                + "jar in a separate process, archive the main certificates with a MANIFEST, and write "
                + "certificates/results/max-of-4.json, .csv and docs/results.md. Resumable.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--models", defaultValue = "certificates/models/max-of-4", description = "Model directory (default: ${DEFAULT-VALUE}).")
    Path models;
    @Option(names = "--archive", defaultValue = "certificates", description = "Archive root: certificates, MANIFEST.json and results/ (default: ${DEFAULT-VALUE}).")
    Path archive;
    @Option(names = "--markdown", defaultValue = "docs/results.md", description = "Markdown output (default: ${DEFAULT-VALUE}).")
    Path markdown;
    @Option(names = "--checker", defaultValue = "checker/target/checker.jar", description = "The checker jar (default: ${DEFAULT-VALUE}).")
    Path checkerJar;
    @Option(names = "--seeds", split = ",", description = "Seeds (default: the paper's 151).")
    long[] seeds;
    @Option(names = "--strategies", split = ",", description = "Strategies ('grid' = all of the grid; default: all).")
    List<String> strategies;
    @Option(names = "--redo", description = "Redo seeds already recorded.")
    boolean redo;

    /** Archived for every seed (the rest is judged and reported, and archived for the showcase seed only). */
    static final List<String> ARCHIVED = List.of("brute-force", "cubic", "subcubic-maxdiff", "subcubic-union",
            "eupu-max-diff-exact--attn-mean-query+diff--attn-err-exact-eqke+max-diff-exact", Strategies.UNION_VARIANT);
    static final long SHOWCASE = 123;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(checkerJar)) {
            throw new UnusableInputException(checkerJar + ": no checker jar (build first: mvn -q package -DskipTests)");
        }
        long[] list = seeds != null ? seeds : PaperSeeds.all();
        List<String> names = new ArrayList<>();
        for (String s : strategies != null ? strategies : List.of(StrategiesCommand.NAMES)) {
            if (s.equals("grid")) {
                GridVariant.all().forEach(g -> names.add(g.name()));
            } else {
                names.add(s);
            }
        }
        Path jsonFile = archive.resolve("results/max-of-4.json");
        Map<String, ObjectNode> rows = read(jsonFile);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(list.length)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(System.console() != null ? 200 : 60_000).build()) {
            for (long seed : list) {
                Path model = models.resolve("seed-" + seed + ".safetensors");
                ModelReader.ModelFile file = ModelReader.read(model);
                List<String> todo = names.stream().filter(n -> redo || !file.sha256().equals(
                        rows.getOrDefault(seed + "/" + n, json.createObjectNode()).path("modelSha256").asText())).toList();
                if (!todo.isEmpty()) {
                    for (ObjectNode r : sweepSeed(seed, file, todo)) {
                        rows.put(seed + "/" + r.get("strategy").asText(), r);
                    }
                    write(jsonFile, rows);
                }
                bar.step();
            }
        }
        List<SeedResult> results = new ArrayList<>();
        for (ObjectNode r : rows.values()) {
            results.add(new SeedResult(r.get("seed").asLong(), r.get("strategy").asText(),
                    new BigInteger(r.get("certified").asText()), new BigInteger(r.get("total").asText()),
                    r.get("generateSeconds").asDouble(), r.get("checkSeconds").asDouble(),
                    r.get("certificateBytes").asLong(), r.get("checkerOperations").asLong(),
                    r.get("unexplainedDimension").asLong()));
        }
        ResultsReport.sort(results);
        ResultsReport.writeCsv(archive.resolve("results/max-of-4.csv"), results);
        ResultsReport.writeMarkdown(markdown, results);
        writeManifest(rows);
        System.out.println("wrote " + jsonFile + ", " + archive.resolve("results/max-of-4.csv") + ", "
                + archive.resolve("MANIFEST.json") + " and " + markdown);
        return 0;
    }

    /** Proves the strategies of one seed, has the checker jar audit them in one separate process, archives. */
    List<ObjectNode> sweepSeed(long seed, ModelReader.ModelFile file, List<String> todo) throws IOException {
        Path stage = Files.createTempDirectory("compact-proofs-sweep");
        Path model = stage.resolve("model.safetensors");
        Files.copy(file.path(), model);
        Map<String, double[]> timing = new LinkedHashMap<>();
        Map<String, BigInteger> claims = new LinkedHashMap<>();
        GridProver[] prover = {null};
        todo.parallelStream().forEach(name -> {
            Path plain = stage.resolve(name + ".cert");
            long start = System.nanoTime();
            GridVariant g = GridVariant.parse(name);
            BigInteger claim;
            if (g != null) {
                synchronized (prover) {
                    if (prover[0] == null) {
                        prover[0] = new GridProver(file.model());
                    }
                }
                claim = GridProver.write(file, plain, prover[0].prove(g));
            } else {
                claim = ProveCommand.prove(name, file, plain, 1);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            gzip(plain, stage.resolve(name + ".cert.gz"));
            synchronized (timing) {
                timing.put(name, new double[] {seconds});
                claims.put(name, claim);
            }
        });
        ObjectNode manifest = json.createObjectNode().put("format", "compact-proofs manifest 1");
        ArrayNode entries = manifest.putArray("entries");
        for (String name : todo) {
            entries.addObject().put("certificate", name + ".cert.gz").put("certificateSha256", Auditor.sha256(stage.resolve(name + ".cert.gz")))
                    .put("model", "model.safetensors").put("modelSha256", file.sha256()).put("strategy", name)
                    .put("claim", claims.get(name).toString()).put("total", BigInteger.valueOf(file.model().vocab())
                            .pow(file.model().context()).toString());
        }
        json.writeValue(stage.resolve("MANIFEST.json").toFile(), manifest);
        JsonNode audit = runAudit(stage);
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode r : audit.get("results")) {
            String name = r.get("strategy").asText();
            long ops = 0;
            ObjectNode byKind = json.createObjectNode();
            for (var it = r.get("operations").fields(); it.hasNext(); ) {
                var op = it.next();
                ops += op.getValue().asLong();
                byKind.put(op.getKey(), op.getValue().asLong());
            }
            Path gz = stage.resolve(name + ".cert.gz");
            boolean keep = r.get("accepted").asBoolean() && (ARCHIVED.contains(name) || seed == SHOWCASE);
            String archived = null;
            if (keep) {
                Path target = archive.resolve("max-of-4/seed-" + seed + "/" + name + ".cert.gz");
                Files.createDirectories(target.getParent());
                Files.copy(gz, target, StandardCopyOption.REPLACE_EXISTING);
                archived = archive.relativize(target).toString();
            }
            BigInteger total = BigInteger.valueOf(file.model().vocab()).pow(file.model().context());
            String certified = r.get("accepted").asBoolean() ? r.get("claim").asText() : "0";
            ObjectNode row = json.createObjectNode().put("seed", seed).put("strategy", name).put("modelSha256", file.sha256())
                    .put("certified", certified).put("total", total.toString())
                    .put("bound", new BigInteger(certified).doubleValue() / total.doubleValue())
                    .put("accepted", r.get("accepted").asBoolean())
                    .put("generateSeconds", timing.get(name)[0]).put("checkSeconds", r.get("seconds").asDouble())
                    .put("certificateBytes", Files.size(stage.resolve(name + ".cert"))).put("certificateGzipBytes", Files.size(gz))
                    .put("checkerOperations", ops)
                    .put("unexplainedDimension", ResultsReport.unexplainedDimension(name, file.model().vocab(),
                            file.model().context(), file.model().dModel()));
            row.set("operations", byKind);
            if (archived != null) {
                row.put("certificate", archived).put("certificateSha256", Auditor.sha256(gz)).put("model", archive.toAbsolutePath()
                        .relativize(file.path().toAbsolutePath()).toString());
            }
            if (r.has("problem")) {
                row.put("problem", r.get("problem").asText());
            }
            out.add(row);
        }
        try (var files = Files.list(stage)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(stage);
        return out;
    }

    /** {@code java -jar checker.jar audit STAGE --json --threads 2}: the separate process that judges. */
    private JsonNode runAudit(Path stage) throws IOException {
        Path output = Files.createTempFile("audit", ".json");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", checkerJar.toString(), "audit", stage.toString(), "--json",
                "--threads", Integer.toString(Runtime.getRuntime().availableProcessors()))
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            int code = pb.start().waitFor();
            if (code != 0 && code != 1) {
                throw new UnusableInputException("checker audit of " + stage + " exited with " + code);
            }
            return json.readTree(output.toFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The archive's MANIFEST.json: every archived certificate with its model, hashes and claim. */
    private void writeManifest(Map<String, ObjectNode> rows) throws IOException {
        ObjectNode manifest = json.createObjectNode().put("format", "compact-proofs manifest 1")
                .put("checker", "compact-proofs checker 0.1");
        ArrayNode entries = manifest.putArray("entries");
        for (ObjectNode r : rows.values()) {
            if (r.has("certificate") && Files.exists(archive.resolve(r.get("certificate").asText()))) {
                entries.addObject().put("certificate", r.get("certificate").asText())
                        .put("certificateSha256", r.get("certificateSha256").asText())
                        .put("model", r.get("model").asText()).put("modelSha256", r.get("modelSha256").asText())
                        .put("strategy", r.get("strategy").asText()).put("claim", r.get("certified").asText())
                        .put("total", r.get("total").asText());
            }
        }
        json.writeValue(archive.resolve("MANIFEST.json").toFile(), manifest);
    }

    private Map<String, ObjectNode> read(Path file) throws IOException {
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (JsonNode r : json.readTree(file.toFile()).get("results")) {
                rows.put(r.get("seed").asLong() + "/" + r.get("strategy").asText(), (ObjectNode) r);
            }
        }
        return rows;
    }

    private void write(Path file, Map<String, ObjectNode> rows) throws IOException {
        ObjectNode root = json.createObjectNode().put("format", "compact-proofs results 1");
        ArrayNode results = root.putArray("results");
        rows.values().forEach(results::add);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "results", ".tmp");
        json.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void gzip(Path from, Path to) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
