package org.compactproofs.generator.cert;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.Model;

/**
 * Writes a certificate in the language of docs/language.md: the header (version 1, the model's SHA-256, the
 * task, the claim with its decimal in a comment, the strategy), then steps, one per line, with comments for the
 * human auditor. Written to a temporary file and renamed, so a reader never sees half a certificate.
 */
public final class CertificateWriter implements AutoCloseable {
    private final Path target, temporary;
    private final Writer out;

    public CertificateWriter(Path file, String modelSha256, Model model, BigInteger claimedCorrect, String strategy) {
        this.target = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            this.temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            this.out = new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UnusableInputException("cannot write " + file + ": " + UnusableInputException.describe(e), e);
        }
        BigInteger total = BigInteger.valueOf(model.vocab()).pow(model.context());
        comment("compact-proofs certificate: accuracy of a Max-of-K model, checked by checker.jar");
        line("compact-proofs certificate 1");
        line("model sha256:" + modelSha256);
        line("task max-of-k vocab " + model.vocab() + " context " + model.context() + " distribution uniform");
        line("claim correct " + claimedCorrect + " of " + total + "   # accuracy >= "
                + new BigDecimal(claimedCorrect).divide(new BigDecimal(total), 7, RoundingMode.FLOOR).toPlainString());
        line("strategy " + strategy);
    }

    public void comment(String text) {
        line("# " + text);
    }

    public void line(String text) {
        try {
            out.write(text);
            out.write('\n');
        } catch (IOException e) {
            throw new UnusableInputException("cannot write " + target + ": " + UnusableInputException.describe(e), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UnusableInputException("cannot write " + target + ": " + UnusableInputException.describe(e), e);
        }
    }
}
