package org.compactproofs.checker.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.UnusableInputException;

/**
 * Reads and validates a {@code .safetensors} file: an 8-byte little-endian header length N, N bytes of UTF-8
 * JSON, then the raw little-endian tensor data. Everything is checked before anything is trusted: the file size
 * against the caller's limit (before reading), the header length against the file and {@link #MAX_HEADER_BYTES},
 * the UTF-8 and the JSON (strictly, duplicate keys rejected, nesting bounded), the dtypes, that each tensor's byte
 * range matches its shape (with overflow checked) and lies inside the data, that the ranges neither overlap nor
 * leave holes or trailing bytes (the safetensors specification requires the data to be fully indexed), that every
 * floating-point value is finite and every BOOL byte 0 or 1. Any violation is a {@link ModelFormatException}.
 */
public final class SafetensorsReader {
    /** Largest accepted JSON header, as in the reference safetensors implementation (100 MB). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;
    /**
     * The dtype whitelist, with the bytes per element: F16, BF16, F32, F64 (every value of each is a dyadic
     * rational that a double holds exactly), and BOOL (for TransformerLens' masks).
     */
    private static final Map<String, Integer> ELEMENT_BYTES = Map.of("F16", 2, "BF16", 2, "F32", 4, "F64", 8, "BOOL", 1);
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .build();

    /** A decoded file: tensors by name (in the order of their data), the metadata strings, and the raw bytes. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata, byte[] bytes) {}

    /**
     * A header entry, checked on its own: its dtype is whitelisted, {@code begin <= end}, and {@code end - begin}
     * is exactly the byte size of its shape (not yet checked: that the range lies inside the data).
     */
    private record Entry(String name, String dtype, int[] shape, long begin, long end) {}

    private final Path file;

    private SafetensorsReader(Path file) {
        this.file = file;
    }

    /** The file's contents; a file of more than {@code maxBytes} bytes is refused before it is read. */
    public static Contents read(Path file, long maxBytes) {
        return new SafetensorsReader(file).read(maxBytes);
    }

    private ModelFormatException error(String problem) {
        return new ModelFormatException(file, problem);
    }

    private ModelFormatException error(String tensor, String problem) {
        return new ModelFormatException(file, tensor, problem);
    }

    /** Refuses the file with {@code problem} (about {@code tensor}, or the whole file if null) unless {@code ok}. */
    private void require(boolean ok, String tensor, String problem) {
        if (!ok) {
            throw error(tensor, problem);
        }
    }

    private Contents read(long maxBytes) {
        byte[] bytes;
        try {
            require(Files.isRegularFile(file), null, Files.exists(file) ? "not a regular file" : "no such file");
            long size = Files.size(file);
            if (size > maxBytes) {
                throw Limits.mark(error("file is " + size + " bytes, above the limit of " + maxBytes
                        + Limits.raising("--max-model-bytes")));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw error("cannot read: " + UnusableInputException.describe(e));
        }
        require(bytes.length >= 8, null,
                "file is " + bytes.length + " bytes long; a safetensors file starts with an 8-byte header length");
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        require(headerLength >= 2 && headerLength <= MAX_HEADER_BYTES, null, "header length "
                + Long.toUnsignedString(headerLength) + " is outside the accepted range 2.." + MAX_HEADER_BYTES);
        require(headerLength <= bytes.length - 8L, null,
                "header length " + headerLength + " runs past the end of the file (" + bytes.length + " bytes)");
        String json;
        try { // a fresh decoder reports (CharsetDecoder's default), never replaces, malformed or unmappable input
            json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 8, (int) headerLength)).toString();
        } catch (CharacterCodingException e) {
            throw error("header is not valid UTF-8");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = parseHeader(json, metadata);
        return new Contents(decode(entries, bytes, 8 + (int) headerLength), metadata, bytes);
    }

