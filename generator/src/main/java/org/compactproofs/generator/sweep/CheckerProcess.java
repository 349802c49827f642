package org.compactproofs.generator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.compactproofs.checker.UnusableInputException;

/**
 * The checker jar run as a separate process, so that nothing of the generator's judgement is shared:
 * {@code java -jar checker.jar audit STAGE --json --threads N} on a stage of certificates.
 */
public final class CheckerProcess {
    private final Path jar;

    /** The checker jar, which must exist. */
    public CheckerProcess(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new UnusableInputException(jar + ": no checker jar (build first: mvn -q package -DskipTests)");
        }
        this.jar = jar;
    }

    /** The audit's JSON report of every certificate of the stage's MANIFEST (exit 0 or 1; any other is refused). */
    JsonNode audit(Path stage) throws IOException {
        Path output = Files.createTempFile("audit", ".json");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "audit", stage.toString(), "--json",
                "--threads", Integer.toString(Runtime.getRuntime().availableProcessors()))
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            int code = pb.start().waitFor();
            if (code != 0 && code != 1) {
                throw new UnusableInputException("checker audit of " + stage + " exited with " + code);
            }
            return new ObjectMapper().readTree(output.toFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
