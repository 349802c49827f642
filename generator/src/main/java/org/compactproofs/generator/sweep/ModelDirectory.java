package org.compactproofs.generator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.generator.report.SeedResult;

/** A directory of shipped models ({@code certificates/models/max-of-K/}): its seeds and its index's estimates. */
final class ModelDirectory {
    private ModelDirectory() {}

    /** Every seed-N.safetensors of the directory, in increasing order. */
    static long[] seeds(Path dir) throws IOException {
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
    static Map<Long, SeedResult.Estimate> estimates(Path dir) throws IOException {
        Map<Long, SeedResult.Estimate> out = new LinkedHashMap<>();
        Path index = dir.resolve("index.json");
        if (!Files.exists(index)) {
            return out;
        }
        JsonNode root = new ObjectMapper().readTree(index.toFile());
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
}
