package org.compactproofs.checker.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Test helper: builds safetensors bytes by hand (independently of the generator's writer), so tests can make
 * valid files and every kind of broken one.
 */
final class SafetensorsBuilder {
    record Entry(String dtype, int[] shape, byte[] data) {}

    final Map<String, Entry> tensors = new LinkedHashMap<>();
    final Map<String, String> metadata = new LinkedHashMap<>();

    /** A valid random model with the given sizes, F32, with zero biases like TransformerLens writes. */
    static SafetensorsBuilder model(int v, int k, int d, int h, long seed) {
        Random r = new Random(seed);
        SafetensorsBuilder b = new SafetensorsBuilder();
        b.f32("embed.W_E", r, v, d);
        b.f32("pos_embed.W_pos", r, k, d);
        b.f32("blocks.0.attn.W_Q", r, 1, d, h);
        b.f32("blocks.0.attn.W_K", r, 1, d, h);
        b.f32("blocks.0.attn.W_V", r, 1, d, h);
        b.f32("blocks.0.attn.W_O", r, 1, h, d);
        b.zeros("blocks.0.attn.b_Q", 1, h);
        b.zeros("blocks.0.attn.b_O", d);
        b.f32("unembed.W_U", r, d, v);
        b.zeros("unembed.b_U", v);
        b.metadata.put("seed", Long.toString(seed));
        return b;
    }

    SafetensorsBuilder f32(String name, Random r, int... shape) {
        float[] values = new float[(int) Tensor.elementCount(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (r.nextGaussian() * 0.5);
        }
        return put(name, shape, values);
    }

    /** A matrix as an F64 tensor, of shape [lead..., rows, cols] (a leading 1 for the per-head weights). */
    SafetensorsBuilder f64(String name, double[][] values, int... lead) {
        int rows = values.length, cols = values[0].length;
        ByteBuffer buf = ByteBuffer.allocate(8 * rows * cols).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : values) {
            for (double x : row) {
                buf.putDouble(x);
            }
        }
        int[] shape = new int[lead.length + 2];
        System.arraycopy(lead, 0, shape, 0, lead.length);
        shape[lead.length] = rows;
        shape[lead.length + 1] = cols;
        tensors.put(name, new Entry("F64", shape, buf.array()));
        return this;
    }

    /** A matrix of binary16 ({@code bfloat} false) or bfloat16 values (each exactly representable) as F16 or BF16. */
    SafetensorsBuilder half(String name, double[][] values, boolean bfloat, int... lead) {
        int rows = values.length, cols = values[0].length;
        ByteBuffer buf = ByteBuffer.allocate(2 * rows * cols).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : values) {
            for (double x : row) {
                short bits = bfloat ? (short) (Float.floatToRawIntBits((float) x) >>> 16) : halfBits(x);
                if ((bfloat ? Float.intBitsToFloat((bits & 0xffff) << 16) : SafetensorsReader.half(bits)) != x) {
                    throw new IllegalArgumentException(x + " is not a " + (bfloat ? "bfloat16" : "binary16") + " value");
                }
                buf.putShort(bits);
            }
        }
        int[] shape = new int[lead.length + 2];
        System.arraycopy(lead, 0, shape, 0, lead.length);
        shape[lead.length] = rows;
        shape[lead.length + 1] = cols;
        tensors.put(name, new Entry(bfloat ? "BF16" : "F16", shape, buf.array()));
        return this;
    }

    /** binary16 bits of x, written independently of the reader's decoding (which the caller compares). */
    static short halfBits(double x) {
        int sign = x < 0 || Double.doubleToRawLongBits(x) < 0 ? 0x8000 : 0;
        double a = Math.abs(x);
        if (a == 0) {
            return (short) sign;
        }
        int e = Math.getExponent(a);
        if (e < -14) {
            return (short) (sign | (int) Math.scalb(a, 24)); // subnormal: a = m 2^-24
        }
        return (short) (sign | (e + 15) << 10 | ((int) Math.scalb(a, 10 - e) - 1024));
    }

    SafetensorsBuilder zeros(String name, int... shape) {
        return put(name, shape, new float[(int) Tensor.elementCount(shape)]);
    }

    SafetensorsBuilder put(String name, int[] shape, float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : values) {
            buf.putFloat(x);
        }
        tensors.put(name, new Entry("F32", shape, buf.array()));
        return this;
    }

    SafetensorsBuilder raw(String name, String dtype, int[] shape, byte[] data) {
        tensors.put(name, new Entry(dtype, shape, data));
        return this;
    }

    /** The header as JSON, with offsets laid out back to back. */
    String header() {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append("\"__metadata__\":{");
            metadata.forEach((k, val) -> json.append('"').append(k).append("\":\"").append(val).append("\","));
            json.setLength(json.length() - 1);
            json.append("},");
        }
        long offset = 0;
        for (Map.Entry<String, Entry> e : tensors.entrySet()) {
            long end = offset + e.getValue().data.length;
            json.append('"').append(e.getKey()).append("\":{\"dtype\":\"").append(e.getValue().dtype)
                    .append("\",\"shape\":").append(java.util.Arrays.toString(e.getValue().shape))
                    .append(",\"data_offsets\":[").append(offset).append(',').append(end).append("]},");
            offset = end;
        }
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    byte[] data() {
        int n = tensors.values().stream().mapToInt(e -> e.data.length).sum();
        ByteBuffer buf = ByteBuffer.allocate(n);
        tensors.values().forEach(e -> buf.put(e.data));
        return buf.array();
    }

    byte[] bytes() {
        return assemble(header().getBytes(StandardCharsets.UTF_8), data());
    }

    static byte[] assemble(byte[] header, byte[] data) {
        ByteBuffer buf = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length).put(header).put(data);
        return buf.array();
    }
}
