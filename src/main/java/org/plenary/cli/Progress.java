package org.plenary.cli;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr (done/total, time left; the progressbar library), shown only when
 * stderr is a terminal and the work lasts more than a second, so logs and pipes stay clean. Its
 * width is fixed so it does not jitter; when the work is done it is replaced by one line saying
 * what comes next (e.g. writing charts), rather than repeating 100%.
 */
final class Progress implements AutoCloseable {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final int WIDTH = 90;

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
                    .setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH)).setMaxRenderedLength(WIDTH)
                    .clearDisplayOnFinish().startsFrom(done, Duration.ofNanos(System.nanoTime() - start)).build();
        }
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Ends the bar and says what happens next, e.g. "writing charts", so the pause is explained. */
    void finish(String next) {
        if (bar != null) {
            bar.close();
            bar = null;
            System.err.printf("%s: %d of %d done in %.1f s; %s...%n", unit, done, total,
                    (System.nanoTime() - start) / 1e9, next);
            System.err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
