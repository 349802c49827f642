package org.compactproofs.generator.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.compactproofs.generator.train.Trainer;

/**
 * Training progress for a person: a progress bar with step, loss and elapsed time on a terminal; when output is
 * not a terminal (CI, logs), one plain line every tenth of the run. Progress goes to stderr so stdout stays data.
 */
final class Progress implements Trainer.Listener, AutoCloseable {
    private final String task;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private ProgressBar bar;

    Progress(String task, boolean quiet) {
        this.task = task;
        this.quiet = quiet;
    }

    @Override
    public void onStep(int step, int steps, double loss) {
        if (quiet) {
            return;
        }
        if (System.console() != null) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(steps)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .build();
            }
            bar.stepTo(step);
            bar.setExtraMessage(String.format("loss %.5f", loss));
        } else if (step == steps || step % Math.max(1, steps / 10) == 0) {
            System.err.printf("%s: step %d/%d  loss %.5f  %.1f s%n", task, step, steps, loss,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
