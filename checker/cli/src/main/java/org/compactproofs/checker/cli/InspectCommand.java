package org.compactproofs.checker.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Validates a model file and prints what the checker sees in it: whether it is supported, dimensions, biases, hash,
 * metadata. An unsupported model is refused (exit 2) with the reader's message naming the tensor and the shape
 * that is supported.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Validate a .safetensors model: say whether the checker supports it (else exit 2 with what is not"
                + " supported) and print its dimensions, biases, SHA-256 and metadata.")
final class InspectCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "The model file (.safetensors).")
    Path model;

    @Override
    public Integer call() {
        ModelReader.ModelFile file = ModelReader.read(model);
        Model m = file.model();
        System.out.println("model    " + file.path());
        System.out.println("support  supported: one layer, one head, attention only, no LayerNorm, output vocabulary ="
                + " input vocabulary (docs/model-format.md)");
        System.out.println("sha256   " + file.sha256());
        System.out.printf("shape    vocabulary %d, context %d, d_model %d, d_head %d, 1 head, 1 layer, attention only%n",
                m.vocab(), m.context(), m.dModel(), m.dHead());
        System.out.println("biases   " + (m.biases().any() ? "non-zero: b_Q, b_K, b_V, b_O, b_U enter the circuit tables"
                + " (docs/model-format.md, \"Biases\")" : "none (absent or zero)"));
        System.out.println("inputs   " + java.math.BigInteger.valueOf(m.vocab()).pow(m.context()));
        m.metadata().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> System.out.println("meta     " + e.getKey() + " = " + e.getValue()));
        return ExitCodes.ACCEPTED;
    }
}
