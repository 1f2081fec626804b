package dev.concierge.offline.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * An inline SVG line chart of rates, one line per series, with axes, ticks, grid and a legend; every
 * point carries its value as a tooltip. Drawn by hand so the report needs no script or library and
 * opens offline.
 */
public final class LineChart {

  /** One line. */
  public record Series(String name, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  /** @param label what the point's tooltip says */
  public record Point(double x, double y, String label) {}

  /** A labelled position on the x axis. */
  public record Tick(double at, String label) {}

  private static final int WIDTH = 760;
  private static final int HEIGHT = 360;
  private static final int LEFT = 64;
  private static final int RIGHT = 190;
  private static final int TOP = 16;
  private static final int BOTTOM = 52;
  private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
  private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
  private static final int TICK_LENGTH = 5;
  private static final int LABEL_GAP = 8;
  // text is placed by its baseline; offsets by the font size instead of dominant-baseline, which not
  // every SVG renderer honours
  private static final int TEXT_HEIGHT = 12;
  private static final int HALF_TEXT_HEIGHT = TEXT_HEIGHT / 3;
  private static final int AXIS_TITLE_GAP = 36;
  private static final int LEGEND_GAP = 24;
  private static final int LEGEND_ROW = 20;
  private static final int LEGEND_SWATCH = 18;
  private static final int MARKER_RADIUS = 3;
  private static final int LINE_WIDTH = 2;
  private static final int SWATCH_WIDTH = 3;
  private static final int Y_TICKS = 5;
  private static final double NICE_LOW = 1;
  private static final double NICE_MID = 2;
  private static final double NICE_HIGH = 5;
  private static final double DECADE = 10;
  // presentation attributes rather than page CSS, so the chart also draws when cut out of the page
  private static final String GRID_COLOUR = "#e4e4e4";
  private static final String AXIS_COLOUR = "#444444";
  private static final String FONT_FAMILY = "system-ui, sans-serif";
  // Okabe-Ito: told apart by colour-blind readers too; yellow left out, it vanishes on white
  private static final String[] COLOURS = {
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000"
  };

  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final List<Tick> xTicks;
  private final DoubleFunction<String> yTickLabel;
  private final boolean logarithmic;

  /**
   * @param xTicks where the x axis is labelled; the axis spans them and all points
   * @param yTickLabel how a value on the y axis is written, e.g. as a percentage
   */
  public LineChart(String title, String xTitle, String yTitle, List<Tick> xTicks, DoubleFunction<String> yTickLabel) {
    this(title, xTitle, yTitle, xTicks, yTickLabel, false);
  }

  private LineChart(
      String title, String xTitle, String yTitle, List<Tick> xTicks, DoubleFunction<String> yTickLabel,
      boolean logarithmic) {
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    this.xTicks = List.copyOf(xTicks);
    this.yTickLabel = yTickLabel;
    this.logarithmic = logarithmic;
  }

  /**
   * The same chart with a logarithmic y axis, ticked at powers of ten, for values that span several of
   * them (latencies from milliseconds to seconds); values must be positive.
   */
  public LineChart withLogarithmicY() {
    return new LineChart(title, xTitle, yTitle, xTicks, yTickLabel, true);
  }

  public String svg(List<Series> series) {
    Scale scale = Scale.of(series, xTicks, logarithmic);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"%s\" font-size=\"%d\" role=\"img\" aria-label=\"%s\">%n",
        WIDTH, HEIGHT, WIDTH, HEIGHT, FONT_FAMILY, TEXT_HEIGHT, Html.escape(title)));
    svg.append("<title>").append(Html.escape(title)).append("</title>\n");
    yAxis(svg, scale);
    xAxis(svg, scale);
    for (int i = 0; i < series.size(); i++) {
      line(svg, series.get(i), COLOURS[i % COLOURS.length], scale);
      legendEntry(svg, series.get(i).name(), COLOURS[i % COLOURS.length], i);
    }
    return svg.append("</svg>\n").toString();
  }

  private void yAxis(StringBuilder svg, Scale scale) {
    for (double value : scale.yTicks()) {
      double y = scale.y(value);
      svg.append(String.format(Locale.ROOT,
          "<line stroke=\"%s\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>%n",
          GRID_COLOUR, LEFT, y, LEFT + PLOT_WIDTH, y));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
          LEFT - LABEL_GAP, y + HALF_TEXT_HEIGHT, Html.escape(yTickLabel.apply(value))));
    }
    svg.append(String.format(Locale.ROOT,
        "<line stroke=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n",
        AXIS_COLOUR, LEFT, TOP, LEFT, TOP + PLOT_HEIGHT));
    svg.append(String.format(Locale.ROOT,
        "<text transform=\"translate(%d %d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n",
        LEFT - AXIS_TITLE_GAP - LABEL_GAP, TOP + PLOT_HEIGHT / 2, Html.escape(yTitle)));
  }

  private void xAxis(StringBuilder svg, Scale scale) {
    int axisY = TOP + PLOT_HEIGHT;
    svg.append(String.format(Locale.ROOT,
        "<line stroke=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n",
        AXIS_COLOUR, LEFT, axisY, LEFT + PLOT_WIDTH, axisY));
    for (Tick tick : xTicks) {
      double x = scale.x(tick.at());
      svg.append(String.format(Locale.ROOT,
          "<line stroke=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>%n",
          AXIS_COLOUR, x, axisY, x, axisY + TICK_LENGTH));
      svg.append(String.format(Locale.ROOT,
          "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
          x, axisY + TICK_LENGTH + TEXT_HEIGHT, Html.escape(tick.label())));
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
        LEFT + PLOT_WIDTH / 2, axisY + AXIS_TITLE_GAP + LABEL_GAP, Html.escape(xTitle)));
  }

  private static void line(StringBuilder svg, Series series, String colour, Scale scale) {
    StringBuilder points = new StringBuilder();
    for (Point point : series.points()) {
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", scale.x(point.x()), scale.y(point.y())));
    }
    svg.append(String.format(Locale.ROOT,
        "<g><polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%d\" points=\"%s\"/>%n",
        colour, LINE_WIDTH, points.toString().trim()));
    for (Point point : series.points()) {
      svg.append(String.format(Locale.ROOT,
          "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"><title>%s</title></circle>%n",
          scale.x(point.x()), scale.y(point.y()), MARKER_RADIUS, colour,
          Html.escape(series.name() + ": " + point.label())));
    }
    svg.append("</g>\n");
  }

  private static void legendEntry(StringBuilder svg, String name, String colour, int row) {
    int x = LEFT + PLOT_WIDTH + LEGEND_GAP;
    int y = TOP + LEGEND_ROW / 2 + row * LEGEND_ROW;
    svg.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%d\"/>%n",
        x, y, x + LEGEND_SWATCH, y, colour, SWATCH_WIDTH));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\">%s</text>%n",
        x + LEGEND_SWATCH + LABEL_GAP / 2, y + HALF_TEXT_HEIGHT, Html.escape(name)));
  }

  /**
   * Data to drawing coordinates: x spans the ticks and points; y runs from 0 to a round value above the
   * top value, or on a logarithmic axis from the power of ten at or below the lowest value to the one at or
   * above the highest.
   */
  private record Scale(double xMin, double xMax, double yBottom, double yTop, boolean logarithmic) {

    static Scale of(List<Series> series, List<Tick> ticks, boolean logarithmic) {
      List<Double> xs = new ArrayList<>();
      ticks.forEach(tick -> xs.add(tick.at()));
      double yMax = 0;
      double yMin = Double.MAX_VALUE;
      for (Series line : series) {
        for (Point point : line.points()) {
          xs.add(point.x());
          yMax = Math.max(yMax, point.y());
          yMin = Math.min(yMin, point.y());
        }
      }
      double xMin = xs.stream().mapToDouble(Double::doubleValue).min().orElse(0);
      double xMax = xs.stream().mapToDouble(Double::doubleValue).max().orElse(1);
      if (!logarithmic) {
        return new Scale(xMin, xMax, 0, niceTop(yMax), false);
      }
      if (yMin <= 0) {
        throw new IllegalArgumentException("a logarithmic axis takes positive values only, not " + yMin);
      }
      double bottom = Math.pow(DECADE, Math.floor(Math.log10(yMin)));
      double top = Math.max(DECADE * bottom, Math.pow(DECADE, Math.ceil(Math.log10(yMax))));
      return new Scale(xMin, xMax, bottom, top, true);
    }

    /** The smallest 1, 2 or 5 times a power of ten that, times the tick count, reaches {@code max}; 1 for nothing. */
    private static double niceTop(double max) {
      if (max <= 0) {
        return 1;
      }
      double rawStep = max / Y_TICKS;
      double decade = Math.pow(DECADE, Math.floor(Math.log10(rawStep)));
      double residual = rawStep / decade;
      double step = residual <= NICE_LOW ? NICE_LOW
          : residual <= NICE_MID ? NICE_MID
          : residual <= NICE_HIGH ? NICE_HIGH
          : DECADE;
      return step * decade * Y_TICKS;
    }

    List<Double> yTicks() {
      List<Double> ticks = new ArrayList<>();
      if (logarithmic) {
        for (double value = yBottom; value <= yTop * (1 + 1e-9); value *= DECADE) {
          ticks.add(value);
        }
      } else {
        for (int i = 0; i <= Y_TICKS; i++) {
          ticks.add(yTop * i / Y_TICKS);
        }
      }
      return ticks;
    }

    double x(double value) {
      // a single position sits in the middle rather than on the axis
      return xMax == xMin ? LEFT + PLOT_WIDTH / 2.0 : LEFT + (value - xMin) / (xMax - xMin) * PLOT_WIDTH;
    }

    double y(double value) {
      double share = logarithmic
          ? Math.log10(value / yBottom) / Math.log10(yTop / yBottom)
          : (value - yBottom) / (yTop - yBottom);
      return TOP + PLOT_HEIGHT - share * PLOT_HEIGHT;
    }
  }
}
