package org.compactproofs.generator.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.compactproofs.checker.audit.Auditor;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.Inputs;
import org.compactproofs.generator.strategy.ProofInput;
import org.compactproofs.generator.strategy.Strategies;

/**
 * A temporary directory laid out as an archive that {@code checker audit} reads: one model
 * ({@code model.safetensors}), its certificate of each strategy plain ({@code NAME.cert}) and gzipped
 * ({@code NAME.cert.gz}), and a MANIFEST of the gzipped ones with their claims.
 */
final class Stage {
    private final Path dir;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    private Stage(Path dir) {
        this.dir = dir;
    }

    /** Proves the strategies on the model, in parallel (the grid's tables shared by its variants), into a new stage. */
    static Stage prove(ModelReader.ModelFile file, List<String> strategies) throws IOException {
        Stage stage = new Stage(Files.createTempDirectory("compact-proofs-sweep"));
        Files.copy(file.path(), stage.dir.resolve("model.safetensors"));
        Map<String, BigInteger> claims = new LinkedHashMap<>();
        ProofInput input = new ProofInput(file, 1);
        strategies.parallelStream().forEach(name -> {
            long start = System.nanoTime();
            BigInteger claim = Strategies.named(name).prove(input, stage.plain(name));
            double seconds = (System.nanoTime() - start) / 1e9;
            gzip(stage.plain(name), stage.gzipped(name));
            synchronized (stage.seconds) {
                stage.seconds.put(name, seconds);
                claims.put(name, claim);
            }
        });
        BigInteger total = Inputs.count(file.model());
        List<ObjectNode> entries = new ArrayList<>();
        for (String name : strategies) {
            entries.add(ManifestWriter.entry(name + ".cert.gz", Auditor.sha256(stage.gzipped(name)), "model.safetensors",
                    file.sha256(), name, claims.get(name).toString(), total.toString()));
        }
        ManifestWriter.write(stage.dir.resolve("MANIFEST.json"), entries);
        return stage;
    }

    Path dir() {
        return dir;
    }

    /** A strategy's certificate as written. */
    Path plain(String strategy) {
        return dir.resolve(strategy + ".cert");
    }

    /** A strategy's certificate gzipped, as archived. */
    Path gzipped(String strategy) {
        return dir.resolve(strategy + ".cert.gz");
    }

    /** The seconds a strategy's proof took, writing the certificate included. */
    double seconds(String strategy) {
        return seconds.get(strategy);
    }

    /** Removes the stage and everything in it. */
    void delete() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static void gzip(Path from, Path to) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(from, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
