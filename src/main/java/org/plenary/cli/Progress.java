package org.plenary.cli;

import java.io.PrintWriter;

/**
 * A one-line progress indicator on stderr (done/total, rate, time left), shown only when stderr
 * is a terminal and the work lasts more than a second, so logs and pipes stay clean.
 */
final class Progress {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String unit;
    private final long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long done;
    private long lastDraw;
    private boolean drawn;

    Progress(PrintWriter err, String unit, long total) {
        this.err = err;
        this.unit = unit;
        this.total = total;
        this.enabled = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    void step() {
        done++;
        long now = System.nanoTime();
        if (!enabled || now - start < QUIET_NANOS || now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        double rate = done / seconds;
        long left = rate > 0 ? Math.round((total - done) / rate) : 0;
        err.printf("\r%d/%d %s  %.1f/s  %d:%02d left   ", done, total, unit, rate, left / 60, left % 60);
        err.flush();
        drawn = true;
    }

    void done() {
        if (drawn) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
