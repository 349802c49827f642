package org.compactproofs.generator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.rules.SmallModels;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Sweep} as a plain class: what it tells its listener, the files it names, and resuming. */
class SweepRunTest {
    @TempDir
    Path dir;

    /** Records the listener's calls, one line each. */
    private static final class Recorder implements Sweep.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void started(String task, int seeds) {
            events.add("started " + task + " " + seeds);
        }

        @Override
        public void seedDone() {
            events.add("seed");
        }

        @Override
        public void finished() {
            events.add("finished");
        }

        @Override
        public void note(String line) {
            events.add("note " + line);
        }
    }

    /** The packaged checker jar (the test is skipped without it). */
    private static Path checkerJar() {
        Path jar = RepositoryFiles.root().resolve("checker/target/checker.jar");
        assumeTrue(Files.isRegularFile(jar), "needs the packaged checker jar (mvn verify builds it first)");
        return jar;
    }

    /** A directory "models" holding a trained Max-of-4 test model as seed 7. */
    private Path oneModel() throws Exception {
        Path models = dir.resolve("models");
        Files.createDirectories(models);
        SafetensorsWriter.write(SmallModels.trained().stream().filter(n -> n.model().context() == 4).findFirst()
                .orElseThrow().model(), models.resolve("seed-7.safetensors"));
        return models;
    }

    @Test
    void aSweepTellsItsProgressAndResumes() throws Exception {
        Path jar = checkerJar(), models = oneModel();
        Sweep sweep = new Sweep(new Sweep.Options(4, models, dir.resolve("archive"), dir.resolve("results.md"), jar, null,
                List.of("cubic"), false));
        Recorder first = new Recorder();
        Sweep.Written w = sweep.run(first);
        assertEquals(List.of("started sweep max-of-4 1", "seed", "finished"), first.events);
        assertEquals(new Sweep.Written(dir.resolve("archive/results/max-of-4.json"),
                dir.resolve("archive/results/max-of-4.csv"), dir.resolve("archive/MANIFEST.json"),
                dir.resolve("results.md")), w);
        Path cert = dir.resolve("archive/max-of-4/seed-7/cubic.cert.gz");
        assertTrue(Files.isRegularFile(cert) && Files.isRegularFile(w.csv()) && Files.isRegularFile(w.markdown()));
        String results = Files.readString(w.results());
        long modified = Files.getLastModifiedTime(cert).toMillis();
        Thread.sleep(20);
        Recorder again = new Recorder();
        sweep.run(again);
        assertEquals(first.events, again.events);
        assertEquals(modified, Files.getLastModifiedTime(cert).toMillis(), "a recorded pair is not redone");
        assertEquals(results, Files.readString(w.results()));
    }

    /**
     * A model directory named max-of-4-vocab-V is its own task (issue 16): the main strategies by default, archived
     * and recorded under its name, the MANIFEST entries under it, and the scale page written with its headline; a
     * model of another vocabulary in it is refused.
     */
    @Test
    void aLargerVocabularyIsItsOwnTask() throws Exception {
        Path jar = checkerJar();
        org.compactproofs.checker.model.Model m = SmallModels.trained().stream().filter(n -> n.model().context() == 4)
                .findFirst().orElseThrow().model();
        String task = "max-of-4-vocab-" + m.vocab();
        Path models = dir.resolve("models").resolve(task);
        Files.createDirectories(models);
        SafetensorsWriter.write(m, models.resolve("seed-7.safetensors"));
        Path page = dir.resolve("scale.md");
        Recorder told = new Recorder();
        Sweep.Written w = new Sweep(new Sweep.Options(4, models, dir.resolve("archive"), page, jar, null, null, false)).run(told);
        assertEquals(List.of("started sweep " + task + " 1", "seed", "finished"), told.events);
        assertEquals(dir.resolve("archive/results/" + task + ".json"), w.results());
        for (String s : StrategySelection.MAIN_STRATEGIES) {
            assertTrue(Files.isRegularFile(dir.resolve("archive/" + task + "/seed-7/" + s + ".cert.gz")), s);
        }
        assertTrue(Files.readString(dir.resolve("archive/MANIFEST.json")).contains("\"" + task + "/seed-7/cubic.cert.gz\""));
        String md = Files.readString(page);
        assertTrue(md.contains("## Headline\n\nAt vocabulary " + m.vocab() + " (Max-of-4, 1 seed), `"), md);
        assertTrue(md.contains("| " + m.vocab() + " | brute-force | 1 |"), md);
        Path other = dir.resolve("models/max-of-4-vocab-" + (m.vocab() + 1));
        Files.createDirectories(other);
        SafetensorsWriter.write(m, other.resolve("seed-7.safetensors"));
        org.compactproofs.checker.UnusableInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.compactproofs.checker.UnusableInputException.class, () -> new Sweep(new Sweep.Options(4, other,
                        dir.resolve("archive"), page, jar, null, null, false)).run(new Recorder()));
        assertTrue(e.getMessage().contains("vocabulary " + m.vocab() + ", but its directory names the task"), e.getMessage());
    }

    /** --no-archive: the strategy is judged and recorded (archived false) but neither archived nor in the MANIFEST. */
    @Test
    void unarchivedStrategiesAreRecordedButNotArchived() throws Exception {
        Path jar = checkerJar(), models = oneModel();
        Sweep.Written w = new Sweep(new Sweep.Options(4, models, dir.resolve("archive"), dir.resolve("results.md"), jar,
                null, List.of("cubic", "subcubic-maxdiff"), false, List.of("cubic"))).run(new Recorder());
        String results = Files.readString(w.results()), manifest = Files.readString(w.manifest());
        assertTrue(results.matches("(?s).*\\{\"seed\":7,\"strategy\":\"cubic\"[^\n]*\"accepted\":true[^\n]*\"archived\":false.*"), results);
        assertTrue(!Files.exists(dir.resolve("archive/max-of-4/seed-7/cubic.cert.gz")) && !manifest.contains("cubic.cert.gz"), manifest);
        assertTrue(Files.isRegularFile(dir.resolve("archive/max-of-4/seed-7/subcubic-maxdiff.cert.gz"))
                && manifest.contains("max-of-4/seed-7/subcubic-maxdiff.cert.gz"), manifest);
    }
}
