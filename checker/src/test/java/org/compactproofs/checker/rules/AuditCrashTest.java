package org.compactproofs.checker.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.compactproofs.checker.cli.CheckerMain;
import org.compactproofs.checker.cli.Commands;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit: a valid F64 model whose exact table entry lies in (Double.MAX_VALUE, Double.MAX_VALUE + 2^970) makes
 * Interval.enclosing step to +Infinity and call new BigDecimal(Infinity): NumberFormatException, exit 3 instead
 * of a verdict. (Float32 weights cannot reach it: their tables stay below about 2^520.)
 */
class AuditCrashTest {
    private static final double BIG = Double.MAX_VALUE, NUDGE = 0x1p960;

    /** v 2, k 1, d_model 2, d_head 1; EU[0][0] = sign * (MAX_VALUE + 2^960), every other table entry 0. */
    static Model euInTheBand(double sign) {
        double[][] wE = {{BIG, NUDGE}, {0, 0}}, wPos = {{0, 0}};
        double[][] z = {{0}, {0}}, wO = {{0, 0}}, wU = {{sign, 0}, {sign, 0}};
        return new Model(2, 1, 2, 1, wE, wPos, z, z, z, wO, wU, Map.of());
    }

    /** v 2, k 1: eqkeRaw[0][1] = -(MAX_VALUE + 2^960), read by QueryWalk's score enclosure. */
    static Model scoreInTheBand() {
        double[][] wE = {{BIG, NUDGE}, {1, 0}}, wPos = {{0, 0}};
        double[][] wQ = {{-1}, {-1}}, wK = {{1}, {0}}, z = {{0}, {0}}, wO = {{0, 0}};
        double[][] wU = {{0, 0}, {0, 0}};
        return new Model(2, 1, 2, 1, wE, wPos, wQ, wK, z, wO, wU, Map.of());
    }

    private static void decides(Model m, long truth) {
        BruteForce.Result r = assertDoesNotThrow(() -> new BruteForce(m, CircuitTables.of(m)).run(1));
        assertTrue(r.correct() <= truth);
        assertTrue(new AuditBruteForceTest.Truth(m).count() == truth);
    }

    @Test
    void unembeddingTableJustAboveMaxDouble() {
        decides(euInTheBand(1), 1); // input (0): logit 0 = MAX + 2^960 > 0 = logit 1; input (1): a tie
    }

    @Test
    void unembeddingTableJustBelowMinusMaxDouble() {
        decides(euInTheBand(-1), 0);
    }

    @Test
    void attentionScoreJustBelowMinusMaxDouble() {
        decides(scoreInTheBand(), 0); // every logit is 0: all ties
    }

    /** The same model as a file through `checker check`: exit 3 (internal error) instead of 0 or 1. */
    @Test
    void checkCommandExitsWithAVerdict(@TempDir Path dir) throws Exception {
        Model m = euInTheBand(1);
        Map<String, Object[]> t = new LinkedHashMap<>();
        t.put("embed.W_E", new Object[] {new int[] {2, 2}, m.wE()});
        t.put("pos_embed.W_pos", new Object[] {new int[] {1, 2}, m.wPos()});
        t.put("blocks.0.attn.W_Q", new Object[] {new int[] {1, 2, 1}, m.wQ()});
        t.put("blocks.0.attn.W_K", new Object[] {new int[] {1, 2, 1}, m.wK()});
        t.put("blocks.0.attn.W_V", new Object[] {new int[] {1, 2, 1}, m.wV()});
        t.put("blocks.0.attn.W_O", new Object[] {new int[] {1, 1, 2}, m.wO()});
        t.put("unembed.W_U", new Object[] {new int[] {2, 2}, m.wU()});
        StringBuilder json = new StringBuilder("{");
        ByteBuffer data = ByteBuffer.allocate(8 * 64).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<String, Object[]> e : t.entrySet()) {
            int begin = data.position();
            for (double[] row : (double[][]) e.getValue()[1]) {
                for (double x : row) {
                    data.putDouble(x);
                }
            }
            json.append('"').append(e.getKey()).append("\":{\"dtype\":\"F64\",\"shape\":")
                    .append(java.util.Arrays.toString((int[]) e.getValue()[0]).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(begin).append(',').append(data.position()).append("]},");
        }
        json.setLength(json.length() - 1);
        json.append('}');
        while (json.length() % 8 != 0) {
            json.append(' ');
        }
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + header.length + data.position()).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(header.length).put(header).put(data.array(), 0, data.position());
        Path model = dir.resolve("m.safetensors"), cert = dir.resolve("m.cert");
        Files.write(model, file.array());
        String sha = ModelReader.sha256(file.array());
        Files.writeString(cert, "compact-proofs certificate 1\nmodel sha256:" + sha + "\n"
                + "task max-of-k vocab 2 context 1 distribution uniform\nclaim correct 0 of 2\n"
                + "strategy brute-force\nbrute-force\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Commands.execute(new CheckerMain(), "check", "--model", model.toString(), "--cert", cert.toString(),
                    "--threads", "1");
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertTrue(code == 0 || code == 1, "exit " + code + "; stdout: " + out + " stderr: " + err);
    }
}