    /** The header's entries, in header order; its {@code __metadata__} strings go to {@code metadata}. */
    private List<Entry> parseHeader(String json, Map<String, String> metadata) {
        List<Entry> entries = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            require(p.nextToken() == JsonToken.START_OBJECT, null, "header is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                require(p.nextToken() == JsonToken.START_OBJECT, name, "header entry is not a JSON object");
                if (!name.equals("__metadata__")) {
                    entries.add(parseEntry(p, name));
                } else {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        require(p.nextToken() == JsonToken.VALUE_STRING, null,
                                "__metadata__ value of '" + key + "' is not a string");
                        metadata.put(key, p.getText());
                    }
                }
            }
            require(p.nextToken() == null, null, "header has content after its JSON object");
        } catch (JsonParseException e) {
            throw error("header is not well-formed JSON: " + e.getOriginalMessage()
                    + " (header line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw error("header cannot be parsed: " + e.getMessage());
        }
        return entries;
    }

    private Entry parseEntry(JsonParser p, String name) throws IOException {
        String dtype = null;
        long[] shape = null, offsets = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            switch (key) {
                case "dtype" -> {
                    require(value == JsonToken.VALUE_STRING, name, "dtype is not a string");
                    dtype = p.getText();
                }
                case "shape" -> shape = readNaturals(p, name, "shape", value, Integer.MAX_VALUE);
                case "data_offsets" -> offsets = readNaturals(p, name, "data_offsets", value, Long.MAX_VALUE);
                default -> throw error(name, "unknown header field '" + key + "'");
            }
        }
        require(dtype != null && shape != null && offsets != null, name,
                "header entry needs dtype, shape and data_offsets");
        require(ELEMENT_BYTES.containsKey(dtype), name,
                "unsupported dtype '" + dtype + "' (supported: F16, BF16, F32, F64, and BOOL for masks)");
        require(offsets.length == 2 && offsets[0] <= offsets[1], name,
                "data_offsets must be [begin, end] with begin <= end");
        int[] dims = Arrays.stream(shape).mapToInt(Math::toIntExact).toArray(); // each is at most Integer.MAX_VALUE
        long expected;
        try {
            expected = Math.multiplyExact(Tensor.elementCount(dims), ELEMENT_BYTES.get(dtype));
        } catch (ArithmeticException e) {
            throw error(name, "shape " + Arrays.toString(dims) + " is too large");
        }
        require(offsets[1] - offsets[0] == expected, name, "data_offsets " + offsets[0] + ".." + offsets[1] + " hold "
                + (offsets[1] - offsets[0]) + " bytes but dtype " + dtype + " and shape " + Arrays.toString(dims)
                + " need " + expected);
        return new Entry(name, dtype, dims, offsets[0], offsets[1]);
    }

    /** A JSON array (its start token already read) of at most 8 integers, each in 0..max. */
    private long[] readNaturals(JsonParser p, String name, String field, JsonToken start, long max) throws IOException {
        require(start == JsonToken.START_ARRAY, name, field + " is not an array");
        List<Long> values = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            require(t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                    && p.getLongValue() >= 0 && p.getLongValue() <= max && values.size() < 8, name,
                    field + " must hold at most 8 non-negative integers, each at most " + max
                            + ", found " + p.getText());
            values.add(p.getLongValue());
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Checks that the entries' byte ranges tile the data (from {@code dataStart} to the end of the file) exactly,
     * with no overlap, hole or trailing byte, and decodes each tensor once its range is known to lie inside the
     * data (so its element count fits in an int).
     */
    private Map<String, Tensor> decode(List<Entry> entries, byte[] bytes, int dataStart) {
        long dataLength = bytes.length - (long) dataStart;
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        long covered = 0;
        String previous = null;
        for (Entry e : entries) {
            String range = "data_offsets " + e.begin + ".." + e.end;
            require(e.end <= dataLength, e.name, range + " run past the end of the data (" + dataLength + " bytes)");
            require(e.begin >= covered, e.name, range + " overlap tensor '" + previous + "'");
            require(e.begin <= covered, e.name,
                    "bytes " + covered + ".." + e.begin + " before this tensor belong to no tensor");
            covered = e.end;
            previous = e.name;
            ByteBuffer data = ByteBuffer.wrap(bytes).slice(dataStart + (int) e.begin, (int) (e.end - e.begin));
            tensors.put(e.name, decode(e, data.order(ByteOrder.LITTLE_ENDIAN)));
        }
        require(covered == dataLength, null, (dataLength - covered) + " trailing bytes after the last tensor's data");
        return tensors;
    }

    /** The tensor of an entry whose data is {@code data}: every floating-point value finite, every BOOL byte 0 or 1. */
    private Tensor decode(Entry e, ByteBuffer data) {
        double[] values = new double[(int) Tensor.elementCount(e.shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (e.dtype) {
                case "F64" -> data.getDouble(8 * i);
                case "F32" -> data.getFloat(4 * i);
                case "BF16" -> Float.intBitsToFloat((data.getShort(2 * i) & 0xffff) << 16); // float32's top half
                case "F16" -> half(data.getShort(2 * i));
                default -> data.get(i); // BOOL, the only other whitelisted dtype
            };
            if (!Double.isFinite(values[i])) {
                throw error(e.name, "element " + i + " is " + values[i] + "; every weight must be finite");
            }
            if (e.dtype.equals("BOOL") && values[i] != 0 && values[i] != 1) {
                throw error(e.name, "BOOL element " + i + " is byte " + (data.get(i) & 0xff) + ", not 0 or 1");
            }
        }
        return new Tensor(e.name, e.dtype, e.shape, values);
    }

    /**
     * The exact value of an IEEE 754 binary16 (1 sign, 5 exponent and 10 significand bits; bias 15): subnormal
     * m 2^-24, normal (1024 + m) 2^(e-25), infinite or NaN for the top exponent. Each is exact in a double.
     */
    static double half(short bits) {
        int e = (bits >> 10) & 0x1f, m = bits & 0x3ff;
        double magnitude = e == 0x1f ? (m == 0 ? Double.POSITIVE_INFINITY : Double.NaN)
                : e == 0 ? Math.scalb((double) m, -24) : Math.scalb((double) (1024 + m), e - 25);
        return bits < 0 ? -magnitude : magnitude;
    }
}
