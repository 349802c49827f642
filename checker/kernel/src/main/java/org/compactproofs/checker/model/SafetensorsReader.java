package org.compactproofs.checker.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.UnusableInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates a {@code .safetensors} file: an 8-byte little-endian header length N, N bytes of UTF-8
 * JSON, then the raw little-endian tensor data. Everything is checked before anything is trusted: the header
 * length against the file and {@link #MAX_HEADER_BYTES}, the JSON (strictly, duplicate keys rejected), the
 * dtypes, that each tensor's byte range matches its shape and lies inside the data, that the ranges neither
 * overlap nor leave holes or trailing bytes (the safetensors specification requires the data to be fully
 * indexed), and that every floating-point value is finite. Any violation is a {@link ModelFormatException}.
 */
public final class SafetensorsReader {
    /** Largest accepted JSON header, as in the reference safetensors implementation (100 MB). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final String METADATA = "__metadata__";

    /** A decoded file: tensors by name (in header order), the metadata strings, and the raw bytes. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata, byte[] bytes) {}

    private record Entry(String name, String dtype, int[] shape, long begin, long end) {}

    private final Path file;
    private final long maxBytes;

    private SafetensorsReader(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** The file's contents; a file of more than {@code maxBytes} bytes is refused before it is read. */
    public static Contents read(Path file, long maxBytes) {
        return new SafetensorsReader(file, maxBytes).read();
    }

    private ModelFormatException error(String problem) {
        return new ModelFormatException(file, problem);
    }

    private ModelFormatException error(String tensor, String problem) {
        return new ModelFormatException(file, tensor, problem);
    }

    private Contents read() {
        byte[] bytes = readBytes();
        if (bytes.length < 8) {
            throw error("file is " + bytes.length + " bytes long; a safetensors file starts with an 8-byte header length");
        }
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
            throw error("header length " + Long.toUnsignedString(headerLength)
                    + " is outside the accepted range 2.." + MAX_HEADER_BYTES);
        }
        if (headerLength > bytes.length - 8L) {
            throw error("header length " + headerLength + " runs past the end of the file ("
                    + bytes.length + " bytes)");
        }
        String json = decodeUtf8(bytes, (int) headerLength);
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = parseHeader(json, metadata);
        int dataStart = 8 + (int) headerLength;
        long dataLength = bytes.length - (long) dataStart;
        checkLayout(entries, dataLength);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry e : entries) {
            tensors.put(e.name, decode(e, bytes, dataStart));
        }
        return new Contents(tensors, metadata, bytes);
    }

    private byte[] readBytes() {
        try {
            if (!Files.isRegularFile(file)) {
                throw error(Files.exists(file) ? "not a regular file" : "no such file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw Limits.mark(error("file is " + size + " bytes, above the limit of " + maxBytes
                        + Limits.raising("--max-model-bytes")));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw error("cannot read: " + UnusableInputException.describe(e));
        }
    }

    private String decodeUtf8(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 8, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error("header is not valid UTF-8");
        }
    }

    private List<Entry> parseHeader(String json, Map<String, String> metadata) {
        JsonFactory factory = JsonFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
                .build();
        List<Entry> entries = new ArrayList<>();
        try (JsonParser p = factory.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error("header is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw error(name, "header entry is not a JSON object");
                }
                if (METADATA.equals(name)) {
                    parseMetadata(p, metadata);
                } else {
                    entries.add(parseEntry(p, name));
                }
            }
            if (p.nextToken() != null) {
                throw error("header has content after its JSON object");
            }
        } catch (JsonParseException e) {
            throw error("header is not well-formed JSON: " + e.getOriginalMessage()
                    + " (header line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw error("header cannot be parsed: " + e.getMessage());
        }
        return entries;
    }

    private void parseMetadata(JsonParser p, Map<String, String> metadata) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                throw error("__metadata__ value of '" + key + "' is not a string");
            }
            metadata.put(key, p.getText());
        }
    }

    private Entry parseEntry(JsonParser p, String name) throws IOException {
        String dtype = null;
        int[] shape = null;
        long[] offsets = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken value = p.nextToken();
            switch (key) {
                case "dtype" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw error(name, "dtype is not a string");
                    }
                    dtype = p.getText();
                }
                case "shape" -> shape = toInts(name, readNaturals(p, name, "shape", value));
                case "data_offsets" -> offsets = readNaturals(p, name, "data_offsets", value);
                default -> throw error(name, "unknown header field '" + key + "'");
            }
        }
        if (dtype == null || shape == null || offsets == null) {
            throw error(name, "header entry needs dtype, shape and data_offsets");
        }
        if (!dtype.equals("F32") && !dtype.equals("F64") && !dtype.equals("BOOL")) {
            throw error(name, "unsupported dtype '" + dtype + "' (supported: F32, F64, and BOOL for masks)");
        }
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw error(name, "data_offsets must be [begin, end] with begin <= end");
        }
        long expected;
        try {
            expected = Math.multiplyExact(Tensor.elementCount(shape), elementSize(dtype));
        } catch (ArithmeticException e) {
            throw error(name, "shape " + java.util.Arrays.toString(shape) + " is too large");
        }
        if (offsets[1] - offsets[0] != expected) {
            throw error(name, "data_offsets " + offsets[0] + ".." + offsets[1] + " hold " + (offsets[1] - offsets[0])
                    + " bytes but dtype " + dtype + " and shape " + java.util.Arrays.toString(shape) + " need " + expected);
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private long[] readNaturals(JsonParser p, String name, String field, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw error(name, field + " is not an array");
        }
        List<Long> values = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    || p.getLongValue() < 0 || values.size() >= 8) {
                throw error(name, field + " must hold at most 8 non-negative integers, found " + p.getText());
            }
            values.add(p.getLongValue());
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private int[] toInts(String name, long[] values) {
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] > Integer.MAX_VALUE) {
                throw error(name, "shape dimension " + values[i] + " is too large");
            }
            ints[i] = (int) values[i];
        }
        return ints;
    }

    private static int elementSize(String dtype) {
        return switch (dtype) {
            case "F64" -> 8;
            case "F32" -> 4;
            default -> 1;
        };
    }

    /** The byte ranges must tile [0, dataLength) exactly: no overlap, no hole, no trailing bytes. */
    private void checkLayout(List<Entry> entries, long dataLength) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        Entry previous = null;
        for (Entry e : sorted) {
            if (e.end > dataLength) {
                throw error(e.name, "data_offsets " + e.begin + ".." + e.end + " run past the end of the data ("
                        + dataLength + " bytes)");
            }
            if (e.begin < covered) {
                throw error(e.name, "data_offsets " + e.begin + ".." + e.end + " overlap tensor '" + previous.name + "'");
            }
            if (e.begin > covered) {
                throw error(e.name, "bytes " + covered + ".." + e.begin + " before this tensor belong to no tensor");
            }
            covered = e.end;
            previous = e;
        }
        if (covered != dataLength) {
            throw error((dataLength - covered) + " trailing bytes after the last tensor's data");
        }
    }

    private Tensor decode(Entry e, byte[] bytes, int dataStart) {
        int count = (int) Tensor.elementCount(e.shape);
        ByteBuffer buf = ByteBuffer.wrap(bytes, dataStart + (int) e.begin, (int) (e.end - e.begin))
                .slice().order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (e.dtype) {
                case "F64" -> buf.getDouble(8 * i);
                case "F32" -> buf.getFloat(4 * i);
                default -> boolValue(e, buf.get(i), i);
            };
            if (!Double.isFinite(values[i])) {
                throw error(e.name, "element " + i + " is " + values[i] + "; every weight must be finite");
            }
        }
        return new Tensor(e.name, e.dtype, e.shape, values);
    }

    private double boolValue(Entry e, byte b, int index) {
        if (b != 0 && b != 1) {
            throw error(e.name, "BOOL element " + index + " is byte " + (b & 0xff) + ", not 0 or 1");
        }
        return b;
    }
}
