package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples in the comment of grammar/.../Certificate.g4 are real: its certificate is accepted with its claim for
 * the shipped seed-123 model, and so is its case step (in a cubic certificate claiming that case's count).
 */
class GrammarExampleTest {
    @Test
    void theGrammarsExamplesAreAcceptedForTheModelTheyName(@TempDir Path dir) throws IOException {
        Path g4 = RepositoryFiles.root().resolve("grammar/src/main/antlr4/org/compactproofs/grammar/Certificate.g4");
        List<String> lines = Files.readAllLines(g4).stream().filter(l -> l.startsWith(" *   "))
                .map(l -> l.substring(5).replaceAll(" {2,}.*", "")).toList(); // without the annotations
        assertEquals(7, lines.size(), "six lines of certificate, then the step: " + lines);
        Path cert = dir.resolve("example.cert");
        Files.writeString(cert, String.join("\n", lines.subList(0, 6)) + "\n");
        Verdict whole = CertificateFile.check(RepositoryFiles.shippedModel(123), cert, 2);
        assertTrue(whole.accepted(), "the whole certificate: " + whole.failure());
        assertEquals(whole.header().claimedCorrect(), whole.proven());

        String step = lines.get(6), count = step.substring(step.lastIndexOf(' ') + 1);
        Files.writeString(cert, String.join("\n", lines.subList(0, 3)) + "\nclaim correct " + count
                + " of 16777216\nstrategy cubic\n" + step + "\n");
        Verdict one = CertificateFile.check(RepositoryFiles.shippedModel(123), cert, 2);
        assertTrue(one.accepted(), "the step: " + one.failure());
        assertEquals(new BigInteger(count), one.proven());
    }
}
