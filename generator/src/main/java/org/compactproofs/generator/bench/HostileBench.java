package org.compactproofs.generator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.Strategy;

/**
 * The checker on hostile inputs ({@link HostileInputs}) next to normal certificates of the archive, each in its
 * own checker JVM ({@link PeakMemory}): exit code, seconds and peak resident memory, with ratios to the first
 * input's check (the archived cubic certificate) measured in the same run. The hostile files live in a temporary
 * directory until {@link #close}.
 */
public final class HostileBench implements AutoCloseable {
    /** One input checked by one checker jar: its run, and its time's ratio to the jar's first input. */
    public record Row(HostileInputs.Input input, Path jar, PeakMemory.Run run, double ratio) {}

    private final TempDirectory dir = new TempDirectory("bench-hostile");
    private final List<HostileInputs.Input> inputs = new ArrayList<>();

    /** The archived cubic, subcubic-union and brute-force certificates of the model, then the hostile pairs built on it. */
    public HostileBench(Path model, Path archive) throws IOException {
        try {
            for (Strategy normal : List.of(Strategies.CUBIC, Strategies.SUBCUBIC_UNION, Strategies.BRUTE_FORCE)) {
                inputs.add(new HostileInputs.Input("normal " + normal.name(), "the archived certificate", model,
                        archive.resolve(normal.name() + ".cert.gz")));
            }
            inputs.addAll(HostileInputs.write(ModelReader.read(model).model(), dir.path()));
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    public List<HostileInputs.Input> inputs() {
        return List.copyOf(inputs);
    }

    /** Every input with every jar in turn, each run stopped after {@code timeoutSeconds}; a row per run to {@code out}. */
    public void run(List<Path> jars, int timeoutSeconds, Consumer<Row> out) throws IOException, InterruptedException {
        for (Path jar : jars) {
            double baseline = 0;
            for (HostileInputs.Input in : inputs) {
                List<String> command = new ArrayList<>(List.of(PeakMemory.java(), "-jar", jar.toString(), "check",
                        "--model", in.model().toString(), "--cert", in.certificate().toString()));
                command.addAll(in.options());
                PeakMemory.Run r = PeakMemory.measure(command, timeoutSeconds);
                baseline = baseline == 0 ? r.seconds() : baseline;
                out.accept(new Row(in, jar, r, r.seconds() / baseline));
            }
        }
    }

    /** Removes the hostile files. */
    @Override
    public void close() throws IOException {
        dir.close();
    }
}
