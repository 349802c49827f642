package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.compactproofs.checker.TestFigures;
import org.compactproofs.checker.audit.Auditor;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.model.TestModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of {@code checker audit}'s manifest, the way {@code FuzzTest} fuzzes certificates: a small real
 * archive (two models; three true certificates, one gzipped; one FALSE certificate, claiming one input more than
 * is true, normally listed; symbolic links out of the archive) under a manifest mutated by bit flips, byte
 * insertions and deletions, truncation, duplicated, dropped and reordered entries, duplicated keys, injected
 * non-object elements, unknown and missing fields, edited values, trailing content and hostile paths (absolute,
 * "..", symbolic links out of the archive, NUL, very long), up to three at a time, seeded (two thirds of the
 * mutants start from the manifest listing the false certificate, a third from one without it, so that many are
 * accepted and their OK lines checked), and its prefixes at every third byte. The invariant: exit 0
 * only if every certificate the mutant lists was judged and accepted with its listed claim (each OK line names a
 * true certificate and its true claim, and there are as many as the mutant lists); otherwise exit 1 or 2, never
 * 3, never a stack trace; stderr at most one line, "file:line:column: ..." when the manifest itself is refused; and
 * every summary says listed = accepted + failed.
 */
class ManifestFuzzTest {
    @TempDir
    Path root;
    private Path dir;
    private Path manifest;
    /** The true certificates of the archive (normalised relative path) and their true claims. */
    private final Map<String, String> truth = new HashMap<>();
    private final List<String> entries = new ArrayList<>();
    /** Entries with hostile paths, lexically inside the archive: links out of it, and two ways to the true c0. */
    private final List<String> hostile = new ArrayList<>();
    private String head;

    private static final Pattern OK = Pattern.compile("OK      (.*)  brute-force  (\\d+) of 216");
    private static final Pattern SUMMARY = Pattern.compile(
            ": (\\d+) certificates listed = (\\d+) accepted \\+ (\\d+) failed \\((\\d+) of them beyond the limits\\)");
    private static final Pattern JSON_SUMMARY = Pattern.compile(
            "\"certificates\" : (\\d+),\n  \"accepted\" : (\\d+),\n  \"failed\" : (\\d+),");
    private static final Pattern LISTED = Pattern.compile("\"certificate\"\\s*:");

    private static String certificate(byte[] model, String claim) {
        return "compact-proofs certificate 1\nmodel sha256:" + ModelReader.sha256(model) + "\n"
                + "task max-of-k vocab 6 context 3 distribution uniform\nclaim correct " + claim + " of 216\n"
                + "strategy brute-force\nbrute-force\n";
    }

    private String entry(String certificate, int model, String claim) {
        return String.format("{\"certificate\":\"%s\",\"certificateSha256\":\"%s\",\"model\":\"models/m%d.safetensors\","
                + "\"modelSha256\":\"%s\",\"strategy\":\"brute-force\",\"claim\":\"%s\",\"total\":\"216\"}",
                certificate, Auditor.sha256(dir.resolve(certificate)), model,
                Auditor.sha256(dir.resolve("models/m" + model + ".safetensors")), claim);
    }

