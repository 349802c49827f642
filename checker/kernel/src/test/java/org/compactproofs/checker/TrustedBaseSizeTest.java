package org.compactproofs.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The size table of docs/trusted-base.md ("Size") is computed, never typed: this test counts the non-comment,
 * non-blank lines (NCLOC: lines whose trimmed text is empty or starts with //, * or /* do not count) of each
 * package of checker/kernel/src/main/java and fails, printing the right rows, when the table says otherwise. Run with
 * -Dtrusted-base.update=true to rewrite the numbers in place.
 */
class TrustedBaseSizeTest {
    private static final Pattern ROW = Pattern.compile("^\\| (`[a-z]+/`|top level[^|]*|total) \\| ([0-9,]+) \\|", Pattern.MULTILINE);

    static long ncloc(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//") && !l.startsWith("*")
                    && !l.startsWith("/*")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** NCLOC by row of the table: each package directory as `name/`, the files directly in the root, the total. */
    static Map<String, Long> measured() throws IOException {
        Path root = RepositoryFiles.root().resolve("checker/kernel/src/main/java/org/compactproofs/checker");
        Map<String, Long> rows = new LinkedHashMap<>();
        long top = 0, total = 0;
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.sorted().toList()) {
                if (Files.isDirectory(p)) {
                    long n;
                    try (Stream<Path> files = Files.walk(p)) {
                        n = files.filter(f -> f.toString().endsWith(".java")).mapToLong(TrustedBaseSizeTest::ncloc).sum();
                    }
                    rows.put("`" + p.getFileName() + "/`", n);
                    total += n;
                } else if (p.toString().endsWith(".java")) {
                    top += ncloc(p);
                }
            }
        }
        rows.put("top level", top);
        rows.put("total", total + top);
        return rows;
    }

    @Test
    void theSizeTableOfTheTrustedBaseIsCurrent() throws IOException {
        Path doc = RepositoryFiles.root().resolve("docs/trusted-base.md");
        String text = Files.readString(doc);
        Map<String, Long> measured = measured();
        Map<String, Long> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(text);
        StringBuilder updated = new StringBuilder();
        while (m.find()) {
            String key = m.group(1).startsWith("top level") ? "top level" : m.group(1);
            documented.put(key, Long.parseLong(m.group(2).replace(",", "")));
            Long n = measured.get(key);
            m.appendReplacement(updated, Matcher.quoteReplacement("| " + m.group(1) + " | "
                    + (n == null ? m.group(2) : String.format(Locale.ROOT, "%,d", n)) + " |"));
        }
        m.appendTail(updated);
        if (Boolean.getBoolean("trusted-base.update")) {
            Files.writeString(doc, updated.toString());
            documented = measured;
        }
        List<String> expected = new ArrayList<>();
        measured.forEach((k, n) -> expected.add(k + " " + String.format(Locale.ROOT, "%,d", n)));
        assertTrue(!documented.isEmpty(), "no size table in " + doc);
        assertEquals(measured, documented, "docs/trusted-base.md's size table is stale; it should read " + expected
                + " (mvn -q -pl checker test -Dtest=TrustedBaseSizeTest -Dtrusted-base.update=true rewrites it)");
    }
}
