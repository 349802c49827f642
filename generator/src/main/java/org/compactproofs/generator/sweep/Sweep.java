package org.compactproofs.generator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.report.SeedResult;
import org.compactproofs.generator.strategy.Strategies;

/**
 * The evidence of docs/results.md (K = 4) and docs/results-max-of-K.md: every shipped seed of
 * {@code certificates/models/max-of-K/} proved with the chosen strategies, each certificate judged by the checker jar
 * in a separate process (one {@code checker audit} per seed over that seed's certificates, so that nothing of the
 * generator's judgement is shared), the archived certificates gzipped into
 * {@code certificates/max-of-K/seed-<N>/<strategy>.cert.gz} with {@code certificates/MANIFEST.json} (one manifest
 * for every K: a sweep of one K keeps the others' entries), and the results in
 * {@code certificates/results/max-of-K.json} and {@code .csv}, one compact JSON object per line. Resumable: a seed
 * whose results are recorded for the same model hash and strategies is not redone. Brute force is skipped, with a
 * note, where v^K exceeds 2^31, and cubic where its worst case exceeds the checker's default --max-work. A model
 * directory of a larger vocabulary ({@code max-of-K-vocab-V}, issue 16) is its own task: archived under its name,
 * its results in {@code results/max-of-K-vocab-V.json}, the main strategies by default, and docs/results-scale.md
 * rewritten from every such task ({@link ScaleReport}).
 */
public final class Sweep {
    /**
     * What to sweep: K, the model directory (null: {@code certificates/models/max-of-K}, or {@code .../external}), the
     * archive root, the results page (null: K's default), the checker jar, the seeds (null: every model of the
     * directory), the strategies (null: K's default, see {@link StrategySelection}), whether to redo recorded ones,
     * and the strategies judged and recorded but not archived (their rows say so, and how to regenerate them: the
     * archive's size budget, issue 16).
     */
    public record Options(int context, Path models, Path archive, Path markdown, Path checkerJar, long[] seeds,
                          List<String> strategies, boolean redo, List<String> unarchived) {
        /** Every accepted certificate archived. */
        public Options(int context, Path models, Path archive, Path markdown, Path checkerJar, long[] seeds,
                       List<String> strategies, boolean redo) {
            this(context, models, archive, markdown, checkerJar, seeds, strategies, redo, List.of());
        }
    }

    /** What a sweep tells as it goes, for a person (the command prints it). */
    public interface Listener {
        /** Before the first seed of {@code task} ({@code max-of-K}). */
        void started(String task, int seeds);

        void seedDone();

        /** After the last seed, or on the way out of a failure. */
        void finished();

        /** A line of note, once per kind (brute force or cubic skipped). */
        void note(String line);
    }

    /** The files a sweep wrote: results JSON, CSV (null for external models), MANIFEST and the results page (or null). */
    public record Written(Path results, Path csv, Path manifest, Path markdown) {}

    private final Options options;
    private final Archive archive;

    public Sweep(Options options) {
        this.options = options;
        this.archive = new Archive(options.archive());
    }

    /** The sweep of K: every seed's missing rows, then the results files, the page and K's MANIFEST entries. */
    public Written run(Listener listener) throws IOException {
        int context = options.context();
        Judge judge = new Judge(archive, new CheckerProcess(options.checkerJar()), options.unarchived());
        Path modelDir = options.models() != null ? options.models() : Path.of("certificates/models/" + Archive.task(context));
        String task = Archive.task(context, modelDir);
        boolean scale = Archive.isScale(task);
        Path markdown = options.markdown() != null ? options.markdown() : Path.of(scale ? "docs/results-scale.md"
                : context == 4 ? "docs/results.md" : "docs/results-" + task + ".md");
        long[] seeds = options.seeds() != null ? options.seeds() : ModelDirectory.seeds(modelDir);
        List<String> names = StrategySelection.strategies(options.strategies() == null && scale
                ? StrategySelection.MAIN_STRATEGIES : options.strategies(), context);
        Map<Long, SeedResult.Estimate> estimates = ModelDirectory.estimates(modelDir);
        Path json = archive.results(task);
        Map<String, ObjectNode> rows = ResultsFile.read(json);
        java.util.Set<String> told = new java.util.HashSet<>();
        Consumer<String> once = line -> {
            if (told.add(line.replaceAll("[0-9,.]+", "#"))) { // one note per kind, not per seed
                listener.note(line);
            }
        };
        listener.started("sweep " + task, seeds.length);
        try {
            for (long seed : seeds) {
                Path model = modelDir.resolve("seed-" + seed + ".safetensors");
                ModelReader.ModelFile file = ModelReader.read(model);
                if (file.model().context() != context) {
                    throw new UnusableInputException(model + ": context " + file.model().context() + ", but this is the "
                            + "sweep of " + task + " (--context " + context + ")");
                }
                if (scale && !task.endsWith("-vocab-" + file.model().vocab())) {
                    throw new UnusableInputException(model + ": vocabulary " + file.model().vocab() + ", but its directory "
                            + "names the task " + task);
                }
                List<String> todo = todo(StrategySelection.feasible(names, file.model(), once,
                        options.strategies() != null && options.strategies().contains(Strategies.CUBIC.name())), file, seed + "/", rows);
                if (!todo.isEmpty()) {
                    for (ObjectNode r : judge.seed(task, seed, file, todo)) {
                        rows.put(seed + "/" + r.get("strategy").asText(), r);
                    }
                    ResultsFile.write(json, context, rows, estimates);
                }
                listener.seedDone();
            }
        } finally {
            listener.finished();
        }
        ResultsFile.write(json, context, rows, estimates);
        List<SeedResult> results = ResultsFile.seedResults(rows, estimates);
        Path csv = archive.csv(task);
        ResultsReport.writeCsv(csv, results);
        if (scale) {
            ScaleReport.write(archive, markdown);
        } else {
            ResultsReport.writeMarkdown(markdown, results, context, externalResults());
        }
        List<ObjectNode> entries = new ArrayList<>();
        for (ObjectNode r : rows.values()) {
            if (!r.path("archived").asBoolean(true)) {
                continue;
            }
            long seed = r.get("seed").asLong();
            entries.add(ManifestWriter.entry(archive, r, Archive.certificate(task, seed, r.get("strategy").asText()),
                    modelDir.resolve("seed-" + seed + ".safetensors")));
        }
        ManifestWriter.update(archive, task + "/", entries);
        return new Written(json, csv, archive.manifest(), markdown);
    }

