package org.compactproofs.checker.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.cert.CertificateFormatException;

/**
 * An archive's {@code MANIFEST.json}: the certificates it holds, each with its model, both files' SHA-256, the
 * strategy and the claimed count (docs/cli.md, "The manifest"):
 * <pre>
 * {"format": "compact-proofs manifest 1", "checker": "compact-proofs checker 0.1", "entries": [
 *   {"certificate": "max-of-4/seed-123/cubic.cert.gz", "certificateSha256": "...",
 *    "model": "models/max-of-4/seed-123.safetensors", "modelSha256": "...",
 *    "strategy": "cubic", "claim": "16765938", "total": "16777216"}, ...]}
 * </pre>
 * The invariant: {@link #read} returns only for a file that is exactly one JSON object with exactly these fields,
 * in any order, no key twice, every value a string but {@code entries}, an array of one or more objects, and
 * nothing after the object but whitespace; so its entries are every one the file lists, in order, none skipped
 * and none replaced. Each value is of its form: no control characters; {@code format} as above; {@code checker}
 * (the checker the archive was made with) any string; paths relative, lexically inside the manifest's directory,
 * at most {@link #MAX_PATH} characters ({@link Auditor#inside} also resolves symbolic links before reading); hashes
 * 64 lower-case hex digits; the strategy a name of the certificate language; claim and total decimal integers
 * without sign or leading zeros, claim at most total. Anything else is an {@link UnusableInputException}
 * "file:line:column: malformed manifest: what", at the offending token.
 */
public record Manifest(Path directory, List<Entry> entries) {
    public static final String FORMAT = "compact-proofs manifest 1";
    /** The longest path an entry may name (Linux's PATH_MAX). */
    public static final int MAX_PATH = 4096;

    public record Entry(String certificate, String certificateSha256, String model, String modelSha256,
                        String strategy, String claim, String total) implements java.io.Serializable {}

