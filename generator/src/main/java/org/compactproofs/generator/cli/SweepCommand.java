package org.compactproofs.generator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.compactproofs.checker.audit.Manifest;
import org.compactproofs.checker.cli.CheckerMain;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.Inputs;
import org.compactproofs.generator.report.SeedResult;
import org.compactproofs.generator.strategy.ProofInput;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.subcubic.UnionStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The evidence of docs/results.md (K = 4) and docs/results-max-of-K.md: every shipped seed of
 * {@code certificates/models/max-of-K/} proved with the chosen strategies, each certificate judged by the checker jar
 * in a separate process (one {@code checker audit} per seed over that seed's certificates, so that nothing of the
 * generator's judgement is shared), the archived certificates gzipped into
 * {@code certificates/max-of-K/seed-<N>/<strategy>.cert.gz} with {@code certificates/MANIFEST.json} (one manifest
 * for every K: a sweep of one K keeps the others' entries), and the results in
 * {@code certificates/results/max-of-K.json} and {@code .csv}, one compact JSON object per line. Resumable: a seed
 * whose results are recorded for the same model hash and strategies is not redone. Brute force is skipped, with a
 * note, where v^K exceeds 2^31.
 */
@Command(name = "sweep", aliases = "results", mixinStandardHelpOptions = true,
        description = "Certify every shipped Max-of-K seed with the chosen strategies, judge each certificate with the "
                + "checker jar in a separate process, archive every accepted certificate with a MANIFEST, and write "
                + "certificates/results/max-of-K.json, .csv and docs/results.md (K = 4) or docs/results-max-of-K.md. "
                + "Resumable.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--context", defaultValue = "4", description = "Context length K: sweeps the models of "
            + "certificates/models/max-of-K (default: ${DEFAULT-VALUE}).")
    int context;
    @Option(names = "--models", description = "Model directory (default: certificates/models/max-of-K).")
    Path models;
    @Option(names = "--archive", defaultValue = "certificates", description = "Archive root: certificates, MANIFEST.json and results/ (default: ${DEFAULT-VALUE}).")
    Path archive;
    @Option(names = "--markdown", description = "Markdown output (default: docs/results.md for K = 4, docs/results-max-of-K.md otherwise).")
    Path markdown;
    @Option(names = "--checker", defaultValue = "checker/target/checker.jar", description = "The checker jar (default: ${DEFAULT-VALUE}).")
    Path checkerJar;
    @Option(names = "--seeds", split = ",", description = "Seeds (default: every seed-N.safetensors of the model directory).")
    long[] seeds;
    @Option(names = "--strategies", split = ",", description = "Strategies: names, 'grid' (all of the grid) or 'all' "
            + "(default: all for K = 4; otherwise brute force where feasible, cubic, subcubic-maxdiff, subcubic-union, "
            + "the paper's best grid variant and ours).")
    List<String> strategies;
    @Option(names = "--redo", description = "Redo seeds already recorded.")
    boolean redo;
    @Option(names = "--external", split = ",", paramLabel = "NAME", description = "Instead of the seeds: the named "
            + "models of certificates/models/external/ (NAME.safetensors), archived under certificates/external/NAME/ "
            + "and recorded in certificates/results/external.json; docs/results.md is then rewritten from the stored "
            + "results (its findings read external.json), and nothing of max-of-K is redone.")
    List<String> external;

    /** The main strategies: the default for K != 4 (K = 4 runs all 154). Every accepted certificate is archived. */
    static final List<String> MAIN_STRATEGIES = List.of(Strategies.BRUTE_FORCE.name(), Strategies.CUBIC.name(),
            Strategies.SUBCUBIC_MAXDIFF.name(), Strategies.SUBCUBIC_UNION.name(),
            "eupu-max-diff-exact--attn-mean-query+diff--attn-err-exact-eqke+max-diff-exact", UnionStrategy.VARIANT);
    static final long SHOWCASE = 123;

    private final ObjectMapper json = new ObjectMapper();

    /** The name of K's directories and files: max-of-K. */
    static String task(int context) {
        return "max-of-" + context;
    }

    /** Where a seed's certificate of a strategy is archived, relative to the archive root. */
    static String certificatePath(int context, long seed, String strategy) {
        return task(context) + "/seed-" + seed + "/" + strategy + ".cert.gz";
    }

    /** The strategies named on the command line ('all', 'grid' expanded), or K's default; unknown names refused. */
    static List<String> strategies(List<String> requested, int context) {
        List<String> known = Strategies.names(), names = new ArrayList<>();
        for (String s : requested != null ? requested : context == 4 ? List.of("all") : MAIN_STRATEGIES) {
            switch (s) {
                case "all" -> names.addAll(known);
                case "grid" -> Strategies.grid().forEach(g -> names.add(g.name()));
                default -> {
                    if (!known.contains(s)) {
                        throw new UnusableInputException("unknown strategy '" + s + "' (see generator strategies; "
                                + "'grid' and 'all' stand for groups)");
                    }
                    names.add(s);
                }
            }
        }
        return names.stream().distinct().toList();
    }

    /** The strategies without brute force when the model's v^K inputs cannot be enumerated (said on stderr once). */
    static List<String> feasible(List<String> names, Model m, boolean[] told) {
        String bruteForce = Strategies.BRUTE_FORCE.name();
        if (!names.contains(bruteForce) || Inputs.enumerable(m)) {
            return names;
        }
        if (!told[0]) {
            told[0] = true;
            System.err.println(Inputs.bruteForceOutOfReach(m));
        }
        return names.stream().filter(n -> !n.equals(bruteForce)).toList();
    }

    /** Where an external model's certificate of a strategy is archived, relative to the archive root. */
    static String externalCertificatePath(String name, String strategy) {
        return EXTERNAL + name + "/" + strategy + ".cert.gz";
    }

    /** The archive's directory of external models' certificates (and their MANIFEST entries' prefix). */
    static final String EXTERNAL = "external/";

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(checkerJar)) {
            throw new UnusableInputException(checkerJar + ": no checker jar (build first: mvn -q package -DskipTests)");
        }
        if (external != null) {
            return sweepExternal();
        }
        Path modelDir = models != null ? models : Path.of("certificates/models/" + task(context));
        Path markdownFile = markdown != null ? markdown
                : Path.of(context == 4 ? "docs/results.md" : "docs/results-" + task(context) + ".md");
        long[] list = seeds != null ? seeds : shippedSeeds(modelDir);
        List<String> names = strategies(strategies, context);
        Map<Long, SeedResult.Estimate> estimates = estimates(modelDir);
        Path jsonFile = archive.resolve("results/" + task(context) + ".json");
        Map<String, ObjectNode> rows = read(jsonFile);
        boolean[] told = {false};
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("sweep " + task(context)).setInitialMax(list.length)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(System.console() != null ? 200 : 60_000).build()) {
            for (long seed : list) {
                Path model = modelDir.resolve("seed-" + seed + ".safetensors");
                ModelReader.ModelFile file = ModelReader.read(model);
                if (file.model().context() != context) {
                    throw new UnusableInputException(model + ": context " + file.model().context() + ", but this is the "
                            + "sweep of " + task(context) + " (--context " + context + ")");
                }
                List<String> todo = feasible(names, file.model(), told).stream().filter(n -> redo || !file.sha256().equals(
                        rows.getOrDefault(seed + "/" + n, json.createObjectNode()).path("modelSha256").asText())).toList();
                if (!todo.isEmpty()) {
                    for (ObjectNode r : sweepSeed(seed, file, todo)) {
                        rows.put(seed + "/" + r.get("strategy").asText(), r);
                    }
                    write(jsonFile, rows, estimates);
                }
                bar.step();
            }
        }
        write(jsonFile, rows, estimates);
        List<SeedResult> results = seedResults(rows, estimates);
        Path csv = archive.resolve("results/" + task(context) + ".csv");
        ResultsReport.writeCsv(csv, results);
        ResultsReport.writeMarkdown(markdownFile, results, context, externalResults());
        List<ObjectNode> entries = new ArrayList<>();
        for (ObjectNode r : rows.values()) {
            long seed = r.get("seed").asLong();
            entries.add(manifestEntry(r, certificatePath(context, seed, r.get("strategy").asText()),
                    modelDir.resolve("seed-" + seed + ".safetensors")));
        }
        writeManifest(task(context) + "/", entries);
        System.out.println("wrote " + jsonFile + ", " + csv + ", " + archive.resolve("MANIFEST.json") + " and " + markdownFile);
        return 0;
    }

    private static List<SeedResult> seedResults(Map<String, ObjectNode> rows, Map<Long, SeedResult.Estimate> estimates) {
        List<SeedResult> results = new ArrayList<>();
        for (ObjectNode r : rows.values()) {
            results.add(new SeedResult(r.get("seed").asLong(), r.get("strategy").asText(),
                    new BigInteger(r.get("certified").asText()), new BigInteger(r.get("total").asText()),
                    r.get("generateSeconds").asDouble(), r.get("checkSeconds").asDouble(),
                    r.get("certificateBytes").asLong(), r.get("checkerOperations").asLong(),
                    r.get("unexplainedDimension").bigIntegerValue(), estimates.get(r.get("seed").asLong())));
        }
        ResultsReport.sort(results);
        return results;
    }

    /**
     * {@code --external}: models from outside the project, each with the chosen strategies (default: K's), judged
     * and archived as a seed is, under {@code certificates/external/NAME/}; results in
     * {@code certificates/results/external.json} keyed by name; MANIFEST entries under {@code external/} rebuilt
     * from those rows, the other entries kept as they are; then docs/results.md rewritten from the stored Max-of-4
     * results (no Max-of-4 seed is redone), so that its findings section shows the external models' figures.
     */
    private Integer sweepExternal() throws IOException {
        Path modelDir = models != null ? models : Path.of("certificates/models/external");
        Path jsonFile = archive.resolve("results/external.json");
        Map<String, ObjectNode> rows = readExternal(jsonFile);
        for (String name : external) {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}")) {
                throw new UnusableInputException("'" + name + "': an external model's name is its file name without "
                        + ".safetensors (letters, digits, . _ + -)");
            }
            ModelReader.ModelFile file = ModelReader.read(modelDir.resolve(name + ".safetensors"));
            List<String> todo = feasible(strategies(strategies, file.model().context()), file.model(), new boolean[1])
                    .stream().filter(n -> redo || !file.sha256().equals(rows.getOrDefault(name + "/" + n,
                            json.createObjectNode()).path("modelSha256").asText())).toList();
            if (!todo.isEmpty()) {
                for (ObjectNode r : judge(json.createObjectNode().put("name", name), file, todo,
                        n -> externalCertificatePath(name, n))) {
                    rows.put(name + "/" + r.get("strategy").asText(), r);
                }
                writeExternal(jsonFile, rows);
            }
        }
        writeExternal(jsonFile, rows);
        List<ObjectNode> entries = new ArrayList<>();
        for (ObjectNode r : rows.values()) {
            String name = r.get("name").asText();
            entries.add(manifestEntry(r, externalCertificatePath(name, r.get("strategy").asText()),
                    modelDir.resolve(name + ".safetensors")));
        }
        writeManifest(EXTERNAL, entries);
        Path markdownFile = markdown != null ? markdown : Path.of("docs/results.md");
        Path fourJson = archive.resolve("results/" + task(4) + ".json");
        if (Files.exists(fourJson)) {
            ResultsReport.writeMarkdown(markdownFile, seedResults(read(fourJson),
                    estimates(archive.resolve("models/" + task(4)))), 4, externalResults());
        }
        System.out.println("wrote " + jsonFile + ", " + archive.resolve("MANIFEST.json")
                + (Files.exists(fourJson) ? " and " + markdownFile : ""));
        return 0;
    }

    /** The external models' rows of certificates/results/external.json (empty when there is none). */
    List<JsonNode> externalResults() throws IOException {
        return new ArrayList<>(readExternal(archive.resolve("results/external.json")).values());
    }

    private Map<String, ObjectNode> readExternal(Path file) throws IOException {
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (JsonNode r : json.readTree(file.toFile()).get("results")) {
                rows.put(r.get("name").asText() + "/" + r.get("strategy").asText(), (ObjectNode) r);
            }
        }
        return rows;
    }

    private void writeExternal(Path file, Map<String, ObjectNode> rows) throws IOException {
        CompactJson.write(file, json.createObjectNode().put("format", "compact-proofs results 1"), "results", rows.values());
    }

    /** Every seed-N.safetensors of the directory, in increasing order. */
    static long[] shippedSeeds(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UnusableInputException(dir + ": no model directory (the shipped models of this K)");
        }
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("seed-\\d{1,18}\\.safetensors"))
                    .mapToLong(n -> Long.parseLong(n.substring(5, n.length() - ".safetensors".length()))).sorted().toArray();
        }
    }

    /**
     * The sampled accuracy estimates of the model index ({@code index.json}: an array of entries, or an object with
     * one, each with {@code seed} and, when measured, {@code sampledAccuracyEstimate}, {@code sampledAccuracy95Low},
     * {@code sampledAccuracy95High}, {@code samples}); empty when there is no index.
     */
    Map<Long, SeedResult.Estimate> estimates(Path dir) throws IOException {
        Map<Long, SeedResult.Estimate> out = new LinkedHashMap<>();
        Path index = dir.resolve("index.json");
        if (!Files.exists(index)) {
            return out;
        }
        JsonNode root = json.readTree(index.toFile());
        JsonNode entries = root.isArray() ? root : root.path("models").isArray() ? root.get("models") : root.path("entries");
        for (JsonNode e : entries) {
            if (e.has("seed") && e.has("sampledAccuracyEstimate")) {
                out.put(e.get("seed").asLong(), new SeedResult.Estimate(e.get("sampledAccuracyEstimate").asDouble(),
                        e.path("sampledAccuracy95Low").asDouble(Double.NaN), e.path("sampledAccuracy95High").asDouble(Double.NaN),
                        e.path("samples").asLong()));
            }
        }
        return out;
    }

    /** Proves the strategies of one seed, has the checker jar audit them in one separate process, archives. */
    List<ObjectNode> sweepSeed(long seed, ModelReader.ModelFile file, List<String> todo) throws IOException {
        return judge(json.createObjectNode().put("seed", seed), file, todo,
                name -> certificatePath(file.model().context(), seed, name));
    }

    /**
     * Proves the strategies on one model, has the checker jar audit them in one separate process, and archives each
     * accepted certificate at {@code target(strategy)} (relative to the archive root); a row per strategy, starting
     * with the fields of {@code key} (the seed, or an external model's name).
     */
    private List<ObjectNode> judge(ObjectNode key, ModelReader.ModelFile file, List<String> todo,
                                   java.util.function.Function<String, String> target) throws IOException {
        Path stage = Files.createTempDirectory("compact-proofs-sweep");
        Path model = stage.resolve("model.safetensors");
        Files.copy(file.path(), model);
        Map<String, double[]> timing = new LinkedHashMap<>();
        Map<String, BigInteger> claims = new LinkedHashMap<>();
        ProofInput input = new ProofInput(file, 1); // the grid's tables shared by its variants
        todo.parallelStream().forEach(name -> {
            Path plain = stage.resolve(name + ".cert");
            long start = System.nanoTime();
            BigInteger claim = Strategies.named(name).prove(input, plain);
            double seconds = (System.nanoTime() - start) / 1e9;
            gzip(plain, stage.resolve(name + ".cert.gz"));
            synchronized (timing) {
                timing.put(name, new double[] {seconds});
                claims.put(name, claim);
            }
        });
        BigInteger total = Inputs.count(file.model());
        List<ObjectNode> entries = new ArrayList<>();
        for (String name : todo) {
            entries.add(manifestEntry(name + ".cert.gz", Auditor.sha256(stage.resolve(name + ".cert.gz")),
                    "model.safetensors", file.sha256(), name, claims.get(name).toString(), total.toString()));
        }
        CompactJson.write(stage.resolve("MANIFEST.json"), json.createObjectNode().put("format", Manifest.FORMAT)
                .put("checker", CheckerMain.VERSION), "entries", entries);
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
            boolean keep = r.get("accepted").asBoolean(); // a rejection is a generator bug: reported, not archived
            if (keep) {
                Path archived = archive.resolve(target.apply(name));
                Files.createDirectories(archived.getParent());
                Files.copy(gz, archived, StandardCopyOption.REPLACE_EXISTING);
            }
            String certified = r.get("accepted").asBoolean() ? r.get("claim").asText() : "0";
            ObjectNode row = key.deepCopy().put("strategy", name).put("modelSha256", file.sha256())
                    .put("certified", certified).put("total", total.toString())
                    .put("bound", new BigInteger(certified).doubleValue() / total.doubleValue())
                    .put("accepted", r.get("accepted").asBoolean())
                    .put("generateSeconds", millis(timing.get(name)[0])).put("checkSeconds", millis(r.get("seconds").asDouble()))
                    .put("certificateBytes", Files.size(stage.resolve(name + ".cert"))).put("certificateGzipBytes", Files.size(gz))
                    .put("checkerOperations", ops)
                    .put("unexplainedDimension", Strategies.named(name).unexplainedDimension(file.model().vocab(),
                            file.model().context(), file.model().dModel()));
            row.set("operations", byKind);
            if (keep) { // archived at target(strategy)
                row.put("certificateSha256", Auditor.sha256(gz));
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

    /** Seconds to the millisecond: finer digits are noise, and every row carries two. */
    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
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

    /** A row's MANIFEST entry, if its certificate was accepted and is in the archive (else null). */
    private ObjectNode manifestEntry(ObjectNode row, String certificate, Path model) {
        if (!row.has("certificateSha256") || !Files.exists(archive.resolve(certificate))) {
            return null;
        }
        return manifestEntry(certificate, row.get("certificateSha256").asText(), archive.toAbsolutePath().normalize()
                .relativize(model.toAbsolutePath().normalize()).toString(), row.get("modelSha256").asText(),
                row.get("strategy").asText(), row.get("certified").asText(), row.get("total").asText());
    }

    private ObjectNode manifestEntry(String certificate, String certificateSha256, String model, String modelSha256,
                                     String strategy, String claim, String total) {
        return json.createObjectNode().put("certificate", certificate).put("certificateSha256", certificateSha256)
                .put("model", model).put("modelSha256", modelSha256).put("strategy", strategy).put("claim", claim)
                .put("total", total);
    }

    /**
     * The archive's MANIFEST.json: every archived certificate of every K, and of the external models, with its
     * model, hashes and claim. The entries under {@code prefix} (this K's, or the external models') are rebuilt from
     * {@code own} (null items skipped); the others are kept as they are. Max-of-K entries come by increasing K, the
     * external models' after them, so that adding an external model appends lines.
     */
    private void writeManifest(String prefix, List<ObjectNode> own) throws IOException {
        Path file = archive.resolve("MANIFEST.json");
        List<ObjectNode> entries = new ArrayList<>();
        if (Files.exists(file)) {
            for (JsonNode e : json.readTree(file.toFile()).path("entries")) {
                if (!e.path("certificate").asText().startsWith(prefix)) {
                    entries.add((ObjectNode) e);
                }
            }
        }
        own.stream().filter(java.util.Objects::nonNull).forEach(entries::add);
        entries.sort(Comparator.comparingInt(e -> contextOf(e.path("certificate").asText())));
        CompactJson.write(file, json.createObjectNode().put("format", Manifest.FORMAT)
                .put("checker", CheckerMain.VERSION), "entries", entries);
    }

    /** K of a path max-of-K/..., for the manifest's order (after every K for anything else: external/...). */
    private static int contextOf(String certificate) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^max-of-(\\d{1,6})/").matcher(certificate);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** The rows of a results file (paths earlier versions stored are dropped: they are derived). */
    private Map<String, ObjectNode> read(Path file) throws IOException {
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (JsonNode r : json.readTree(file.toFile()).get("results")) {
                ((ObjectNode) r).remove(List.of("certificate", "model"));
                rows.put(r.get("seed").asLong() + "/" + r.get("strategy").asText(), (ObjectNode) r);
            }
        }
        return rows;
    }

    /** The results, one compact JSON object per line, each with its seed's sampled estimate when the index has one. */
    private void write(Path file, Map<String, ObjectNode> rows, Map<Long, SeedResult.Estimate> estimates) throws IOException {
        for (ObjectNode r : rows.values()) {
            SeedResult.Estimate e = estimates.get(r.get("seed").asLong());
            if (e != null) {
                r.put("sampledAccuracyEstimate", e.accuracy()).put("sampledAccuracy95Low", e.low95())
                        .put("sampledAccuracy95High", e.high95()).put("samples", e.samples());
            }
        }
        CompactJson.write(file, json.createObjectNode().put("format", "compact-proofs results 1").put("context", context),
                "results", rows.values());
    }

    private static void gzip(Path from, Path to) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
