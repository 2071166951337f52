package org.plenary.cli;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr (done/total, rate, time left; the progressbar library), shown only when
 * stderr is a terminal and the work lasts more than a second, so logs and pipes stay clean.
 */
final class Progress implements AutoCloseable {
    private static final long QUIET_NANOS = 1_000_000_000L;

    private final String unit;
    private final long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long done;
    private ProgressBar bar;

    Progress(String unit, long total) {
        this.unit = unit;
        this.total = total;
        this.enabled = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    void step() {
        done++;
        if (!enabled) {
            return;
        }
        if (bar == null && System.nanoTime() - start > QUIET_NANOS) {
            bar = new ProgressBarBuilder().setTaskName(unit).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed()
                    .startsFrom(done, Duration.ofNanos(System.nanoTime() - start)).build();
        }
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