    private static final List<String> ROOT = List.of("format", "checker", "entries");
    private static final List<String> FIELDS = List.of("certificate", "certificateSha256", "model", "modelSha256",
            "strategy", "claim", "total");
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * The largest manifest read, in bytes: a fixed cap (docs/trusted-base.md, "Limits"), checked before reading,
     * since the entries are held in memory (this archive's manifest is 5.4 MB for 23,568 entries).
     */
    public static final long MAX_BYTES = 1L << 28;

    public static Manifest read(Path directory) {
        Path file = directory.resolve("MANIFEST.json");
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new UnusableInputException(file + ": not a regular file");
            }
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                throw org.compactproofs.checker.Limits.mark(new UnusableInputException(file + ": " + Files.size(file)
                        + " bytes, more than " + MAX_BYTES + org.compactproofs.checker.Limits.raising("MAX_BYTES of the manifest")));
            }
        } catch (IOException e) {
            throw new UnusableInputException(file + ": " + UnusableInputException.describe(e), e);
        }
        try (JsonParser p = JSON.createParser(Files.newInputStream(file))) {
            try {
                return read(p, file, directory);
            } catch (JsonProcessingException e) { // JSON syntax, a duplicate key, one of jackson's size limits
                throw error(file, e.getLocation() != null ? e.getLocation() : p.currentLocation(),
                        String.valueOf(e.getOriginalMessage()));
            }
        } catch (NoSuchFileException e) {
            throw new UnusableInputException(file + ": no manifest (an archive has MANIFEST.json at its top)");
        } catch (IOException e) {
            throw new UnusableInputException(file + ": " + UnusableInputException.describe(e), e);
        }
    }

    private static Manifest read(JsonParser p, Path file, Path directory) throws IOException {
        expect(p.nextToken() == JsonToken.START_OBJECT, p, file, "not a JSON object");
        List<String> seen = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) { // else END_OBJECT: the parser checks the syntax
            String name = p.currentName();
            expect(ROOT.contains(name), p, file, "unknown field " + quote(name)
                    + " (a manifest has exactly \"format\", \"checker\" and \"entries\")");
            seen.add(name);
            p.nextToken();
            if (name.equals("format")) {
                expect(FORMAT.equals(string(p, file, name)), p, file, "format is not \"" + FORMAT + "\"");
            } else if (name.equals("checker")) {
                string(p, file, name);
            } else {
                expect(p.currentToken() == JsonToken.START_ARRAY, p, file, "entries is not an array");
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    entries.add(entry(p, file, directory, "entries[" + entries.size() + "]"));
                }
                expect(!entries.isEmpty(), p, file, "entries lists no certificate");
            }
        }
        for (String name : ROOT) {
            expect(seen.contains(name), p, file, "no field \"" + name + "\"");
        }
        expect(p.nextToken() == null, p, file, "content after the manifest's object");
        return new Manifest(directory, List.copyOf(entries));
    }

    private static Entry entry(JsonParser p, Path file, Path directory, String at) throws IOException {
        expect(p.currentToken() == JsonToken.START_OBJECT, p, file, at + " is not an object");
        Map<String, String> f = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            expect(FIELDS.contains(name), p, file, at + ": unknown field " + quote(name));
            p.nextToken();
            String value = string(p, file, at + "." + name), form = form(name, value, directory);
            expect(form == null, p, file, at + "." + name + " " + quote(value) + " is not " + form);
            f.put(name, value);
        }
        for (String name : FIELDS) {
            expect(f.containsKey(name), p, file, at + " has no field \"" + name + "\"");
        }
        String claim = f.get("claim"), total = f.get("total");
        expect(claim.length() < total.length() || claim.length() == total.length() && claim.compareTo(total) <= 0,
                p, file, at + ": claim " + quote(claim) + " is more than its total " + quote(total));
        return new Entry(f.get("certificate"), f.get("certificateSha256"), f.get("model"), f.get("modelSha256"),
                f.get("strategy"), claim, total);
    }

    /** The current token, which must be a string without control characters. */
    private static String string(JsonParser p, Path file, String what) throws IOException {
        expect(p.currentToken() == JsonToken.VALUE_STRING, p, file, what + " is not a string");
        String s = p.getText();
        expect(s.chars().noneMatch(Character::isISOControl), p, file, what + " has a control character");
        return s;
    }

    /** Null if an entry field's value is of its form, else that form in words. */
    private static String form(String name, String value, Path directory) {
        return switch (name) {
            case "certificateSha256", "modelSha256" -> value.matches("[0-9a-f]{64}") ? null
                    : "a SHA-256 in 64 lower-case hex digits";
            case "strategy" -> value.matches("[a-z][a-z0-9_+-]*") ? null : "a strategy name";
            case "claim", "total" -> value.matches("0|[1-9][0-9]*") ? null
                    : "a decimal integer without sign or leading zeros";
            default -> inside(directory, value) ? null // certificate, model
                    : "a relative path inside the archive of at most " + MAX_PATH + " characters";
        };
    }

    /** Whether a path is relative and lexically inside the directory (Auditor.inside resolves links before reading). */
    private static boolean inside(Path directory, String path) {
        try {
            Path top = directory.toAbsolutePath().normalize();
            return path.length() <= MAX_PATH && !Path.of(path).isAbsolute() && top.resolve(path).normalize().startsWith(top);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String quote(String s) {
        return "\"" + CertificateFormatException.quote(s) + "\"";
    }

    private static void expect(boolean ok, JsonParser p, Path file, String what) {
        if (!ok) {
            throw error(file, p.currentTokenLocation(), what);
        }
    }

    /** One line: control characters of quoted values become '?'. */
    private static UnusableInputException error(Path file, JsonLocation at, String what) {
        return new UnusableInputException(file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": malformed manifest: "
                + CertificateFormatException.abbreviate(what).replaceAll("\\p{Cc}", "?"));
    }
}
