package org.banso.thinktank.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry for server-made SVG charts (no JavaScript, no inline style: colours come from CSS classes). Values are
 * mapped into a {@value #WIDTH}×{@value #HEIGHT} view box with margins for the axis labels.
 */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 40;
    /** Room for the labels left of horizontal bars (stage names such as Assembly, testing, and packaging). */
    static final int BAR_LABELS = 250;

    private Charts() {
    }

    record Point(double x, double y, String label, String value) {
    }

    record Tick(double position, String label) {
    }

    record Line(String points, List<Point> dots, List<Tick> xTicks, List<Tick> yTicks, double baseline) {
    }

    record Bar(double x, double y, double width, double height, String label, String value) {
    }

    /** A line over years; {@code reference} (e.g. 1 for SI) is drawn as a baseline when within range. */
    static Line line(List<Integer> years, List<Double> values, Double reference) {
        double min = reference == null ? Double.POSITIVE_INFINITY : reference;
        double max = reference == null ? Double.NEGATIVE_INFINITY : reference;
        for (Double v : values) {
            if (v != null) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (!Double.isFinite(min)) {
            min = 0;
            max = 1;
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        min = Math.min(0, min);
        double pad = (max - min) * 0.08;
        max += pad;
        int first = years.get(0);
        int last = years.get(years.size() - 1);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder points = new StringBuilder();
        List<Point> dots = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            Double v = values.get(i);
            if (v == null) {
                continue;
            }
            double x = LEFT + (last == first ? 0 : plotW * (years.get(i) - first) / (last - first));
            double y = TOP + plotH * (1 - (v - min) / (max - min));
            points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            dots.add(new Point(x, y, String.valueOf(years.get(i)), String.format(Locale.ROOT, "%.2f", v)));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int year = first; year <= last; year += Math.max(1, (last - first) / 6)) {
            xTicks.add(new Tick(LEFT + (last == first ? 0 : plotW * (year - first) / (last - first)),
                    String.valueOf(year)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            double v = min + (max - min) * k / 4;
            yTicks.add(new Tick(TOP + plotH * (1 - k / 4.0), String.format(Locale.ROOT, "%.2f", v)));
        }
        double baseline = reference == null ? -1 : TOP + plotH * (1 - (reference - min) / (max - min));
        return new Line(points.toString().trim(), dots, xTicks, yTicks, baseline);
    }

    /** Horizontal bars of percentages (0…100). */
    static List<Bar> bars(List<String> labels, List<Double> percents) {
        List<Bar> bars = new ArrayList<>();
        double plotW = WIDTH - BAR_LABELS - RIGHT - 48;
        for (int i = 0; i < labels.size(); i++) {
            double p = percents.get(i) == null ? 0 : percents.get(i);
            bars.add(new Bar(BAR_LABELS, TOP + i * 28, plotW * Math.min(100, p) / 100, 20, labels.get(i),
                    String.format(Locale.ROOT, "%.1f %%", p)));
        }
        return bars;
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