    /**
     * The external models of {@code certificates/models/external/} by name, each with the chosen strategies (default:
     * K's), judged and archived as a seed is, under {@code certificates/external/NAME/}; results in
     * {@code certificates/results/external.json} keyed by name; MANIFEST entries under {@code external/} rebuilt
     * from those rows, the other entries kept as they are; then docs/results.md rewritten from the stored Max-of-4
     * results (no Max-of-4 seed is redone), so that its findings section shows the external models' figures.
     */
    public Written runExternal(List<String> names, Listener listener) throws IOException {
        Judge judge = new Judge(archive, new CheckerProcess(options.checkerJar()), options.unarchived());
        Path modelDir = options.models() != null ? options.models() : Path.of("certificates/models/external");
        Path json = archive.externalResults();
        Map<String, ObjectNode> rows = ResultsFile.readExternal(json);
        for (String name : names) {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}")) {
                throw new UnusableInputException("'" + name + "': an external model's name is its file name without "
                        + ".safetensors (letters, digits, . _ + -)");
            }
            ModelReader.ModelFile file = ModelReader.read(modelDir.resolve(name + ".safetensors"));
            List<String> todo = todo(StrategySelection.feasible(StrategySelection.strategies(options.strategies(),
                    file.model().context()), file.model(), listener::note), file, name + "/", rows);
            if (!todo.isEmpty()) {
                for (ObjectNode r : judge.external(name, file, todo)) {
                    rows.put(name + "/" + r.get("strategy").asText(), r);
                }
                ResultsFile.writeExternal(json, rows);
            }
        }
        ResultsFile.writeExternal(json, rows);
        List<ObjectNode> entries = new ArrayList<>();
        for (ObjectNode r : rows.values()) {
            String name = r.get("name").asText();
            entries.add(ManifestWriter.entry(archive, r, Archive.externalCertificate(name, r.get("strategy").asText()),
                    modelDir.resolve(name + ".safetensors")));
        }
        ManifestWriter.update(archive, Archive.EXTERNAL, entries);
        Path markdown = options.markdown() != null ? options.markdown() : Path.of("docs/results.md");
        Path fourJson = archive.results(Archive.task(4));
        if (!Files.exists(fourJson)) {
            return new Written(json, null, archive.manifest(), null);
        }
        ResultsReport.writeMarkdown(markdown, ResultsFile.seedResults(ResultsFile.read(fourJson),
                ModelDirectory.estimates(archive.resolve("models/" + Archive.task(4)))), 4, externalResults());
        return new Written(json, null, archive.manifest(), markdown);
    }

    /** The strategies not yet recorded for this model's hash under {@code key} (all of them with --redo). */
    private List<String> todo(List<String> strategies, ModelReader.ModelFile file, String key, Map<String, ObjectNode> rows) {
        return strategies.stream().filter(n -> options.redo() || !rows.containsKey(key + n)
                || !file.sha256().equals(rows.get(key + n).path("modelSha256").asText())).toList();
    }

    /** The external models' rows of certificates/results/external.json (empty when there is none). */
    private List<JsonNode> externalResults() throws IOException {
        return new ArrayList<>(ResultsFile.readExternal(archive.externalResults()).values());
    }
}
