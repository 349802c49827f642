package org.compactproofs.checker.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.UnusableInputException;

/**
 * An archive's {@code MANIFEST.json}: the certificates it holds, each with its model, both files' SHA-256, the
 * strategy and the claimed count. Paths are relative to the manifest's directory and must stay inside it.
 * <pre>
 * {"format": "compact-proofs manifest 1", "checker": "...", "entries": [
 *   {"certificate": "max-of-4/seed-123/cubic.cert.gz", "certificateSha256": "...",
 *    "model": "models/max-of-4/seed-123.safetensors", "modelSha256": "...",
 *    "strategy": "cubic", "claim": "16765938", "total": "16777216"}, ...]}
 * </pre>
 */
public record Manifest(Path directory, List<Entry> entries) {
    public static final String FORMAT = "compact-proofs manifest 1";

    public record Entry(String certificate, String certificateSha256, String model, String modelSha256,
                        String strategy, String claim, String total) {}

    private static final List<String> FIELDS = List.of("certificate", "certificateSha256", "model", "modelSha256",
            "strategy", "claim", "total");

    public static Manifest read(Path directory) {
        Path file = directory.resolve("MANIFEST.json");
        try (JsonParser p = new JsonFactory().createParser(Files.newInputStream(file))) {
            expect(p.nextToken() == JsonToken.START_OBJECT, file, "a JSON object");
            String format = null;
            List<Entry> entries = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("format") && t == JsonToken.VALUE_STRING) {
                    format = p.getText();
                } else if (name.equals("entries") && t == JsonToken.START_ARRAY) {
                    entries = new ArrayList<>();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        entries.add(entry(p, file, directory, entries.size()));
                    }
                } else {
                    p.skipChildren();
                }
            }
            expect(FORMAT.equals(format), file, "\"format\": \"" + FORMAT + "\"");
            expect(entries != null, file, "an \"entries\" array");
            return new Manifest(directory, entries);
        } catch (NoSuchFileException e) {
            throw new UnusableInputException(file + ": no manifest (an archive has MANIFEST.json at its top)");
        } catch (IOException e) {
            throw new UnusableInputException(file + ": " + UnusableInputException.describe(e), e);
        }
    }

    private static Entry entry(JsonParser p, Path file, Path directory, int index) throws IOException {
        Map<String, String> f = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (p.nextToken() == JsonToken.VALUE_STRING) {
                f.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        for (String name : FIELDS) {
            expect(f.containsKey(name), file, "entry " + index + " with a string field \"" + name + "\"");
        }
        for (String name : List.of("certificate", "model")) {
            boolean inside;
            try { // lexically here; Auditor.inside resolves symbolic links before reading
                Path top = directory.toAbsolutePath().normalize(), resolved = top.resolve(f.get(name)).normalize();
                inside = !Path.of(f.get(name)).isAbsolute() && resolved.startsWith(top); // absolute: "." works too
            } catch (java.nio.file.InvalidPathException e) {
                inside = false;
            }
            expect(inside, file, "entry " + index + ": a path inside the archive, not "
                    + org.compactproofs.checker.cert.CertificateFormatException.quote(f.get(name)));
        }
        return new Entry(f.get("certificate"), f.get("certificateSha256"), f.get("model"), f.get("modelSha256"),
                f.get("strategy"), f.get("claim"), f.get("total"));
    }

    private static void expect(boolean ok, Path file, String what) {
        if (!ok) {
            throw new UnusableInputException(file + ": malformed manifest: expected " + what);
        }
    }
}
