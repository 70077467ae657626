package com.flashsale.launcher.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws {@code chart.png}: on the left the ingest's p99 latency against achieved throughput for the
 * pipeline and its baseline, on the right each stage's ratio to its baseline with its goal. Plain
 * Java2D, so the chart needs no library and no display.
 */
public final class BenchChart {

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 560;
    private static final int MARGIN = 70;
    private static final Color PIPELINE = new Color(0x1f77b4);
    private static final Color BASELINE = new Color(0x7f7f7f);
    private static final Color GOAL = new Color(0xd62728);

    private BenchChart() {
    }

    public static void write(BenchResults results, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            MachineInfo machine = results.machine();
            g.drawString(String.format(Locale.ROOT, "flashsale bench (%s), %s, %d cores, %s", results.mode(),
                    results.startedAt(), machine.cores(), machine.jvm()), MARGIN, 20);

            drawLatencyPanel(g, results, new Panel(MARGIN, 50, WIDTH / 2 - MARGIN - 20, HEIGHT - 120));
            drawRatioPanel(g, results, new Panel(WIDTH / 2 + 170, 50, WIDTH / 2 - 200, HEIGHT - 120));
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    /** A plot area in image pixels. */
    private record Panel(int x, int y, int width, int height) {

        int bottom() {
            return y + height;
        }
    }

    private static void drawLatencyPanel(Graphics2D g, BenchResults results, Panel panel) {
        g.setColor(Color.BLACK);
        g.drawString("Ingest: p99 latency (ms, log scale) against achieved requests/s", panel.x(), panel.y() - 10);
        g.drawRect(panel.x(), panel.y(), panel.width(), panel.height());
        if (results.ingest().isEmpty()) {
            g.drawString("not measured", panel.x() + 20, panel.y() + 30);
            return;
        }
        IngestResult ingest = results.ingest().get();
        List<LatencyPoint> all = new ArrayList<>(ingest.product().points());
        all.addAll(ingest.baseline().points());
        double maxRate = Math.max(1, all.stream().mapToDouble(LatencyPoint::achievedPerSecond).max().orElse(1)) * 1.1;
        double maxLog = Math.log10(Math.max(10, all.stream().mapToDouble(LatencyPoint::p99Ms).max().orElse(10)) * 2);
        double minLog = Math.log10(Math.max(0.1, all.stream().mapToDouble(LatencyPoint::p99Ms).min().orElse(1) / 2));

        g.setColor(Color.DARK_GRAY);
        for (int i = 0; i <= 4; i++) {
            double rate = maxRate * i / 4;
            int x = panel.x() + (int) (panel.width() * i / 4.0);
            g.drawString(String.format(Locale.ROOT, "%.0f", rate), x - 10, panel.bottom() + 16);
        }
        for (double log = Math.ceil(minLog); log <= maxLog; log++) {
            int y = yFor(log, minLog, maxLog, panel);
            g.drawString(String.format(Locale.ROOT, "%.0f", Math.pow(10, log)), panel.x() - 45, y + 4);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(panel.x() + 1, y, panel.x() + panel.width() - 1, y);
            g.setColor(Color.DARK_GRAY);
        }
        drawSeries(g, ingest.baseline(), BASELINE, maxRate, minLog, maxLog, panel);
        drawSeries(g, ingest.product(), PIPELINE, maxRate, minLog, maxLog, panel);
        legend(g, panel.x() + 10, panel.y() + 20, PIPELINE, "pipeline: " + ingest.product().endpoint());
        legend(g, panel.x() + 10, panel.y() + 38, BASELINE, "baseline: " + ingest.baseline().endpoint());
    }

    private static void drawSeries(Graphics2D g, RateSweep sweep, Color color, double maxRate, double minLog,
                                   double maxLog, Panel panel) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2f));
        int previousX = -1;
        int previousY = -1;
        for (LatencyPoint point : sweep.points()) {
            int x = panel.x() + (int) (panel.width() * point.achievedPerSecond() / maxRate);
            int y = yFor(Math.log10(Math.max(0.1, point.p99Ms())), minLog, maxLog, panel);
            g.fillOval(x - 4, y - 4, 8, 8);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, x, y);
            }
            previousX = x;
            previousY = y;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static int yFor(double log, double minLog, double maxLog, Panel panel) {
        double share = (log - minLog) / (maxLog - minLog);
        return panel.bottom() - (int) (panel.height() * Math.max(0, Math.min(1, share)));
    }

    private static void drawRatioPanel(Graphics2D g, BenchResults results, Panel panel) {
        g.setColor(Color.BLACK);
        g.drawString("Throughput ratio to the baseline on this machine (red: goal)", panel.x() - 150, panel.y() - 10);
        List<Goal> ratios = results.goals().stream().filter(goal -> !goal.atMost()).toList();
        double maxRatio = Math.max(1.0, ratios.stream().mapToDouble(Goal::actual).filter(r -> !Double.isNaN(r))
                .max().orElse(1.0)) * 1.1;
        int rowHeight = Math.min(60, panel.height() / Math.max(1, ratios.size()));
        for (int i = 0; i < ratios.size(); i++) {
            Goal goal = ratios.get(i);
            int top = panel.y() + i * rowHeight + 8;
            g.setColor(Color.BLACK);
            g.drawString(shorten(goal.name()), panel.x() - 160, top + rowHeight / 2);
            if (!Double.isNaN(goal.actual())) {
                int width = (int) (panel.width() * goal.actual() / maxRatio);
                g.setColor(goal.met() ? PIPELINE : BASELINE);
                g.fillRect(panel.x(), top, width, rowHeight - 16);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.2f", goal.actual()), panel.x() + width + 6, top + rowHeight / 2);
            } else {
                g.drawString("not measured", panel.x() + 6, top + rowHeight / 2);
            }
            int goalX = panel.x() + (int) (panel.width() * goal.target() / maxRatio);
            g.setColor(GOAL);
            g.drawLine(goalX, top - 4, goalX, top + rowHeight - 12);
        }
        results.endToEnd().ifPresent(e -> {
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "End to end at %.0f orders/s: p50 %.0f ms, p99 %.0f ms (goal p99 <= %.0f ms)",
                    e.ratePerSecond(), e.p50Ms(), e.p99Ms(), BenchResults.END_TO_END_P99_GOAL_MS),
                    panel.x() - 150, panel.bottom() + 30);
        });
        results.endToEndLight().ifPresent(e -> {
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "End to end at a light %.0f orders/s: p50 %.0f ms, p99 %.0f ms",
                    e.ratePerSecond(), e.p50Ms(), e.p99Ms()), panel.x() - 150, panel.bottom() + 48);
        });
    }

    /** Keeps a goal's label within the space left of its bar. */
    private static String shorten(String name) {
        String label = name.replace(" / baseline, max sustainable requests/s", "")
                .replace(" / EOS pass-through", "")
                .replace(" / raw JDBC batches", "");
        return label.length() > 24 ? label.substring(0, 23) + "…" : label;
    }

    private static void legend(Graphics2D g, int x, int y, Color color, String label) {
        g.setColor(color);
        g.fillRect(x, y - 9, 14, 10);
        g.setColor(Color.BLACK);
        g.drawString(label, x + 20, y);
    }
}
