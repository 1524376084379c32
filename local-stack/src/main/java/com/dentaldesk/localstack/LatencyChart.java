package com.dentaldesk.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;



/**
 * The benchmark chart as plain SVG (no plotting library): one panel per measure (greeting, overhead, full turn with
 * a tool call, ping echo), bars for p50 / p90 / p99 at each concurrency level, each panel on its own scale.
 */
final class LatencyChart {

    private static final String[] MEASURES = {"greeting", "overhead", "toolTurn", "ping"};
    private static final String[] TITLES = {"greeting after open", "overhead over the stub's first token",
            "full turn with one booking-api tool call", "ping echo"};
    private static final String[] PERCENTILES = {"p50", "p90", "p99"};
    private static final String[] COLORS = {"#4e79a7", "#f28e2b", "#e15759"};
    private static final int PANEL_W = 420;
    private static final int PANEL_H = 250;

    private LatencyChart() {
    }

    static void write(Path file, List<Benchmarks.Level> levels, long ttft) throws IOException {
        StringBuilder svg = new StringBuilder();
        int width = PANEL_W * 2 + 40;
        int height = PANEL_H * 2 + 90;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"24\" font-size=\"16\" font-weight=\"bold\">"
                + "voice-gateway latency by concurrent calls (ms; stub model: first token %d ms)</text>%n", ttft));
        for (int i = 0; i < PERCENTILES.length; i++) {
            int x = 20 + i * 70;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"36\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"46\">%s</text>%n", x, COLORS[i], x + 16, PERCENTILES[i]));
        }
        for (int m = 0; m < MEASURES.length; m++) {
            int ox = 20 + (m % 2) * (PANEL_W + 10);
            int oy = 60 + (m / 2) * (PANEL_H + 10);
            panel(svg, ox, oy, TITLES[m], MEASURES[m], levels);
        }
        svg.append("</svg>\n");
        Files.writeString(file, svg.toString());
    }

    private static void panel(StringBuilder svg, int ox, int oy, String title, String measure,
            List<Benchmarks.Level> levels) {
        double max = 0;
        for (Benchmarks.Level level : levels) {
            for (String p : PERCENTILES) {
                max = Math.max(max, level.report().path(measure).path(p).asDouble());
            }
        }
        double top = niceCeiling(max);
        int left = ox + 50;
        int bottom = oy + PANEL_H - 30;
        int plotH = PANEL_H - 60;
        int plotW = PANEL_W - 60;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#ccc\"/>%n", ox, oy, PANEL_W, PANEL_H));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", ox + 8,
                oy + 18, title));
        for (int t = 0; t <= 4; t++) {
            double value = top * t / 4;
            int y = bottom - (int) (plotH * t / 4.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#555\">%s</text>%n", left, y, left + plotW, y,
                    left - 4, y + 4, label(value)));
        }
        int groups = Math.max(1, levels.size());
        double groupW = plotW / (double) groups;
        double barW = groupW * 0.8 / PERCENTILES.length;
        for (int g = 0; g < levels.size(); g++) {
            Benchmarks.Level level = levels.get(g);
            double gx = left + g * groupW + groupW * 0.1;
            for (int p = 0; p < PERCENTILES.length; p++) {
                double value = level.report().path(measure).path(PERCENTILES[p]).asDouble();
                double h = top == 0 ? 0 : plotH * value / top;
                double x = gx + p * barW;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                        + "fill=\"%s\"><title>%d calls %s: %.2f ms</title></rect>%n", x, bottom - h, barW - 2, h,
                        COLORS[p], level.calls(), PERCENTILES[p], value));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\" "
                        + "fill=\"#333\">%s</text>%n", x + (barW - 2) / 2, bottom - h - 3, label(value)));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d calls</text>%n",
                    gx + groupW * 0.4, bottom + 16, level.calls()));
        }
    }

    private static String label(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

}
