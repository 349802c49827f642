package org.compactproofs.checker.cli;

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
import org.compactproofs.checker.bruteforce.AuditCrashTest;
import org.compactproofs.checker.model.ModelReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AuditCrashTest}'s model through the command line: a verdict (exit 0 or 1), never exit 3. */
class AuditCrashCliTest {
    @Test
    void checkCommandExitsWithAVerdict(@TempDir Path dir) throws Exception {
        org.compactproofs.checker.model.Model m = AuditCrashTest.euInTheBand(1);
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
