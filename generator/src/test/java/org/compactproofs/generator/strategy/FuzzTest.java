package org.compactproofs.generator.strategy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactproofs.checker.TestFigures;
import org.compactproofs.checker.cli.CliRun;
import org.compactproofs.checker.rules.ExactOracle;
import org.compactproofs.checker.rules.SmallModels;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the checker through its command line: valid certificates of every kind of rule (brute
 * force, cubic, S1, the union, grid variants with vectors and averages), each both in the compact forms the
 * generator writes (rows, whole vectors) and expanded into single steps, on a trained small model, and the model
 * file itself, mutated by bit flips, byte insertions and deletions, token swaps, number edits, line duplication
 * and deletion, and truncation. Every run must end in exit 0, 1 or 2 with no stack trace, and exit 0 only when
 * the (mutated) claim is still at most the exact true count.
 */
class FuzzTest {
    @TempDir
    Path dir;

    private static final Pattern CERTIFIED = Pattern.compile("\"provenCount\" : (\\d+)");
    private static final String[] STRATEGIES = {"brute-force", "cubic", "subcubic-maxdiff", "subcubic-union",
        "subcubic-coupled-2", "eupu-svd-query+max-diff--attn-mean-query+diff--attn-err-mean+max-diff-subproduct",
        "eupu-max-diff-exact--attn-convex-chord--attn-err-max-diff"};

    static byte[] mutate(byte[] in, Random r) {
        String text = new String(in, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int kind = r.nextInt(8);
        switch (kind) {
            case 0 -> { // bit flip
                byte[] out = in.clone();
                int at = r.nextInt(out.length);
                out[at] ^= (byte) (1 << r.nextInt(8));
                return out;
            }
            case 1 -> { // byte insertion
                int at = r.nextInt(in.length + 1);
                byte[] out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, at);
                String alphabet = " 0123456789-./xpe#\n\tabcz+";
                out[at] = (byte) alphabet.charAt(r.nextInt(alphabet.length()));
                System.arraycopy(in, at, out, at + 1, in.length - at);
                return out;
            }
            case 2 -> { // byte deletion
                int at = r.nextInt(in.length);
                byte[] out = new byte[in.length - 1];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + 1, out, at, in.length - at - 1);
                return out;
            }
            case 3 -> { // token swap within a line
                int i = r.nextInt(lines.size());
                String[] t = lines.get(i).split(" ");
                if (t.length > 1) {
                    int a = r.nextInt(t.length), b = r.nextInt(t.length);
                    String x = t[a];
                    t[a] = t[b];
                    t[b] = x;
                    lines.set(i, String.join(" ", t));
                }
            }
            case 4 -> { // number edit
                int i = r.nextInt(lines.size());
                Matcher m = Pattern.compile("-?\\d+").matcher(lines.get(i));
                List<int[]> spans = new ArrayList<>();
                while (m.find()) {
                    spans.add(new int[] {m.start(), m.end()});
                }
                if (!spans.isEmpty()) {
                    int[] s = spans.get(r.nextInt(spans.size()));
                    long n = Long.parseLong(lines.get(i).substring(s[0], Math.min(s[1], s[0] + 18)));
                    String[] edits = {Long.toString(n + 1), Long.toString(n - 1), "0", "-1", Long.toString(n * 2),
                        "99999999999999999999", "1/3", "0x1p-99999"};
                    lines.set(i, lines.get(i).substring(0, s[0]) + edits[r.nextInt(edits.length)] + lines.get(i).substring(s[1]));
                }
            }
            case 5 -> lines.add(r.nextInt(lines.size()), lines.get(r.nextInt(lines.size()))); // line duplication
            case 6 -> lines.remove(r.nextInt(lines.size())); // line deletion
            default -> { // truncation
                byte[] out = new byte[r.nextInt(in.length)];
                System.arraycopy(in, 0, out, 0, out.length);
                return out;
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private long[] fuzz(int mutants) throws Exception {
        SmallModels.Named named = SmallModels.trained().stream()
                .filter(n -> n.name().startsWith("trained-v10-k3")).findFirst().orElseThrow();
        Path model = dir.resolve("m.safetensors");
        SafetensorsWriter.write(named.model(), model);
        long truth = new ExactOracle(named.model()).trueCount();
        byte[] modelBytes = Files.readAllBytes(model);
        List<byte[]> certs = new ArrayList<>();
        for (String s : STRATEGIES) {
            Path c = dir.resolve("valid.cert");
            ProveCommandAccess.prove(s, model, c);
            certs.add(Files.readAllBytes(c)); // rows and whole vectors, as the generator writes them
            if (!s.equals("brute-force")) { // and the single steps they stand for
                certs.add(String.join("\n", SingleSteps.expand(Files.readAllLines(c))).getBytes(StandardCharsets.UTF_8));
            }
        }
        Random r = new Random(20261125);
        long[] codes = new long[4];
        Path cert = dir.resolve("mutant.cert"), mutantModel = dir.resolve("mutant.safetensors");
        for (int i = 0; i < mutants; i++) {
            byte[] base = certs.get(i % certs.size());
            boolean mutateModel = i % 10 == 9;
            Files.write(cert, mutateModel ? base : mutate(base, r));
            Files.write(mutantModel, mutateModel ? mutate(modelBytes, r) : modelBytes);
            CliRun run = CliRun.of("check", "--model", mutantModel.toString(), "--cert", cert.toString(), "--threads", "1",
                    "--json");
            String all = run.stdout() + run.stderr();
            assertTrue(run.exitCode() >= 0 && run.exitCode() <= 2, "mutant " + i + ": " + run);
            assertFalse(all.contains("\tat ") || all.contains("Exception"), "mutant " + i + ": " + run);
            if (run.exitCode() == 0) {
                Matcher m = CERTIFIED.matcher(run.stdout()); // the certified count: the (mutated) claim
                assertTrue(m.find() && Long.parseLong(m.group(1)) <= truth && run.stdout().contains("\"total\" : 1000"),
                        "mutant " + i + " accepted a false claim: " + run);
            }
            codes[run.exitCode()]++;
        }
        TestFigures.report("fuzzing: %d mutants: %d accepted (claims still true), %d rejected, %d unusable, 0 internal errors",
                mutants, codes[0], codes[1], codes[2]);
        return codes;
    }

    @Test
    void aThousandMutantsNeverCrashNorLie() throws Exception {
        long[] codes = fuzz(1200);
        assertTrue(codes[0] > 20 && codes[1] > 20 && codes[2] > 200, "the mutants exercise acceptance, rejection and refusal");
    }

    @Test
    @Tag("slow")
    void aHundredThousandMutants() throws Exception {
        fuzz(100_000);
    }
}
