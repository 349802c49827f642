package org.compactproofs.generator.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.Model;

/**
 * Writes a {@link Model} as a float32 {@code .safetensors} file with TransformerLens tensor names and shapes,
 * including the zero biases TransformerLens expects, so that {@code HookedTransformer.load_state_dict} takes it
 * (with {@code strict=False} for the mask buffers). Weights are rounded to float32 (round to nearest even).
 * The bytes depend only on the model and the metadata: the same model always gives the same file.
 */
public final class SafetensorsWriter {
    private SafetensorsWriter() {}

    private record Named(String name, int[] shape, double[] values) {}

    public static byte[] toBytes(Model m) {
        return toBytes(m, false);
    }

    /** The same file with F64 tensors (every double weight exactly), as PyTorch writes a float64 model. */
    public static byte[] toBytesF64(Model m) {
        return toBytes(m, true);
    }

    private static byte[] toBytes(Model m, boolean f64) {
        int width = f64 ? 8 : 4;
        int v = m.vocab(), d = m.dModel(), h = m.dHead();
        Named[] tensors = {
            new Named(Model.W_E, new int[] {v, d}, flat(m.wE())),
            new Named(Model.W_POS, new int[] {m.context(), d}, flat(m.wPos())),
            new Named(Model.W_Q, new int[] {1, d, h}, flat(m.wQ())),
            new Named(Model.W_K, new int[] {1, d, h}, flat(m.wK())),
            new Named(Model.W_V, new int[] {1, d, h}, flat(m.wV())),
            new Named(Model.W_O, new int[] {1, h, d}, flat(m.wO())),
            new Named(Model.B_Q, new int[] {1, h}, m.biases().q()),
            new Named(Model.B_K, new int[] {1, h}, m.biases().k()),
            new Named(Model.B_V, new int[] {1, h}, m.biases().v()),
            new Named(Model.B_O, new int[] {d}, m.biases().o()),
            new Named(Model.W_U, new int[] {d, v}, flat(m.wU())),
            new Named(Model.B_U, new int[] {v}, m.biases().u()),
        };
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode();
        ObjectNode meta = header.putObject("__metadata__");
        new TreeMap<>(m.metadata()).forEach(meta::put);
        long offset = 0;
        for (Named t : tensors) {
            ObjectNode entry = header.putObject(t.name);
            entry.put("dtype", f64 ? "F64" : "F32");
            ArrayNode shape = entry.putArray("shape");
            for (int dim : t.shape) {
                shape.add(dim);
            }
            long end = offset + (long) width * t.values.length;
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] headerBytes;
        try {
            headerBytes = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("JSON serialisation of a tree of strings cannot fail", e);
        }
        int padded = (headerBytes.length + 7) / 8 * 8; // pad with spaces to 8-byte alignment, as safetensors does
        ByteBuffer out = ByteBuffer.allocate(8 + padded + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(headerBytes);
        for (int i = headerBytes.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (Named t : tensors) {
            for (double x : t.values) {
                if (f64) {
                    out.putDouble(x);
                } else {
                    out.putFloat((float) x);
                }
            }
        }
        return out.array();
    }

    /**
     * Writes atomically (temporary file, then rename), so an interrupted run never leaves a torn model.
     * Returns the bytes written.
     */
    public static byte[] write(Model m, Path file) {
        byte[] bytes = toBytes(m);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return bytes;
        } catch (IOException e) {
            throw new UnusableInputException("cannot write " + file + ": " + UnusableInputException.describe(e), e);
        }
    }

    /** The model with every weight rounded to float32, as it will be stored. */
    public static Model roundToFloat32(Model m, Map<String, String> metadata) {
        return new Model(m.vocab(), m.context(), m.dModel(), m.dHead(), round(m.wE()), round(m.wPos()),
                round(m.wQ()), round(m.wK()), round(m.wV()), round(m.wO()), round(m.wU()),
                new Model.Biases(round(m.biases().q()), round(m.biases().k()), round(m.biases().v()), round(m.biases().o()),
                        round(m.biases().u())), new LinkedHashMap<>(metadata));
    }

    private static double[] round(double[] a) {
        return round(new double[][] {a})[0];
    }

    private static double[][] round(double[][] a) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                r[i][j] = (float) a[i][j];
            }
        }
        return r;
    }

    private static double[] flat(double[][] a) {
        int cols = a[0].length;
        double[] out = new double[a.length * cols];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, out, i * cols, cols);
        }
        return out;
    }
}
