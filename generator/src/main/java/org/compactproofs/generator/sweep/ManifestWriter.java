package org.compactproofs.generator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactproofs.checker.audit.Manifest;
import org.compactproofs.checker.cli.CheckerMain;

/**
 * The lines of a MANIFEST.json ({@link Manifest#FORMAT}, one compact entry per line): the archive's, listing every
 * archived certificate of every K and of the external models with its model, hashes and claim, and a stage's, the
 * certificates of one model that a checker process is about to judge.
 */
final class ManifestWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MAX_OF_K = Pattern.compile("^max-of-(\\d{1,6})/");

    private ManifestWriter() {}

    /** One entry, its fields in the order of every MANIFEST line. */
    static ObjectNode entry(String certificate, String certificateSha256, String model, String modelSha256,
                            String strategy, String claim, String total) {
        return JSON.createObjectNode().put("certificate", certificate).put("certificateSha256", certificateSha256)
                .put("model", model).put("modelSha256", modelSha256).put("strategy", strategy).put("claim", claim)
                .put("total", total);
    }

    /** A results row's entry, if its certificate was accepted and is in the archive (else null). */
    static ObjectNode entry(Archive archive, ObjectNode row, String certificate, Path model) {
        if (!row.has("certificateSha256") || !Files.exists(archive.resolve(certificate))) {
            return null;
        }
        return entry(certificate, row.get("certificateSha256").asText(), archive.root().toAbsolutePath().normalize()
                .relativize(model.toAbsolutePath().normalize()).toString(), row.get("modelSha256").asText(),
                row.get("strategy").asText(), row.get("certified").asText(), row.get("total").asText());
    }

    /** A MANIFEST.json of these entries, with the format and the checker's version. */
    static void write(Path file, List<ObjectNode> entries) throws IOException {
        CompactJson.write(file, JSON.createObjectNode().put("format", Manifest.FORMAT).put("checker", CheckerMain.VERSION),
                "entries", entries);
    }

    /**
     * The archive's MANIFEST.json: the entries under {@code prefix} (a K's, or the external models') are rebuilt
     * from {@code own} (null items skipped); the others are kept as they are. Max-of-K entries come by increasing
     * K, the external models' after them, so that adding an external model appends lines.
     */
    static void update(Archive archive, String prefix, List<ObjectNode> own) throws IOException {
        Path file = archive.manifest();
        List<ObjectNode> entries = new ArrayList<>();
        if (Files.exists(file)) {
            for (JsonNode e : JSON.readTree(file.toFile()).path("entries")) {
                if (!e.path("certificate").asText().startsWith(prefix)) {
                    entries.add((ObjectNode) e);
                }
            }
        }
        own.stream().filter(Objects::nonNull).forEach(entries::add);
        entries.sort(Comparator.comparingInt(e -> contextOf(e.path("certificate").asText())));
        write(file, entries);
    }

    /** K of a path max-of-K/..., for the manifest's order (after every K for anything else: external/...). */
    private static int contextOf(String certificate) {
        Matcher m = MAX_OF_K.matcher(certificate);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
