package com.flashsale.projection.replay;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A text progress bar redrawn in place with a carriage return, at most every 200 ms so that
 * printing does not slow the replay down.
 */
public final class ProgressBar implements ReplayProgress {

    private static final int WIDTH = 40;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private long lastDrawn = Long.MIN_VALUE;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(long done, long total) {
        long now = System.nanoTime();
        if (done < total && lastDrawn != Long.MIN_VALUE && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        out.print('\r' + render(done, total));
        if (done >= total) {
            out.println();
        }
        out.flush();
    }

    static String render(long done, long total) {
        double fraction = total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %d/%d records (%.0f%%)",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, fraction * 100);
    }
}
