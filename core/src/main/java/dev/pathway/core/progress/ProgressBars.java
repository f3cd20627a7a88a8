package dev.pathway.core.progress;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The process-wide progress factory. Defaults to silent; the CLI switches on terminal bars (rate
 * and ETA on stderr) with {@link #useTerminal()}.
 */
public final class ProgressBars {
    private static volatile Progress.Factory factory = Progress.Factory.NONE;

    private ProgressBars() {}

    public static Progress start(String task, long total, String unit) {
        return factory.start(task, total, unit);
    }

    public static void install(Progress.Factory f) {
        factory = f;
    }

    /** Terminal bars on stderr with rate and ETA. */
    public static void useTerminal() {
        install((task, total, unit) -> {
            ProgressBar bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setUnit(" " + unit, 1)
                    .showSpeed()
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500)
                    .setMaxRenderedLength(110)
                    .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                    .continuousUpdate()
                    .build();
            return new Progress() {
                @Override
                public void step(long n) {
                    bar.stepBy(n);
                }

                @Override
                public void setExtra(String message) {
                    bar.setExtraMessage(message);
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        });
    }
}
