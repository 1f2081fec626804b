package dev.concierge.offline.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * A line chart of values, one line per series with a legend, drawn by JFreeChart as one inline SVG
 * element, so the report needs no script and opens offline. Each line is a {@code <g class="series">}
 * and each point a {@code <g class="point">}, both with a {@code <title>} that a browser shows as the
 * tooltip: the series name, and for a point also its label.
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
  private static final int HEIGHT = 380;
  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
  private static final Color GRID_COLOUR = new Color(0xe4e4e4);
  private static final Color AXIS_COLOUR = new Color(0x444444);
  private static final Color TEXT_COLOUR = new Color(0x333333);
  // Okabe-Ito: told apart by colour-blind readers too; yellow left out, it vanishes on white
  private static final Color[] COLOURS = {
    new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00), new Color(0xCC79A7),
    new Color(0x56B4E9), new Color(0x000000)
  };
  private static final float LINE_WIDTH = 2;
  private static final double MARKER_RADIUS = 3;
  private static final Shape MARKER =
      new Ellipse2D.Double(-MARKER_RADIUS, -MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS);
  // room either side of the outermost points, so their markers are not cut by the plot's edge
  private static final double X_MARGIN = 0.02;
  private static final double DECADE = 10;
  private static final double PADDING = 8;

  static {
    // JFreeChart otherwise draws rotated text (the y axis's title) as glyph outlines, to dodge a JDK bug
    // long fixed; as text it stays text in the SVG
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

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
   * The same chart with a logarithmic y axis, ticked at powers of ten, from the one at or below the lowest
   * value to the one at or above the highest, for values that span several of them (latencies from
   * milliseconds to seconds); values must be positive.
   */
  public LineChart withLogarithmicY() {
    return new LineChart(title, xTitle, yTitle, xTicks, yTickLabel, true);
  }

  /** The chart as an {@code <svg>} element; the same series give the same text. Series names must differ. */
  public String svg(List<Series> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Series line : series) {
      XYSeries points = new XYSeries(line.name(), false, true);
      line.points().forEach(point -> points.add(point.x(), point.y()));
      data.addSeries(points);
    }
    XYPlot plot = new XYPlot(data, xAxis(series), logarithmic ? logAxis(series) : linearAxis(), new Renderer(series));
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // later series on top, listed in order
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(GRID_COLOUR);
    plot.setRangeGridlineStroke(new BasicStroke(1));
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(PADDING, PADDING, PADDING, PADDING));
    chart.getTitle().setPaint(TEXT_COLOUR);
    chart.getTitle().setMargin(0, 0, PADDING, 0);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setItemFont(TEXT);
    legend.setItemPaint(TEXT_COLOUR);
    legend.setFrame(BlockBorder.NONE);

    SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
    // ids of the clip paths: fixed rather than the time of day, so the same chart is the same text, and
    // told apart by the title when several charts share a page
    svg.setDefsKeyPrefix("chart" + Integer.toHexString(title.hashCode()) + "-");
    chart.draw(svg, new Rectangle(WIDTH, HEIGHT));
    return svg.getSVGElement(null, true, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
  }

  @SuppressWarnings({"rawtypes", "serial"}) // JFreeChart's signature; charts are never serialized
  private ValueAxis xAxis(List<Series> series) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Tick tick : xTicks) {
      min = Math.min(min, tick.at());
      max = Math.max(max, tick.at());
    }
    for (Series line : series) {
      for (Point point : line.points()) {
        min = Math.min(min, point.x());
        max = Math.max(max, point.x());
      }
    }
    if (min > max) {
      min = 0;
      max = 1;
    }
    // a single position sits in the middle rather than on the axis
    double margin = min == max ? 1 : (max - min) * X_MARGIN;
    // labelled at the chart's own ticks rather than at round values
    NumberAxis axis = new NumberAxis(xTitle) {
      @Override
      public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(xTicks, TextAnchor.TOP_CENTER);
      }
    };
    axis.setRange(min - margin, max + margin);
    return style(axis);
  }

  private ValueAxis linearAxis() {
    NumberAxis axis = new NumberAxis(yTitle);
    axis.setAutoRangeIncludesZero(true);
    axis.setNumberFormatOverride(new LabelFormat(yTickLabel));
    return style(axis);
  }

  @SuppressWarnings({"rawtypes", "serial"}) // JFreeChart's signature; charts are never serialized
  private ValueAxis logAxis(List<Series> series) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (Series line : series) {
      for (Point point : line.points()) {
        if (point.y() <= 0) {
          throw new IllegalArgumentException("a logarithmic axis takes positive values only, not " + point.y());
        }
        min = Math.min(min, point.y());
        max = Math.max(max, point.y());
      }
    }
    double bottom = min > max ? 1 : Math.pow(DECADE, Math.floor(Math.log10(min)));
    double top = Math.max(DECADE * bottom, Math.pow(DECADE, Math.ceil(Math.log10(max))));
    List<Tick> decades = new ArrayList<>();
    // the tolerance keeps the top power of ten, which repeated multiplication may overshoot by a rounding error
    for (double value = bottom; value <= top * (1 + 1e-9); value *= DECADE) {
      decades.add(new Tick(value, yTickLabel.apply(value)));
    }
    LogAxis axis = new LogAxis(yTitle) {
      @Override
      public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(decades, TextAnchor.CENTER_RIGHT);
      }
    };
    axis.setBase(DECADE);
    axis.setRange(bottom, top);
    axis.setMinorTickMarksVisible(false);
    return style(axis);
  }

  private static ValueAxis style(ValueAxis axis) {
    axis.setLabelFont(TEXT);
    axis.setLabelPaint(TEXT_COLOUR);
    axis.setTickLabelFont(TEXT);
    axis.setTickLabelPaint(TEXT_COLOUR);
    axis.setAxisLinePaint(AXIS_COLOUR);
    axis.setTickMarkPaint(AXIS_COLOUR);
    return axis;
  }

  /** Ticks at the chart's own positions and labels, written as text (JFreeChart draws a log axis's own as paths). */
  @SuppressWarnings("rawtypes") // JFreeChart's signature
  private static List ticks(List<Tick> ticks, TextAnchor anchor) {
    List<NumberTick> labelled = new ArrayList<>(ticks.size());
    for (Tick tick : ticks) {
      labelled.add(new NumberTick(tick.at(), tick.label(), anchor, anchor, 0));
    }
    return labelled;
  }

  /** Lines and circle markers in the chart's colours, each grouped with its tooltip. */
  private static final class Renderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    private final transient List<Series> series;

    Renderer(List<Series> series) {
      super(true, true);
      this.series = series;
      setDrawSeriesLineAsPath(true);
      setDrawOutlines(false);
      for (int i = 0; i < series.size(); i++) {
        setSeriesPaint(i, COLOURS[i % COLOURS.length]);
        setSeriesStroke(i, new BasicStroke(LINE_WIDTH));
        setSeriesShape(i, MARKER);
      }
    }

    @Override
    protected void drawFirstPassShape(Graphics2D g2, int pass, int seriesIndex, int item, Shape shape) {
      group(g2, "series", series.get(seriesIndex).name());
      super.drawFirstPassShape(g2, pass, seriesIndex, item, shape);
      g2.setRenderingHint(SVGHints.KEY_END_GROUP, Boolean.TRUE);
    }

    @Override
    protected void drawSecondaryPass(
        Graphics2D g2, XYPlot plot, XYDataset dataset, int pass, int seriesIndex, int item, ValueAxis domainAxis,
        Rectangle2D dataArea, ValueAxis rangeAxis, CrosshairState crosshairState, EntityCollection entities) {
      Series line = series.get(seriesIndex);
      group(g2, "point", line.name() + ": " + line.points().get(item).label());
      super.drawSecondaryPass(
          g2, plot, dataset, pass, seriesIndex, item, domainAxis, dataArea, rangeAxis, crosshairState, entities);
      g2.setRenderingHint(SVGHints.KEY_END_GROUP, Boolean.TRUE);
    }

    private static void group(Graphics2D g2, String kind, String tooltip) {
      g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("class", kind));
      g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, tooltip);
    }
  }

  /** An axis's tick labels written by the chart's own function. */
  private static final class LabelFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    private final transient DoubleFunction<String> label;

    LabelFormat(DoubleFunction<String> label) {
      this.label = label;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      return toAppendTo.append(label.apply(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
      return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
      throw new UnsupportedOperationException("tick labels are only written");
    }
  }
}
