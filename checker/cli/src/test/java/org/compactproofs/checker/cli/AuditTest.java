package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.model.TestModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code checker audit DIR} on a small archive of two models and three certificates (one gzipped): all accepted
 * gives exit 0; one flipped byte in a certificate or a model, a wrong claim in the manifest, or a missing
 * manifest makes it fail, naming the file. A false certificate cannot be hidden by the manifest's form (a
 * non-object element before it, a second "entries", content after the object): the manifest is refused, exit 2.
 * The summary (text and JSON) states listed = accepted + failed.
 */
class AuditTest {
    @TempDir
    Path dir;
    private final String[] models = new String[2];
    private final String[] claims = new String[2];

    private static String sha256(Path p) {
        return org.compactproofs.checker.audit.Auditor.sha256(p);
    }

    private String certificate(int i, String claim) {
        byte[] bytes = TestModels.randomModel(6, 3, 4, 4, 7 + i);
        return "compact-proofs certificate 1\nmodel sha256:" + ModelReader.sha256(bytes) + "\n"
                + "task max-of-k vocab 6 context 3 distribution uniform\nclaim correct " + claim + " of 216\n"
                + "strategy brute-force\nbrute-force\n";
    }

    @BeforeEach
    void archive() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("certs"));
        for (int i = 0; i < 2; i++) {
            Path model = dir.resolve("models/m" + i + ".safetensors");
            Files.write(model, TestModels.randomModel(6, 3, 4, 4, 7 + i));
            models[i] = sha256(model);
            Path probe = dir.resolve("probe.cert");
            Files.writeString(probe, certificate(i, "0"));
            claims[i] = CertificateFile.check(model, probe, 1).proven().toString();
            Files.delete(probe);
            Files.writeString(dir.resolve("certs/c" + i + ".cert"), certificate(i, claims[i]));
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("certs/c0.cert.gz")))) {
            out.write(certificate(0, claims[0]).getBytes());
        }
        writeManifestClaiming(claims[0]);
    }

    private void writeManifestClaiming(String firstClaim) throws IOException {
        writeManifest(entry("certs/c0.cert", 0, firstClaim) + ",\n" + entry("certs/c1.cert", 1, claims[1]) + ",\n"
                + entry("certs/c0.cert.gz", 0, claims[0]));
    }

    /** A manifest with these entries (the text of the array's elements) and whatever follows. */
    private void writeManifest(String entries) throws IOException {
        Files.writeString(dir.resolve("MANIFEST.json"), "{\"format\": \"compact-proofs manifest 1\", "
                + "\"checker\": \"compact-proofs checker 0.1\",\n\"entries\": [\n" + entries + "\n]}\n");
    }

    /** The manifest entry of a certificate of the archive about model i, with a claim. */
    private String entry(String certificate, int i, String claim) {
        return String.format("{\"certificate\": \"%s\", \"certificateSha256\": \"%s\", \"model\": \"models/m%d.safetensors\", "
                + "\"modelSha256\": \"%s\", \"strategy\": \"brute-force\", \"claim\": \"%s\", \"total\": \"216\"}",
                certificate, sha256(dir.resolve(certificate)), i, models[i], claim);
    }

    /** A certificate of model 0 claiming one input more than is true, listed with that claim: it must fail. */
    private String falseEntry() throws IOException {
        String more = new BigInteger(claims[0]).add(BigInteger.ONE).toString();
        Files.writeString(dir.resolve("certs/false.cert"), certificate(0, more));
        return entry("certs/false.cert", 0, more);
    }

    private CliRun audit(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "audit";
        args[1] = dir.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return CliRun.of(args);
    }

    private static void flipByte(Path file, int at) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[at] ^= 1;
        Files.write(file, b);
    }

    @Test
    void aSoundArchiveIsAccepted() {
        CliRun run = audit();
        assertEquals(ExitCodes.ACCEPTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("3 certificates listed = 3 accepted + 0 failed"), run.stdout());
        CliRun json = audit("--json", "--threads", "1");
        assertEquals(ExitCodes.ACCEPTED, json.exitCode(), json.toString());
        assertTrue(json.stdout().contains("\"verdict\" : \"ACCEPTED\",\n  \"certificates\" : 3,\n  \"accepted\" : 3,\n"
                + "  \"failed\" : 0,"), json.stdout());
    }

    /** The text and the JSON summaries state listed = accepted + failed, here with one failure. */
    @Test
    void theSummaryCountsEveryListedCertificate() throws IOException {
        writeManifest(entry("certs/c0.cert", 0, claims[0]) + ",\n" + falseEntry() + ",\n" + entry("certs/c1.cert", 1, claims[1])
                + ",\n" + entry("certs/c0.cert", 0, claims[0]));
        CliRun run = audit();
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("FAILED  certs/false.cert  REJECTED"), run.stdout());
        assertTrue(run.stdout().contains(": 4 certificates listed = 3 accepted + 1 failed (0 of them beyond the limits)"),
                run.stdout());
        assertEquals(5, run.stdout().lines().count(), run.stdout());
        CliRun json = audit("--json");
        assertEquals(ExitCodes.REJECTED, json.exitCode(), json.toString());
        assertTrue(json.stdout().contains("\"verdict\" : \"FAILED\",\n  \"certificates\" : 4,\n  \"accepted\" : 3,\n"
                + "  \"failed\" : 1,"), json.stdout());
    }

    /**
     * Defect: the old reader stopped reading "entries" at the first element that was not an object (and did not
     * require the array's end), so a false certificate listed after it was never checked, and the audit said 0.
     */
    @Test
    void aFalseCertificateAfterANonObjectElementIsNotSkipped() throws IOException {
        for (String element : List.of("0", "null", "\"certs/c1.cert\"", "[]")) {
            writeManifest(entry("certs/c0.cert", 0, claims[0]) + ",\n" + element + ",\n" + falseEntry());
            CliRun run = audit();
            assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
            assertEquals("error: " + dir.resolve("MANIFEST.json") + ":4:1: malformed manifest: entries[1] is not an object\n",
                    run.stderr());
            assertEquals("", run.stdout());
        }
    }

    /** Defect: a second "entries" (or any key) silently replaced the first, hiding the false certificate listed there. */
    @Test
    void aSecondEntriesKeyCannotHideTheFirst() throws IOException {
        writeManifest(falseEntry() + "],\n\"entries\": [" + entry("certs/c0.cert", 0, claims[0]));
        CliRun run = audit();
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stderr().startsWith("error: " + dir.resolve("MANIFEST.json") + ":4:")
                && run.stderr().contains("malformed manifest: Duplicate") && run.stderr().contains("'entries'"), run.stderr());
        writeManifest(entry("certs/c0.cert", 0, claims[0]).replace("{", "{\"claim\": \"217\", "));
        run = audit();
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains(":3:") && run.stderr().contains("'claim'"), run.stderr());
    }

    /** Defect: unknown fields were skipped and content after the root object never read. */
    @Test
    void unknownFieldsAndContentAfterTheManifestAreRefused() throws IOException {
        writeManifest(entry("certs/c0.cert", 0, claims[0]) + "],\n\"more entries\": [" + falseEntry());
        CliRun run = audit();
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertEquals("error: " + dir.resolve("MANIFEST.json") + ":4:1: malformed manifest: unknown field \"more entries\" "
                + "(a manifest has exactly \"format\", \"checker\" and \"entries\")\n", run.stderr());
        writeManifest(entry("certs/c0.cert", 0, claims[0]) + "]}\n{\"entries\": [" + falseEntry());
        run = audit();
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertEquals("error: " + dir.resolve("MANIFEST.json") + ":4:1: malformed manifest: content after the manifest's object\n",
                run.stderr());
    }

    /** Malformed JSON is exit 2 with one line naming the file, line and column, like any other refusal. */
    @Test
    void aJsonSyntaxErrorIsOneLineWithItsPosition() throws IOException {
        Path manifest = dir.resolve("MANIFEST.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.lastIndexOf("\"claim\"")));
        CliRun run = audit();
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stderr().matches("error: \\Q" + manifest + "\\E:5:\\d+: malformed manifest: [^\n]*end-of-input[^\n]*\n"),
                run.stderr());
        Files.writeString(manifest, text.replace("\"checker\"", "checker"));
        run = audit();
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stderr().matches("error: \\Q" + manifest + "\\E:1:\\d+: malformed manifest: [^\n]*\n"), run.stderr());
    }

    @Test
    void oneFlippedByteInACertificateFailsTheAuditNamingIt() throws IOException {
        Path cert = dir.resolve("certs/c1.cert");
        flipByte(cert, (int) Files.size(cert) - 3);
        CliRun run = audit();
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("FAILED  certs/c1.cert  certificate certs/c1.cert: SHA-256"), run.stdout());
        assertTrue(run.stdout().contains("3 certificates listed = 2 accepted + 1 failed"), run.stdout());
    }

    @Test
    void oneFlippedByteInAModelFailsEveryCertificateAboutIt() throws IOException {
        flipByte(dir.resolve("models/m0.safetensors"), 200);
        CliRun run = audit();
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("model models/m0.safetensors: SHA-256"), run.stdout());
        assertTrue(run.stdout().contains("3 certificates listed = 1 accepted + 2 failed"), run.stdout());
    }

    @Test
    void aManifestClaimingMoreThanTheCertificateFails() throws IOException {
        writeManifestClaiming(new BigInteger(claims[0]).add(BigInteger.ONE).toString());
        CliRun run = audit();
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("the manifest says"), run.stdout());
    }

    @Test
    void aMissingOrMalformedManifestIsUnusable() throws IOException {
        Files.writeString(dir.resolve("MANIFEST.json"), "{\"format\": \"something else\", \"entries\": []}");
        CliRun run = audit();
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("MANIFEST.json:1:12: malformed manifest: format is not \"compact-proofs manifest 1\""),
                run.stderr());
        Files.delete(dir.resolve("MANIFEST.json"));
        run = audit();
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("no manifest"), run.stderr());
    }

    @Test
    void certificatesBeyondALimitAreNotJudgedAndTheAuditIsUnusable() throws IOException {
        CliRun run = audit("--max-certificate-bytes", "100");
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("FAILED  certs/c0.cert.gz  unusable: " + dir.resolve("certs/c0.cert.gz") + ":"),
                run.stdout());
        assertTrue(run.stdout().contains("--max-certificate-bytes raises this limit"), run.stdout());
        assertTrue(run.stdout().contains("0 accepted + 3 failed (3 of them beyond the limits)"), run.stdout());
        flipByte(dir.resolve("models/m1.safetensors"), 200); // c1's model is hashed (within its limit) and wrong
        run = audit("--max-certificate-bytes", "100");
        assertEquals(ExitCodes.REJECTED, run.exitCode(), "a certificate judged bad outranks those not judged: " + run);
    }

    /**
     * The audit bounds what it reads before hashing: a model that is a symbolic link to an endless device (or to
     * anything outside the archive) is not read, a model beyond --max-model-bytes is not hashed, and a manifest
     * path with a NUL character is a malformed manifest, not an internal error.
     */
    @Test
    void filesOutsideTheArchiveOrBeyondTheLimitsAreNotRead() throws IOException {
        CliRun run = audit("--max-model-bytes", "100");
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("FAILED  certs/c1.cert  unusable: " + dir.resolve("models/m1.safetensors")
                + ": 1329 bytes, more than 100; --max-model-bytes raises this limit"), run.stdout());
        Path model = dir.resolve("models/m1.safetensors");
        Files.delete(model);
        Files.createSymbolicLink(model, Path.of("/dev/zero"));
        try {
            run = audit("--threads", "1");
            assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
            assertTrue(run.stdout().contains("FAILED  certs/c1.cert  unusable: " + model
                    + ": not a regular file inside the archive"), run.stdout());
            Path manifest = dir.resolve("MANIFEST.json");
            Files.writeString(manifest,
                    Files.readString(manifest).replace("\"certs/c1.cert\"", "\"certs/c\\u0000.cert\""));
            run = audit();
            assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
            assertTrue(run.stderr().contains("malformed manifest") && !run.stderr().contains("internal error"),
                    run.stderr());
        } finally {
            Files.delete(model); // the link, not /dev/zero; @TempDir's cleanup would warn about a link leading out
        }
    }
}
