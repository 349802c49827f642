package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.compactproofs.checker.Checker;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.model.TestModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code checker audit DIR} on a small archive of two models and three certificates (one gzipped): all accepted
 * gives exit 0; one flipped byte in a certificate or a model, a wrong claim in the manifest, or a missing
 * manifest makes it fail, naming the file.
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
            claims[i] = Checker.check(model, probe, 1).proven().toString();
            Files.delete(probe);
            Files.writeString(dir.resolve("certs/c" + i + ".cert"), certificate(i, claims[i]));
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("certs/c0.cert.gz")))) {
            out.write(certificate(0, claims[0]).getBytes());
        }
        writeManifest(claims[0]);
    }

    private void writeManifest(String firstClaim) throws IOException {
        StringBuilder m = new StringBuilder("{\"format\": \"compact-proofs manifest 1\", \"entries\": [");
        String[][] entries = {{"certs/c0.cert", "0", firstClaim}, {"certs/c1.cert", "1", claims[1]}, {"certs/c0.cert.gz", "0", claims[0]}};
        for (int j = 0; j < entries.length; j++) {
            int i = Integer.parseInt(entries[j][1]);
            m.append(j > 0 ? "," : "").append(String.format("{\"certificate\": \"%s\", \"certificateSha256\": \"%s\", "
                    + "\"model\": \"models/m%d.safetensors\", \"modelSha256\": \"%s\", \"strategy\": \"brute-force\", "
                    + "\"claim\": \"%s\", \"total\": \"216\"}", entries[j][0], sha256(dir.resolve(entries[j][0])), i, models[i],
                    entries[j][2]));
        }
        Files.writeString(dir.resolve("MANIFEST.json"), m.append("]}").toString());
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
        assertTrue(run.stdout().contains("3 certificates, 3 accepted, 0 failed"), run.stdout());
        CliRun json = audit("--json", "--threads", "1");
        assertEquals(ExitCodes.ACCEPTED, json.exitCode(), json.toString());
        assertTrue(json.stdout().contains("\"verdict\" : \"ACCEPTED\""), json.stdout());
    }

    @Test
    void oneFlippedByteInACertificateFailsTheAuditNamingIt() throws IOException {
        Path cert = dir.resolve("certs/c1.cert");
        flipByte(cert, (int) Files.size(cert) - 3);
        CliRun run = audit();
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("FAILED  certs/c1.cert  certificate certs/c1.cert: SHA-256"), run.stdout());
        assertTrue(run.stdout().contains("3 certificates, 2 accepted, 1 failed"), run.stdout());
    }

    @Test
    void oneFlippedByteInAModelFailsEveryCertificateAboutIt() throws IOException {
        flipByte(dir.resolve("models/m0.safetensors"), 200);
        CliRun run = audit();
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("model models/m0.safetensors: SHA-256"), run.stdout());
        assertTrue(run.stdout().contains("3 certificates, 1 accepted, 2 failed"), run.stdout());
    }

    @Test
    void aManifestClaimingMoreThanTheCertificateFails() throws IOException {
        writeManifest(new BigInteger(claims[0]).add(BigInteger.ONE).toString());
        CliRun run = audit();
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("the manifest says"), run.stdout());
    }

    @Test
    void aMissingOrMalformedManifestIsUnusable() throws IOException {
        Files.writeString(dir.resolve("MANIFEST.json"), "{\"format\": \"something else\", \"entries\": []}");
        CliRun run = audit();
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("MANIFEST.json: malformed manifest"), run.stderr());
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
        assertTrue(run.stdout().contains("3 failed (3 beyond the limits)"), run.stdout());
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
        run = audit("--threads", "1");
        assertEquals(ExitCodes.REJECTED, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("FAILED  certs/c1.cert  unusable: " + model
                + ": not a regular file inside the archive"), run.stdout());
        Path manifest = dir.resolve("MANIFEST.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"certs/c1.cert\"", "\"certs/c\\u0000.cert\""));
        run = audit();
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains("malformed manifest") && !run.stderr().contains("internal error"), run.stderr());
    }
}