    @BeforeEach
    void archive() throws IOException {
        dir = Files.createDirectories(root.resolve("archive"));
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("certs"));
        String[] claims = new String[2];
        for (int i = 0; i < 2; i++) {
            byte[] bytes = TestModels.randomModel(6, 3, 4, 4, 7 + i);
            Path model = dir.resolve("models/m" + i + ".safetensors");
            Files.write(model, bytes);
            Path probe = root.resolve("probe.cert");
            Files.writeString(probe, certificate(bytes, "0"));
            claims[i] = CertificateFile.check(model, probe, 1).proven().toString();
            Files.writeString(dir.resolve("certs/c" + i + ".cert"), certificate(bytes, claims[i]));
            truth.put("certs/c" + i + ".cert", claims[i]);
            if (i == 0) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("certs/c0.cert.gz")))) {
                    out.write(certificate(bytes, claims[0]).getBytes(StandardCharsets.UTF_8));
                }
                truth.put("certs/c0.cert.gz", claims[0]);
                String more = Integer.toString(Integer.parseInt(claims[0]) + 1);
                Files.writeString(dir.resolve("certs/false.cert"), certificate(bytes, more)); // a false claim
                Files.writeString(outside.resolve("c0.cert"), certificate(bytes, claims[0])); // true, but outside
                Files.createSymbolicLink(dir.resolve("certs/out.cert"), outside.resolve("c0.cert"));
                Files.createSymbolicLink(dir.resolve("linked"), outside);
            }
        }
        entries.addAll(List.of(entry("certs/c0.cert", 0, claims[0]), entry("certs/c1.cert", 1, claims[1]),
                entry("certs/c0.cert.gz", 0, claims[0]), entry("certs/false.cert", 0,
                        Integer.toString(Integer.parseInt(claims[0]) + 1))));
        hostile.add(entry("certs/out.cert", 0, claims[0]));
        hostile.add(entry("certs/out.cert", 0, claims[0]).replace("certs/out.cert", "linked/c0.cert"));
        hostile.add(entry("certs/c0.cert", 0, claims[0]).replace("certs/c0.cert", "certs/../certs/./c0.cert")); // true
        hostile.add(entry("certs/c0.cert", 0, claims[0]).replace("certs/c0.cert", "certs/" + "./".repeat(2000) + "c0.cert"));
        head = "{\"format\":\"compact-proofs manifest 1\",\"checker\":\"compact-proofs checker 0.1\",\"entries\":[\n";
        manifest = dir.resolve("MANIFEST.json");
    }

    private static final String[] FIELDS = {"certificate", "certificateSha256", "model", "modelSha256", "strategy",
        "claim", "total"};
    private static final String[] ELEMENTS = {"0", "-1", "null", "true", "\"certs/c0.cert\"", "[]", "{}", "[{}]"};
    private static final String[] TRAILERS = {"{}", "x", "]", "}", ",", "[]", "0", "\"\"", "\n\t \n", "{\"entries\":[]}", "\u0000"};
    private static final String[] VALUES = {"", "0", "-1", "+1", "01", "217", "216", "1e2", "/etc/passwd", "../x",
        "certs/../../x", "/dev/zero", "certs/c\\u0000.cert", "a\\nOK      b", "x".repeat(5000), "certs/false.cert",
        "certs/c1.cert", "models/m0.safetensors", "linked/c0.cert", "certs/out.cert", "Brute-force", "cubic",
        "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"};

    /** One mutation of the list of entries (the text of each element). */
    private void mutate(List<String> es, Random r) {
        int i = es.isEmpty() ? 0 : r.nextInt(es.size());
        String f = FIELDS[r.nextInt(FIELDS.length)], value = VALUES[r.nextInt(VALUES.length)];
        switch (es.isEmpty() ? 0 : r.nextInt(9)) {
            case 0 -> es.add(r.nextInt(es.size() + 1), es.isEmpty() ? entries.get(0) : es.get(i)); // duplicated entry
            case 1 -> es.remove(i); // dropped entry
            case 2 -> Collections.shuffle(es, r); // reordered entries
            case 3 -> es.add(r.nextInt(es.size() + 1), ELEMENTS[r.nextInt(ELEMENTS.length)]); // a non-object element
            case 4 -> es.add(r.nextInt(es.size() + 1), hostile.get(r.nextInt(hostile.size()))); // a hostile path
            case 5 -> es.set(i, es.get(i).replaceFirst("^\\{", "{\"" + f + "\":\"" + Matcher.quoteReplacement(value) + "\",")); // key twice
            case 6 -> es.set(i, es.get(i).replaceFirst("\"" + f + "\":\"[^\"]*\"", // an edited value
                    Matcher.quoteReplacement("\"" + f + "\":\"" + value + "\"")));
            case 7 -> es.set(i, r.nextBoolean() ? es.get(i).replaceFirst(",?\"" + f + "\":\"[^\"]*\"", "") // a missing field
                    : es.get(i).replaceFirst("^\\{", "{\"note\":\"x\",")); // or an unknown one
            default -> es.set(i, es.get(i).replaceFirst("\"" + f + "\":\"([^\"]*)\"", "\"" + f + "\":" // another type
                    + new String[] {"5", "null", "[\"$1\"]", "{}"}[r.nextInt(4)]));
        }
    }

    /** The manifest's text around its entries, mutated (or not). */
    private String text(List<String> es, Random r) {
        String body = head + String.join(",\n", es) + "\n]}\n";
        return switch (r.nextInt(12)) {
            case 0 -> body.replace("\n]}\n", "\n]}" + TRAILERS[r.nextInt(TRAILERS.length)]); // content after the object
            case 1 -> body.replace("\n]}\n", "],\n\"" + new String[] {"entries", "format", "checker", "extra"}[r.nextInt(4)]
                    + "\":[" + entries.get(r.nextInt(entries.size())) + "]}\n"); // a duplicated (or unknown) root key
            case 2 -> body.replace(new String[] {",\"checker\":\"compact-proofs checker 0.1\"", "manifest 1", "\"entries\":[",
                "\"format\":"}[r.nextInt(4)], new String[] {"", "manifest 2", "\"entries\":{", "\"format\":1,\"f\":"}[r.nextInt(4)]);
            case 3, 4, 5 -> new String(bytes(body.getBytes(StandardCharsets.UTF_8), r), StandardCharsets.ISO_8859_1);
            default -> body;
        };
    }

    /** A byte-level mutation: bit flip, insertion, deletion, a duplicated span, or truncation. */
    private static byte[] bytes(byte[] in, Random r) {
        int at = r.nextInt(in.length);
        String alphabet = "{}[],:\"\\ 0123456789abcdef-+./\nux";
        return switch (r.nextInt(5)) {
            case 0 -> {
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << r.nextInt(8));
                yield out;
            }
            case 1 -> splice(in, at, at, new byte[] {(byte) alphabet.charAt(r.nextInt(alphabet.length()))});
            case 2 -> splice(in, at, at + 1, new byte[0]);
            case 3 -> {
                int to = Math.min(in.length, at + 1 + r.nextInt(400));
                yield splice(in, to, to, java.util.Arrays.copyOfRange(in, at, to));
            }
            default -> java.util.Arrays.copyOf(in, at);
        };
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }

    /** Audits the archive under this manifest text and asserts the invariant; returns the exit code. */
    private int audit(byte[] text, String label, boolean json) throws IOException {
        Files.write(manifest, text);
        CliRun run = json ? CliRun.of("audit", dir.toString(), "--threads", "1", "--json")
                : CliRun.of("audit", dir.toString(), "--threads", "1");
        String what = label + "\n--- manifest\n" + new String(text, StandardCharsets.ISO_8859_1).substring(0, Math.min(text.length, 3000))
                + "\n" + run;
        String all = run.stdout() + run.stderr();
        assertTrue(run.exitCode() >= 0 && run.exitCode() <= 2, what);
        assertFalse(all.contains("\tat ") || all.contains("Exception") || all.contains("internal error"), what);
        assertTrue(run.stderr().lines().count() <= 1, what);
        if (run.stdout().isEmpty()) { // the manifest itself was refused
            assertEquals(2, run.exitCode(), what);
            assertTrue(run.stderr().startsWith("error: " + manifest + ":") && run.stderr().matches("(?s)error: \\Q" + manifest
                    + "\\E:\\d+:\\d+: malformed manifest: .*"), what);
            return 2;
        }
        assertEquals("", run.stderr(), what);
        long listed = LISTED.matcher(new String(text, StandardCharsets.UTF_8)).results().count();
        Matcher s = (json ? JSON_SUMMARY : SUMMARY).matcher(run.stdout());
        assertTrue(s.find(), what);
        long summaryListed = Long.parseLong(s.group(1)), accepted = Long.parseLong(s.group(2));
        assertEquals(summaryListed, accepted + Long.parseLong(s.group(3)), what);
        assertEquals(listed, summaryListed, what);
        long oks = json ? Pattern.compile("\"accepted\" : true").matcher(run.stdout()).results().count()
                : run.stdout().lines().filter(l -> l.startsWith("OK ")).count();
        assertEquals(accepted, oks, what);
        if (!json) {
            assertEquals(listed + 1, run.stdout().lines().count(), "one line per listed certificate: " + what);
            for (String line : run.stdout().lines().filter(l -> l.startsWith("OK ")).toList()) {
                Matcher m = OK.matcher(line);
                assertTrue(m.matches(), what);
                String path = Path.of(m.group(1)).normalize().toString();
                assertEquals(truth.get(path), m.group(2), "OK only for a true certificate with its true claim: " + what);
            }
        }
        assertEquals(run.exitCode() == 0, accepted == listed, what);
        return run.exitCode();
    }

    private long[] fuzz(int mutants, long seed) throws IOException {
        Random r = new Random(seed);
        long[] codes = new long[3];
        assertEquals(1, audit((head + String.join(",\n", entries) + "\n]}\n").getBytes(StandardCharsets.UTF_8), "base", false),
                "the false certificate is listed");
        for (int i = 0; i < mutants; i++) {
            List<String> es = new ArrayList<>(entries);
            if (i % 3 == 2) {
                es.remove(3); // a third start without the false certificate, so that many mutants are accepted
            }
            for (int n = r.nextInt(4), j = 0; j < n; j++) {
                mutate(es, r);
            }
            codes[audit(text(es, r).getBytes(StandardCharsets.ISO_8859_1), "mutant " + i + " (seed " + seed + ")",
                    i % 7 == 3)]++;
        }
        TestFigures.report("manifest fuzzing: %d mutants: %d accepted (every listed certificate true), %d rejected, "
                + "%d unusable, 0 internal errors", mutants, codes[0], codes[1], codes[2]);
        return codes;
    }

    @Test
    void manifestMutantsNeverCrashNorLie() throws IOException {
        long[] codes = fuzz(1200, 20261126);
        assertTrue(codes[0] > 20 && codes[1] > 100 && codes[2] > 500, "the mutants exercise acceptance, rejection and refusal");
    }

    /** Every prefix of the manifest (each third byte) is refused unless it still holds the whole object. */
    @Test
    void everyTruncationIsRefused() throws IOException {
        List<String> es = new ArrayList<>(entries);
        es.remove(3); // without the false certificate: the whole manifest is accepted
        byte[] whole = (head + String.join(",\n", es) + "\n]}\n").getBytes(StandardCharsets.UTF_8);
        for (int n = 0; n < whole.length; n += 3) {
            int code = audit(java.util.Arrays.copyOf(whole, n), "prefix of " + n + " bytes", false);
            assertEquals(n >= whole.length - 1 ? 0 : 2, code, "prefix of " + n + " bytes");
        }
        assertEquals(0, audit(whole, "whole", false));
    }

    @Test
    @Tag("slow")
    void fiftyThousandMutants() throws IOException {
        fuzz(50_000, 7);
    }
}
