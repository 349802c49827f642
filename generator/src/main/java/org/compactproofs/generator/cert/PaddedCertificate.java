package org.compactproofs.generator.cert;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactproofs.checker.cert.Numbers;

/**
 * A valid certificate made as long as wanted, for the streaming test and the memory benchmark: the same steps
 * (so the same verdict and count), each integer field written with leading zeros (up to {@link Numbers#MAX_DIGITS}
 * characters, so the checker parses long numbers) and the line ended by a comment. No certificate of this
 * project is legitimately a gigabyte long (a cubic one is 280 kB, a brute-force one is one line); this is the
 * nearest valid thing: every byte is on a step line that goes through the parser.
 */
public final class PaddedCertificate {
    private static final Pattern INTEGER = Pattern.compile("(?<= )(-?)(\\d+)(?= |$)");
    /** Step lines stay well below the checker's default limit of 1 MiB a line. */
    private static final int MAX_LINE = 1 << 19;

    private PaddedCertificate() {}

    /** Writes {@code source} padded to about {@code bytes} bytes into {@code out}; returns the size written. */
    public static long write(Path source, long bytes, Path out) throws IOException {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        int headerEnd = 0;
        while (!lines.get(headerEnd).startsWith("strategy ")) {
            headerEnd++;
        }
        long steps = lines.stream().skip(headerEnd + 1).filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        long perStep = Math.max(0, (bytes - Files.size(source)) / Math.max(1, steps));
        if (perStep > MAX_LINE) {
            throw new IllegalArgumentException(bytes + " bytes need lines of " + perStep + " bytes; pad a certificate "
                    + "with more steps");
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 20)) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean step = i > headerEnd && !line.isBlank() && !line.startsWith("#");
                w.write(step ? pad(line, (int) perStep) : line);
                w.write('\n');
            }
        }
        return Files.size(out);
    }

    /** The step with about {@code extra} more bytes: half in leading zeros of its integers, the rest a comment. */
    static String pad(String step, int extra) {
        int comment = step.indexOf('#');
        String body = comment < 0 ? step : step.substring(0, comment).stripTrailing();
        Matcher m = INTEGER.matcher(body);
        int count = 0;
        while (m.find()) {
            count++;
        }
        int zeros = count == 0 ? 0 : extra / 2 / count;
        StringBuilder out = new StringBuilder(body.length() + extra + 8);
        m.reset();
        while (m.find()) {
            int width = Math.max(m.group(2).length(), Math.min(Numbers.MAX_DIGITS - m.group(1).length(),
                    m.group(2).length() + zeros));
            m.appendReplacement(out, m.group(1) + "0".repeat(width - m.group(2).length()) + m.group(2));
        }
        m.appendTail(out);
        int rest = extra - (out.length() - body.length()) - 3;
        return rest > 0 ? out.append(" # ").append("p".repeat(rest)).toString() : out.toString();
    }
}
