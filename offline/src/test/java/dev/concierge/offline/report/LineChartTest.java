package dev.concierge.offline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineChartTest {

  private static final List<LineChart.Tick> RATES = List.of(new LineChart.Tick(1000, "1,000"), new LineChart.Tick(2000, "2,000"));
  private static final LineChart.Series SPANNING_DECADES = new LineChart.Series("p99", List.of(
      new LineChart.Point(1000, 3, "3 ms"), new LineChart.Point(2000, 30_000, "30 s")));

  @Test
  void everySeriesIsDrawnAsALineWithAllItsPointsAndALegendEntry() {
    LineChart.Series fast = new LineChart.Series("fast", List.of(new LineChart.Point(1000, 1, "1 ms"),
        new LineChart.Point(1500, 2, "2 ms"), new LineChart.Point(2000, 3, "3 ms")));
    LineChart.Series slow = new LineChart.Series("slow", List.of(new LineChart.Point(1000, 5, "5 ms"),
        new LineChart.Point(2000, 9, "9 ms")));

    String svg = chart().svg(List.of(fast, slow));

    for (LineChart.Series series : List.of(fast, slow)) {
      String name = series.name();
      assertTrue(svg.contains(">" + name + "</text>"), "legend entry of " + name);
      assertEquals(1, count(svg, "<g class='series'><title>" + name + "</title>"), "line of " + name);
      assertEquals(series.points().size(), count(svg, "<g class='point'><title>" + name + ": "), "points of " + name);
    }
    assertTrue(svg.contains("<title>slow: 9 ms</title>"), "a point's tooltip is its label");
  }

  @Test
  void theSameSeriesDrawTheSameChart() {
    assertEquals(chart().svg(List.of(SPANNING_DECADES)), chart().svg(List.of(SPANNING_DECADES)));
  }

  @Test
  void aLogarithmicAxisIsTickedAtEveryPowerOfTenFromBelowTheLowestToAboveTheHighestValue() {
    String svg = chart().withLogarithmicY().svg(List.of(SPANNING_DECADES));

    for (String tick : List.of(">1<", ">10<", ">100<", ">1000<", ">10000<", ">100000<")) {
      assertTrue(svg.contains(tick), tick + " in " + svg);
    }
  }

  @Test
  void onALogarithmicAxisEachPowerOfTenTakesTheSameHeight() {
    // 3 and 30,000 are four decades apart; 30 sits a quarter of the way up from 3
    LineChart.Series series = new LineChart.Series("p99", List.of(new LineChart.Point(1000, 3, ""),
        new LineChart.Point(1500, 30, ""), new LineChart.Point(2000, 30_000, "")));

    List<Double> ys = markerHeights(chart().withLogarithmicY().svg(List.of(series)));

    assertEquals(0.25, (ys.get(0) - ys.get(1)) / (ys.get(0) - ys.get(2)), 0.01);
  }

  @Test
  void aLinearAxisStartsAtZero() {
    String svg = chart().svg(List.of(SPANNING_DECADES));

    assertTrue(svg.contains(">0<"), svg);
  }

  @Test
  void aLogarithmicAxisRefusesValuesThatAreNotPositive() {
    LineChart.Series zero = new LineChart.Series("p99", List.of(new LineChart.Point(1000, 0, "")));

    assertThrows(IllegalArgumentException.class, () -> chart().withLogarithmicY().svg(List.of(zero)));
  }

  private static LineChart chart() {
    return new LineChart("latency", "rate", "ms", RATES, value -> String.format(Locale.ROOT, "%.0f", value));
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  /** Where each point's marker sits: its circle's outline starts level with its centre. */
  private static List<Double> markerHeights(String svg) {
    Matcher circle = Pattern.compile("<g class='point'><title>[^<]*</title><g [^>]*><path d='M[0-9.]+,([0-9.]+)").matcher(svg);
    List<Double> ys = new ArrayList<>();
    while (circle.find()) {
      ys.add(Double.parseDouble(circle.group(1)));
    }
    return ys;
  }
}
