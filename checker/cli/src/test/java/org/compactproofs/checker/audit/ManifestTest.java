package org.compactproofs.checker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.UnusableInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Manifest#read} is strict (docs/cli.md, "The manifest"): exactly the documented fields, each of its type
 * and form, every element of "entries" an object and read, no key twice, nothing after the root object; anything
 * else is one line "MANIFEST.json:line:column: malformed manifest: ..." at the offending token. And the shipped
 * archive's manifest reads.
 */
class ManifestTest {
    @TempDir
    Path dir;

    static final String SHA = "0123456789abcdef".repeat(4);

    /** A valid entry (the files need not exist: the reader checks only the manifest). */
    static String entry(String certificate, String claim) {
        return "{\"certificate\": \"" + certificate + "\", \"certificateSha256\": \"" + SHA + "\", "
                + "\"model\": \"models/m.safetensors\", \"modelSha256\": \"" + SHA + "\", \"strategy\": \"cubic\", "
                + "\"claim\": \"" + claim + "\", \"total\": \"216\"}";
    }

    static final String HEAD = "{\"format\": \"compact-proofs manifest 1\", \"checker\": \"compact-proofs checker 0.1\",\n";
    static final String A = entry("certs/a.cert", "200"), B = entry("certs/b.cert", "201");

    private List<Manifest.Entry> read(String text) throws IOException {
        Files.writeString(dir.resolve("MANIFEST.json"), text);
        return Manifest.read(dir).entries();
    }

