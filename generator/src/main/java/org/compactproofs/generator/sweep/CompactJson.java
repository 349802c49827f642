package org.compactproofs.generator.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * The archive's JSON files (results, MANIFEST) as one compact object per line: valid JSON that any reader parses,
 * a third the size of indented JSON, and a line per record for diffs and grep.
 * <pre>
 * {"format":"...","entries":[
 * {"certificate":"...",...},
 * {"certificate":"...",...}
 * ]}
 * </pre>
 */
final class CompactJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompactJson() {}

    /** Writes {@code head} with one more field, the array {@code name} of {@code items}, atomically. */
    static void write(Path file, ObjectNode head, String name, Collection<? extends JsonNode> items) throws IOException {
        StringBuilder out = new StringBuilder();
        String h = line(head);
        out.append(h, 0, h.length() - 1).append(head.isEmpty() ? "" : ",").append(JSON.writeValueAsString(name)).append(":[");
        String separator = "\n";
        for (JsonNode item : items) {
            out.append(separator).append(line(item));
            separator = ",\n";
        }
        out.append("\n]}\n");
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        Files.writeString(tmp, out);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String line(JsonNode node) throws JsonProcessingException {
        return JSON.writeValueAsString(node);
    }
}
