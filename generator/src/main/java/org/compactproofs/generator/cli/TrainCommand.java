package org.compactproofs.generator.cli;

import org.compactproofs.generator.model.Inputs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a Max-of-K model with the paper's configuration (deterministic in the seed) and write "
                + "it as .safetensors, with its exhaustively measured float accuracy in the metadata.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--seed", required = true, description = "Random seed.")
    long seed;
    @Option(names = "--out", required = true, description = "Output .safetensors file.")
    Path out;
    @Option(names = "--threads", defaultValue = "0",
            description = "Threads for the accuracy evaluation (0 = all cores).")
    int threads;
    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;
    @Mixin
    ModelSizeOptions sizes;

    @Override
    public Integer call() {
        TrainedModel t;
        try (Progress progress = new Progress("train seed " + seed, quiet)) {
            t = TrainedModel.train(sizes.config(seed), progress, Threads.resolve(threads));
        }
        byte[] bytes = SafetensorsWriter.write(t.model(), out);
        System.out.printf("trained seed %d in %.1f s%n", seed, t.trainingSeconds());
        if (t.accuracy() != null) {
            System.out.printf("accuracy %d / %d = %s (float evaluation of every input; not a proof)%n",
                    t.accuracy().correct(), t.accuracy().total(),
                    Inputs.decimal(t.accuracy().correct(), t.accuracy().total()));
        } else {
            System.out.printf("accuracy not enumerated (%s inputs); 'generator accuracy' estimates it by sampling%n",
                    Inputs.count(t.model()));
        }
        System.out.println("wrote " + out + " (sha256 " + ModelReader.sha256(bytes) + ")");
        return 0;
    }
}