    /** The manifest is refused with one line naming the file, line and column, containing {@code what}. */
    private void refused(String text, int line, String what) throws IOException {
        Files.writeString(dir.resolve("MANIFEST.json"), text);
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> Manifest.read(dir), text);
        String m = e.getMessage();
        assertTrue(m.matches("\\Q" + dir.resolve("MANIFEST.json") + ":" + line + ":\\E[0-9]+: malformed manifest: .*")
                && !m.contains("\n") && m.contains(what), m);
    }

    @Test
    void aValidManifestReadsEveryEntryInOrder() throws IOException {
        List<Manifest.Entry> e = read(HEAD + "\"entries\": [\n" + A + ",\n" + B + "\n]}\n \t\n");
        assertEquals(List.of("certs/a.cert", "certs/b.cert"), e.stream().map(Manifest.Entry::certificate).toList());
        assertEquals(new Manifest.Entry("certs/a.cert", SHA, "models/m.safetensors", SHA, "cubic", "200", "216"), e.get(0));
        // field order is free
        assertEquals(1, read("{\"entries\": [" + A + "], \"checker\": \"x\", \"format\": \"compact-proofs manifest 1\"}").size());
    }

    /** Defect 1: the old reader stopped at the first element that was not an object and did not require "]". */
    @Test
    void everyElementOfEntriesIsAnObject() throws IOException {
        for (String bad : List.of("1", "\"x\"", "null", "true", "[]", "[" + B + "]", "{}")) {
            refused(HEAD + "\"entries\": [\n" + A + ",\n" + bad + ",\n" + B + "]}", 4,
                    bad.equals("{}") ? "entries[1] has no field \"certificate\"" : "entries[1] is not an object");
        }
    }

    /** Defect 2: a second "entries" (or "format", or an entry's field) silently replaced the first. */
    @Test
    void duplicateKeysAreRefused() throws IOException {
        refused(HEAD + "\"entries\": [" + B + "],\n\"entries\": [" + A + "]}", 3, "Duplicate");
        refused(HEAD + "\"entries\": [" + A + "],\n\"format\": \"compact-proofs manifest 1\"}", 3, "Duplicate");
        refused(HEAD + "\"entries\": [\n" + A.replace("\"claim\"", "\"claim\": \"999\", \"claim\"") + "]}", 3, "Duplicate");
    }

    /** Defect 3: unknown fields were skipped, and what followed the root object was never read. */
    @Test
    void unknownFieldsAndContentAfterTheObjectAreRefused() throws IOException {
        refused(HEAD + "\"extra\": [],\n\"entries\": [" + A + "]}", 2, "unknown field \"extra\"");
        refused(HEAD + "\"entries\": [\n" + A.replace("{", "{\"note\": \"x\", ") + "]}", 3, "entries[0]: unknown field \"note\"");
        for (String after : List.of("{}", "x", "]", ",", "{\"entries\": []}", "\"\"", "0")) {
            refused(HEAD + "\"entries\": [" + A + "]}\n" + after, 3, "");
        }
    }

    @Test
    void everyFieldIsRequiredAndOfItsType() throws IOException {
        refused("{\"format\": \"compact-proofs manifest 1\", \"entries\": [\n" + A + "]}", 2, "no field \"checker\"");
        refused("{\"checker\": \"c\", \"entries\": [\n" + A + "]}", 2, "no field \"format\"");
        refused(HEAD + "\"format2\": 1}", 2, "unknown field");
        refused(HEAD.replace("\"compact-proofs checker 0.1\"", "1") + "\"entries\": [" + A + "]}", 1, "checker is not a string");
        refused(HEAD.replace("manifest 1", "manifest 2") + "\"entries\": [" + A + "]}", 1, "format is not \"compact-proofs manifest 1\"");
        refused(HEAD + "\"entries\": {}}", 2, "entries is not an array");
        refused(HEAD + "\"entries\": []}", 2, "entries lists no certificate");
        refused(HEAD.replace(",\n", "}"), 1, "no field \"entries\"");
        refused(HEAD + "\"entries\": [\n" + A.replace("\"200\"", "200") + "]}", 3, "entries[0].claim is not a string");
        for (String field : List.of("certificate", "certificateSha256", "model", "modelSha256", "strategy", "claim", "total")) {
            String without = A.replaceAll("\"" + field + "\": \"[^\"]*\", |, \"" + field + "\": \"[^\"]*\"", "");
            refused(HEAD + "\"entries\": [\n" + without + "]}", 3, "entries[0] has no field \"" + field + "\"");
        }
        refused("[]", 1, "a JSON object");
    }

    @Test
    void valuesAreOfTheirForm() throws IOException {
        for (String claim : List.of("+200", "0200", "-1", "200.0", "2e2", " 200", "", "٢٠٠")) {
            refused(HEAD + "\"entries\": [\n" + entry("c", claim) + "]}", 3, "entries[0].claim");
        }
        refused(HEAD + "\"entries\": [\n" + entry("c", "217") + "]}", 3, "claim \"217\" is more than its total \"216\"");
        refused(HEAD + "\"entries\": [\n" + entry("c", "1000") + "]}", 3, "is more than its total");
        assertEquals("0", read(HEAD + "\"entries\": [" + entry("c", "0") + "]}").get(0).claim());
        assertEquals("216", read(HEAD + "\"entries\": [" + entry("c", "216") + "]}").get(0).claim());
        refused(HEAD + "\"entries\": [\n" + A.replace(SHA + "\", \"model\"", SHA.toUpperCase() + "\", \"model\"") + "]}", 3,
                "entries[0].certificateSha256");
        refused(HEAD + "\"entries\": [\n" + A.replace(SHA + "\", \"strategy\"", SHA + "0\", \"strategy\"") + "]}", 3,
                "entries[0].modelSha256");
        refused(HEAD + "\"entries\": [\n" + A.replace("cubic", "Cubic") + "]}", 3, "entries[0].strategy \"Cubic\" is not a strategy name");
        refused(HEAD.replace("checker 0.1", "checker\\n0.1") + "\"entries\": [" + A + "]}", 1, "checker has a control character");
    }

    /** Paths: relative, lexically inside the directory, no control character (NUL), not absurdly long. */
    @Test
    void pathsStayInsideTheArchive() throws IOException {
        for (String path : List.of("/etc/passwd", "../x.cert", "certs/../../x.cert", "certs/\\u0000.cert",
                "a\\nOK      forged", "x/".repeat(2049))) {
            refused(HEAD + "\"entries\": [\n" + entry(path, "1") + "]}", 3, "entries[0].certificate");
        }
        assertEquals("certs/../certs/./a.cert", read(HEAD + "\"entries\": [" + entry("certs/../certs/./a.cert", "1") + "]}")
                .get(0).certificate());
    }

    /** JSON syntax errors (from jackson) are one line with the position, like every other refusal. */
    @Test
    void syntaxErrorsNameTheLineAndColumn() throws IOException {
        String valid = HEAD + "\"entries\": [\n" + A + ",\n" + B + "\n]}\n";
        refused(valid.substring(0, valid.indexOf(B) + 30), 4, "end-of-input");
        refused(valid.replace(",\n" + B, ",\n]"), 4, "");
        refused(valid.replace("\"format\":", "format:"), 1, "");
        refused(valid.replace(",\n{", ",,\n{"), 3, "");
        refused(valid.replace("\"certs/a.cert\"", "'certs/a.cert'"), 3, "");
        refused(valid.replace("}\n]}", "},\n]}"), 5, "");
        refused("", 1, "a JSON object");
        refused(valid.replace("\"200\"", "2" + "0".repeat(2000)), 3, "Number value length"); // one of jackson's limits
        refused("// comment\n" + valid, 1, "");
    }

    /**
     * The manifest's own cost is bounded before it is read: a manifest beyond the fixed cap (a sparse file of
     * MAX_BYTES + 1) is refused as beyond a limit, and one that is not a regular file (a link to /dev/zero) is
     * refused without reading it.
     */
    @Test
    void aManifestBeyondItsCapOrNotARegularFileIsNotRead() throws IOException {
        Path file = dir.resolve("MANIFEST.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(Manifest.MAX_BYTES + 1);
        }
        UnusableInputException big = assertThrows(UnusableInputException.class, () -> Manifest.read(dir));
        assertTrue(big.overLimit() && big.getMessage().contains("bytes, more than " + Manifest.MAX_BYTES), big.getMessage());
        Files.delete(file);
        Files.createSymbolicLink(file, Path.of("/dev/zero"));
        try {
            UnusableInputException device = assertThrows(UnusableInputException.class, () -> Manifest.read(dir));
            assertEquals(file + ": not a regular file", device.getMessage());
        } finally {
            Files.delete(file); // the link, not /dev/zero; @TempDir's cleanup would warn about a link leading out
        }
    }

    /** The shipped archive's manifest (23,414 entries) reads; none of its files is opened. */
    @Test
    void theShippedManifestReads() {
        Path archive = RepositoryFiles.root().resolve("certificates");
        List<Manifest.Entry> entries = Manifest.read(archive).entries();
        assertTrue(entries.size() >= 23_414, entries.size() + " entries");
        assertEquals(entries.size(), entries.stream().map(Manifest.Entry::certificate).distinct().count());
    }
}
