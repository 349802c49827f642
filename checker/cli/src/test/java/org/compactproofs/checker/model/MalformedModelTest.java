package org.compactproofs.checker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.compactproofs.checker.cli.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every kind of broken model file is refused with its own clear message naming the file (and the tensor, when
 * there is one), and every command turns that into exit code 2 without a stack trace.
 */
class MalformedModelTest {
    @TempDir
    Path dir;

    private static SafetensorsBuilder valid() {
        return SafetensorsBuilder.model(6, 3, 4, 4, 1);
    }

    private static byte[] withHeader(String header) {
        return SafetensorsBuilder.assemble(header.getBytes(StandardCharsets.UTF_8), valid().data());
    }

    private static byte[] withHeaderLength(long length, int fileSize) {
        ByteBuffer b = ByteBuffer.allocate(fileSize).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(length);
        return b.array();
    }

    private static byte[] repeated(int n, short bits) {
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort(bits);
        }
        return b.array();
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
            Arguments.of("too short", (Supplier<byte[]>) () -> new byte[] {1, 2, 3}, null, "8-byte header length"),
            Arguments.of("header length 2^63", (Supplier<byte[]>) () -> withHeaderLength(Long.MIN_VALUE, 64), null,
                    "outside the accepted range"),
            Arguments.of("header past end", (Supplier<byte[]>) () -> withHeaderLength(1000, 64), null,
                    "runs past the end of the file"),
            Arguments.of("not JSON", (Supplier<byte[]>) () -> withHeader("{\"embed.W_E\": {\"dtype\" \"F32\"}}"), null,
                    "not well-formed JSON"),
            Arguments.of("not UTF-8", (Supplier<byte[]>) () -> SafetensorsBuilder.assemble(
                    new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, new byte[0]), null, "not valid UTF-8"),
            Arguments.of("duplicate key", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                String h = b.header().replace("\"unembed.b_U\"", "\"embed.W_E\"");
                return SafetensorsBuilder.assemble(h.getBytes(StandardCharsets.UTF_8), b.data());
            }, null, "Duplicate field 'embed.W_E'"),
            Arguments.of("unsupported dtype", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                return SafetensorsBuilder.assemble(b.header().replaceFirst("F32", "F8_E4M3")
                        .getBytes(StandardCharsets.UTF_8), b.data());
            }, "embed.W_E", "unsupported dtype 'F8_E4M3'"),
            Arguments.of("F16 NaN", (Supplier<byte[]>) () -> valid().raw("embed.W_E", "F16", new int[] {6, 4},
                    repeated(24, (short) 0x7e00)).bytes(), "embed.W_E", "every weight must be finite"),
            Arguments.of("BF16 infinity", (Supplier<byte[]>) () -> valid().raw("unembed.W_U", "BF16", new int[] {4, 6},
                    repeated(24, (short) 0x7f80)).bytes(), "unembed.W_U", "every weight must be finite"),
            Arguments.of("BOOL weight", (Supplier<byte[]>) () -> valid().raw("blocks.0.attn.W_V", "BOOL",
                    new int[] {1, 4, 4}, new byte[16]).bytes(), "blocks.0.attn.W_V", "not a floating-point type"),
            Arguments.of("size does not match shape", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                return SafetensorsBuilder.assemble(b.header().replace("\"shape\":[6, 4]", "\"shape\":[6, 5]")
                        .getBytes(StandardCharsets.UTF_8), b.data());
            }, "embed.W_E", "need 120"),
            Arguments.of("offsets past the data", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                byte[] data = b.data();
                return SafetensorsBuilder.assemble(b.header().getBytes(StandardCharsets.UTF_8),
                        Arrays.copyOf(data, data.length - 24));
            }, "unembed.b_U", "run past the end of the data"),
            Arguments.of("overlapping tensors", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                String h = b.header().replace("\"data_offsets\":[96,144]", "\"data_offsets\":[90,138]");
                return SafetensorsBuilder.assemble(h.getBytes(StandardCharsets.UTF_8), b.data());
            }, "pos_embed.W_pos", "overlap"),
            Arguments.of("hole between tensors", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                String h = b.header().replace("\"data_offsets\":[96,144]", "\"data_offsets\":[100,148]");
                return SafetensorsBuilder.assemble(h.getBytes(StandardCharsets.UTF_8), b.data());
            }, null, "belong to no tensor"),
            Arguments.of("trailing garbage", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                byte[] data = Arrays.copyOf(b.data(), b.data().length + 5);
                return SafetensorsBuilder.assemble(b.header().getBytes(StandardCharsets.UTF_8), data);
            }, null, "5 trailing bytes"),
            Arguments.of("NaN weight", (Supplier<byte[]>) () ->
                    valid().put("blocks.0.attn.W_K", new int[] {1, 4, 4}, filled(16, Float.NaN)).bytes(),
                    "blocks.0.attn.W_K", "every weight must be finite"),
            Arguments.of("infinite weight", (Supplier<byte[]>) () ->
                    valid().put("unembed.W_U", new int[] {4, 6}, filled(24, Float.POSITIVE_INFINITY)).bytes(),
                    "unembed.W_U", "every weight must be finite"),
            Arguments.of("missing tensor", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                b.tensors.remove("unembed.W_U");
                return b.bytes();
            }, "unembed.W_U", "missing"),
            Arguments.of("LayerNorm tensor", (Supplier<byte[]>) () -> valid().zeros("ln_final.w", 4).bytes(),
                    "ln_final.w", "unexpected tensor, LayerNorm weights; supported: one layer"),
            Arguments.of("MLP", (Supplier<byte[]>) () -> valid().zeros("blocks.0.mlp.W_in", 4, 16).bytes(),
                    "blocks.0.mlp.W_in", "unexpected tensor, an MLP; supported: one layer"),
            Arguments.of("second layer", (Supplier<byte[]>) () -> valid().zeros("blocks.1.attn.W_Q", 1, 4, 4).bytes(),
                    "blocks.1.attn.W_Q", "unexpected tensor, a second layer; supported: one layer"),
            Arguments.of("LayerNorm folded away (LNPre), said by the metadata", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                b.metadata.put("normalization_type", "LNPre");
                return b.bytes();
            }, "__metadata__", "says normalization_type = LNPre; supported: one layer"),
            Arguments.of("inconsistent shapes", (Supplier<byte[]>) () ->
                    valid().put("pos_embed.W_pos", new int[] {3, 5}, new float[15]).bytes(),
                    "pos_embed.W_pos", "inconsistent with the other tensors"),
            Arguments.of("another output vocabulary", (Supplier<byte[]>) () ->
                    valid().put("unembed.W_U", new int[] {4, 7}, new float[28]).bytes(),
                    "unembed.W_U", "has an output vocabulary of 7 for an input vocabulary of 6; supported"),
            Arguments.of("two heads", (Supplier<byte[]>) () ->
                    valid().put("blocks.0.attn.W_Q", new int[] {2, 4, 4}, new float[32]).bytes(),
                    "blocks.0.attn.W_Q", "has 2 heads; supported: one layer, one attention head"),
            Arguments.of("bias of the wrong length", (Supplier<byte[]>) () ->
                    valid().put("unembed.b_U", new int[] {5}, filled(5, 0.25f)).bytes(),
                    "unembed.b_U", "inconsistent with the other tensors"),
            Arguments.of("metadata not a string", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                String h = b.header().replace("\"seed\":\"1\"", "\"seed\":1");
                return SafetensorsBuilder.assemble(h.getBytes(StandardCharsets.UTF_8), b.data());
            }, null, "value of 'seed' is not a string"),
            Arguments.of("negative shape", (Supplier<byte[]>) () -> {
                SafetensorsBuilder b = valid();
                return SafetensorsBuilder.assemble(b.header().replace("\"shape\":[6, 4]", "\"shape\":[-6, 4]")
                        .getBytes(StandardCharsets.UTF_8), b.data());
            }, "embed.W_E", "non-negative integers"),
            Arguments.of("wrong causal mask", (Supplier<byte[]>) () ->
                    valid().raw("blocks.0.attn.mask", "BOOL", new int[] {3, 3}, new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1}).bytes(),
                    "blocks.0.attn.mask", "not the causal"),
            Arguments.of("header is an array", (Supplier<byte[]>) () -> withHeader("[1, 2, 3]"), null,
                    "not a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedWithAClearMessage(String kind, Supplier<byte[]> bytes, String tensor, String phrase) throws IOException {
        Path file = dir.resolve("broken.safetensors");
        Files.write(file, bytes.get());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(phrase), kind + ": " + e.getMessage());
        if (tensor != null) {
            assertTrue(e.getMessage().contains("tensor '" + tensor + "'"), kind + ": " + e.getMessage());
        }
        CliRun run = CliRun.of("inspect", "--model", file.toString());
        assertEquals(2, run.exitCode(), kind);
        assertTrue(run.stderr().contains(phrase), run.stderr());
        assertFalse(run.stderr().contains("Exception") || run.stderr().contains("\tat "), run.stderr());
    }

    @Test
    void validFileIsRead() throws IOException {
        Path file = dir.resolve("ok.safetensors");
        Files.write(file, valid().bytes());
        Model m = ModelReader.read(file).model();
        assertEquals(6, m.vocab());
        assertEquals(3, m.context());
        assertEquals("1", m.metadata().get("seed"));
        assertEquals(0, CliRun.of("inspect", "--model", file.toString()).exitCode());
    }

    /** Non-zero biases are read as they are (TransformerLens' semantics, docs/model-format.md), and inspect says so. */
    @Test
    void nonZeroBiasesAreRead() throws IOException {
        Path file = dir.resolve("biased.safetensors");
        Files.write(file, valid().put("unembed.b_U", new int[] {6}, filled(6, 0.25f))
                .put("blocks.0.attn.b_K", new int[] {1, 4}, filled(4, -2f)).bytes());
        Model m = ModelReader.read(file).model();
        assertEquals(0.25, m.biases().u()[5]);
        assertEquals(-2, m.biases().k()[0]);
        assertEquals(0, m.biases().v()[0]);
        CliRun run = CliRun.of("inspect", "--model", file.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("biases"), run.stdout());
    }

    /** A TransformerLens state_dict also carries the causal mask and IGNORE buffers: read and ignored. */
    @Test
    void transformerLensBuffersAreAccepted() throws IOException {
        SafetensorsBuilder b = valid()
                .raw("blocks.0.attn.mask", "BOOL", new int[] {3, 3}, new byte[] {1, 0, 0, 1, 1, 0, 1, 1, 1})
                .put("blocks.0.attn.IGNORE", new int[] {}, new float[] {-100000f});
        Path file = dir.resolve("tl.safetensors");
        Files.write(file, b.bytes());
        assertEquals(6, ModelReader.read(file).model().vocab());
    }

    @Test
    void missingFileIsUnusableInput() {
        CliRun run = CliRun.of("inspect", "--model", dir.resolve("absent.safetensors").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("no such file"), run.stderr());
    }

}
