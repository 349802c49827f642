package org.compactproofs.generator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactproofs.generator.report.SeedResult;

/**
 * The sweep's results files, one compact JSON object per line: a K's ({@code results/max-of-K.json}, rows keyed
 * {@code seed/strategy}) and the external models' ({@code results/external.json}, keyed {@code name/strategy}).
 */
final class ResultsFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "compact-proofs results 1";

    private ResultsFile() {}

    /** The rows of a K's results file (paths earlier versions stored are dropped: they are derived). */
    static Map<String, ObjectNode> read(Path file) throws IOException {
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (JsonNode r : JSON.readTree(file.toFile()).get("results")) {
                ((ObjectNode) r).remove(List.of("certificate", "model"));
                rows.put(r.get("seed").asLong() + "/" + r.get("strategy").asText(), (ObjectNode) r);
            }
        }
        return rows;
    }

    /** A K's results, each row with its seed's sampled estimate when the index has one. */
    static void write(Path file, int context, Map<String, ObjectNode> rows, Map<Long, SeedResult.Estimate> estimates)
            throws IOException {
        for (ObjectNode r : rows.values()) {
            SeedResult.Estimate e = estimates.get(r.get("seed").asLong());
            if (e != null) {
                r.put("sampledAccuracyEstimate", e.accuracy()).put("sampledAccuracy95Low", e.low95())
                        .put("sampledAccuracy95High", e.high95()).put("samples", e.samples());
            }
        }
        CompactJson.write(file, JSON.createObjectNode().put("format", FORMAT).put("context", context), "results",
                rows.values());
    }

    /** The rows of the external models' results file (empty when there is none). */
    static Map<String, ObjectNode> readExternal(Path file) throws IOException {
        Map<String, ObjectNode> rows = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (JsonNode r : JSON.readTree(file.toFile()).get("results")) {
                rows.put(r.get("name").asText() + "/" + r.get("strategy").asText(), (ObjectNode) r);
            }
        }
        return rows;
    }

    static void writeExternal(Path file, Map<String, ObjectNode> rows) throws IOException {
        CompactJson.write(file, JSON.createObjectNode().put("format", FORMAT), "results", rows.values());
    }

    /** A K's rows as results for the tables, in the tables' order. */
    static List<SeedResult> seedResults(Map<String, ObjectNode> rows, Map<Long, SeedResult.Estimate> estimates) {
        List<SeedResult> results = new ArrayList<>();
        for (ObjectNode r : rows.values()) {
            results.add(new SeedResult(r.get("seed").asLong(), r.get("strategy").asText(),
                    new BigInteger(r.get("certified").asText()), new BigInteger(r.get("total").asText()),
                    r.get("generateSeconds").asDouble(), r.get("checkSeconds").asDouble(),
                    r.get("certificateBytes").asLong(), r.get("checkerOperations").asLong(),
                    r.path("operations").path("tables.exact-multiply-adds").asLong(0),
                    r.get("unexplainedDimension").bigIntegerValue(), estimates.get(r.get("seed").asLong()),
                    r.path("archived").asBoolean(true)));
        }
        ResultsReport.sort(results);
        return results;
    }
}
