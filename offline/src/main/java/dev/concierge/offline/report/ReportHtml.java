package dev.concierge.offline.report;

import dev.concierge.offline.backtest.AbResult;
import dev.concierge.offline.backtest.BacktestResult;
import dev.concierge.offline.backtest.BacktestSettings;
import dev.concierge.offline.backtest.Lift;
import dev.concierge.offline.backtest.ModelMetrics;
import dev.concierge.offline.backtest.TimeBucket;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The report as one self-contained page: inline style and inline SVG, no script and nothing fetched,
 * so it opens from a file, offline, and can be mailed. The page is the jte template
 * {@code src/main/jte/report.jte}, compiled to Java at build time (no template is read or compiled
 * at run time); it is well-formed XML as well as HTML, so a test (or any XML tool) can parse it.
 */
final class ReportHtml {

  /**
   * What the template shows: the results, and the charts already drawn as SVG elements.
   *
   * @param baselines the baselines some model's lift is over, in the order they were judged
   */
  record Page(
      BacktestResult result, AbResult abTest, String hitRateChart, String overTimeChart, List<String> baselines) {

    /** A cell of the lift table: the model's lift over the baseline, or a dash for the baseline itself. */
    String lift(ModelMetrics model, String baseline) {
      return model.lifts().stream()
          .filter(lift -> lift.baseline().equals(baseline))
          .findFirst()
          .map(Formats::lift)
          .orElse("—");
    }
  }

  // more labels than this crowd the x axis; the ticks then skip evenly
  private static final int MAX_X_LABELS = 10;
  private static final TemplateEngine TEMPLATES =
      TemplateEngine.createPrecompiled(null, ContentType.Html, ReportHtml.class.getClassLoader(),
          ReportHtml.class.getPackageName());

  private final BacktestResult result;

  private ReportHtml(BacktestResult result) {
    this.result = result;
  }

  static String render(BacktestResult result, AbResult abTest) {
    ReportHtml charts = new ReportHtml(result);
    StringOutput page = new StringOutput();
    Set<String> liftedOver = result.models().stream()
        .flatMap(model -> model.lifts().stream().map(Lift::baseline))
        .collect(Collectors.toSet());
    List<String> baselines = result.models().stream().map(ModelMetrics::name).filter(liftedOver::contains).toList();
    TEMPLATES.render(
        "report.jte", new Page(result, abTest, charts.hitRateByK(), charts.overTime(), baselines), page);
    return page.toString();
  }

  private String hitRateByK() {
    int maxK = result.settings().maxK();
    List<LineChart.Tick> ticks = new ArrayList<>();
    int every = everyNth(maxK);
    for (int k = 1; k <= maxK; k++) {
      if (k == 1 || k % every == 0) {
        ticks.add(new LineChart.Tick(k, Integer.toString(k)));
      }
    }
    List<LineChart.Series> series = new ArrayList<>();
    for (ModelMetrics model : result.models()) {
      List<LineChart.Point> points = new ArrayList<>(maxK);
      for (int k = 1; k <= maxK; k++) {
        points.add(new LineChart.Point(k, model.quality().hitRate(k),
            "HR@" + k + " " + Formats.percent(model.quality().hitRate(k))));
      }
      series.add(new LineChart.Series(model.name(), points));
    }
    return new LineChart("Hit rate at K per model", "K (length of the list)", "HR@K", ticks, Formats::percentTick)
        .svg(series);
  }

  private String overTime() {
    int k = BacktestSettings.HEADLINE_K;
    TreeSet<Long> starts = new TreeSet<>();
    List<LineChart.Series> series = new ArrayList<>();
    for (ModelMetrics model : result.models()) {
      List<LineChart.Point> points = new ArrayList<>(model.overTime().size());
      for (TimeBucket bucket : model.overTime()) {
        long start = bucket.start().toEpochMilli();
        starts.add(start);
        points.add(new LineChart.Point(start, bucket.quality().hitRate(k),
            bucketLabel(bucket.start()) + " HR@" + k + " " + Formats.percent(bucket.quality().hitRate(k)) + " over "
                + Formats.count(bucket.quality().cases()) + " cases"));
      }
      series.add(new LineChart.Series(model.name(), points));
    }
    List<LineChart.Tick> ticks = new ArrayList<>();
    int every = everyNth(starts.size());
    int index = 0;
    for (long start : starts) {
      if (index++ % every == 0) {
        ticks.add(new LineChart.Tick(start, bucketLabel(Instant.ofEpochMilli(start))));
      }
    }
    String bucket = Formats.span(result.settings().bucketWidth());
    return new LineChart("HR@" + k + " per time bucket and model", "bucket start (UTC, " + bucket + " each)",
        "HR@" + k, ticks, Formats::percentTick).svg(series);
  }

  /** Days are labelled by date; shorter buckets need the time of day too. */
  private String bucketLabel(Instant start) {
    boolean withinADay = result.settings().bucketWidth().compareTo(Duration.ofDays(1)) < 0;
    return withinADay ? Formats.dayAndTime(start) : Formats.day(start);
  }

  private static int everyNth(int positions) {
    return Math.max(1, (int) Math.ceil((double) positions / MAX_X_LABELS));
  }
}
