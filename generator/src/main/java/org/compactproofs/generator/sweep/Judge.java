package org.compactproofs.generator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.compactproofs.checker.audit.Auditor;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.Inputs;
import org.compactproofs.generator.strategy.Strategies;

/**
 * Proves strategies on one model ({@link Stage}), has the checker jar audit them in one separate process
 * ({@link CheckerProcess}), and archives each accepted certificate; a rejection is a generator bug: reported in
 * its row, not archived. One results row per strategy.
 */
public final class Judge {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Archive archive;
    private final CheckerProcess checker;
    private final List<String> unarchived;

    /** {@code unarchived}: strategies whose accepted certificates are recorded but not archived (the size budget). */
    public Judge(Archive archive, CheckerProcess checker, List<String> unarchived) {
        this.archive = archive;
        this.checker = checker;
        this.unarchived = unarchived;
    }

    /** A seed's model, archived at {@code TASK/seed-<N>/} ({@link Archive#task(int, Path)}); rows start with the seed. */
    public List<ObjectNode> seed(String task, long seed, ModelReader.ModelFile file, List<String> strategies) throws IOException {
        return judge(JSON.createObjectNode().put("seed", seed), file, strategies,
                name -> Archive.certificate(task, seed, name));
    }

    /** An external model, archived at {@code external/NAME/}; its rows start with the name. */
    List<ObjectNode> external(String name, ModelReader.ModelFile file, List<String> strategies) throws IOException {
        return judge(JSON.createObjectNode().put("name", name), file, strategies,
                strategy -> Archive.externalCertificate(name, strategy));
    }

    /**
     * The rows of one model's strategies, each starting with the fields of {@code key}; an accepted certificate is
     * archived at {@code target(strategy)} (relative to the archive root).
     */
    private List<ObjectNode> judge(ObjectNode key, ModelReader.ModelFile file, List<String> strategies,
                                   Function<String, String> target) throws IOException {
        Stage stage = Stage.prove(file, strategies);
        JsonNode audit = checker.audit(stage.dir());
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode r : audit.get("results")) {
            String name = r.get("strategy").asText();
            Path gz = stage.gzipped(name);
            boolean keep = r.get("accepted").asBoolean() && !unarchived.contains(name);
            if (keep) {
                archive.store(gz, target.apply(name));
            }
            ObjectNode row = row(key, file, name, r, stage);
            if (keep) { // archived at target(strategy)
                row.put("certificateSha256", Auditor.sha256(gz));
            } else if (r.get("accepted").asBoolean()) { // accepted, left out of the archive: the size budget
                row.put("archived", false);
            }
            if (r.has("problem")) {
                row.put("problem", r.get("problem").asText());
            }
            out.add(row);
        }
        stage.delete();
        return out;
    }

    /** The row of one strategy from the audit's result {@code r}: the count certified, the costs, the operations. */
    private static ObjectNode row(ObjectNode key, ModelReader.ModelFile file, String name, JsonNode r, Stage stage)
            throws IOException {
        long ops = 0;
        ObjectNode byKind = JSON.createObjectNode();
        for (var it = r.get("operations").fields(); it.hasNext(); ) {
            var op = it.next();
            ops += op.getValue().asLong();
            byKind.put(op.getKey(), op.getValue().asLong());
        }
        Model m = file.model();
        BigInteger total = Inputs.count(m);
        String certified = r.get("accepted").asBoolean() ? r.get("claim").asText() : "0";
        ObjectNode row = key.deepCopy().put("strategy", name).put("modelSha256", file.sha256())
                .put("certified", certified).put("total", total.toString())
                .put("bound", new BigInteger(certified).doubleValue() / total.doubleValue())
                .put("accepted", r.get("accepted").asBoolean())
                .put("generateSeconds", millis(stage.seconds(name))).put("checkSeconds", millis(r.get("seconds").asDouble()))
                .put("certificateBytes", Files.size(stage.plain(name))).put("certificateGzipBytes", Files.size(stage.gzipped(name)))
                .put("checkerOperations", ops)
                .put("unexplainedDimension", Strategies.named(name).unexplainedDimension(m.vocab(), m.context(), m.dModel()));
        row.set("operations", byKind);
        return row;
    }

    /** Seconds to the millisecond: finer digits are noise, and every row carries two. */
    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
