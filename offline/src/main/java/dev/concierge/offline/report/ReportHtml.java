package dev.concierge.offline.report;

import dev.concierge.offline.backtest.AbResult;
import dev.concierge.offline.backtest.ArmOutcome;
import dev.concierge.offline.backtest.BacktestResult;
import dev.concierge.offline.backtest.ModelMetrics;
import dev.concierge.offline.backtest.Proportion;
import dev.concierge.offline.backtest.RankQuality;
import dev.concierge.offline.backtest.TimeBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The report as one self-contained page: inline style and inline SVG, no script and nothing fetched,
 * so it opens from a file, offline, and can be mailed. Written as well-formed XML as well as HTML, so
 * a test (or any XML tool) can parse it.
 */
final class ReportHtml {

  // more labels than this crowd the x axis; the ticks then skip evenly
  private static final int MAX_X_LABELS = 10;

  private static final String STYLE = """
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem auto;
             max-width: 64rem; padding: 0 1rem; color: #222; }
      h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; }
      table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
      th, td { padding: 0.35rem 0.7rem; border-bottom: 1px solid #ddd; text-align: right; }
      th:first-child, td:first-child { text-align: left; }
      thead th { border-bottom: 2px solid #888; }
      .note { color: #555; font-size: 0.9rem; max-width: 48rem; }
      .chart text { fill: #333; }
      """;

  private final BacktestResult result;
  private final AbResult abTest;
  private final StringBuilder page = new StringBuilder();

  private ReportHtml(BacktestResult result, AbResult abTest) {
    this.result = result;
    this.abTest = abTest;
  }

  static String render(BacktestResult result, AbResult abTest) {
    return new ReportHtml(result, abTest).page();
  }

  private String page() {
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<title>Concierge backtest</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<h1>Concierge backtest</h1>\n");
    summary();
    metricsTable();
    hitRateByK();
    overTime();
    if (abTest != null) {
      abTable();
    }
    return page.append("</body>\n</html>\n").toString();
  }

  private void summary() {
    note(String.format(Locale.ROOT,
        "Models learnt from the train window, %s to %s, and were judged on every click and purchase of the test "
            + "window, %s to %s: each ranked its top %d from the shopper's features just before the event. "
            + "%s events replayed and %s clicks and purchases judged by each model, at %s cases and %s events per "
            + "second for all models together.",
        Formats.minute(result.windows().from()), Formats.minute(result.windows().split()),
        Formats.minute(result.windows().split()), Formats.minute(result.windows().to()), result.settings().maxK(),
        Formats.count(result.replayedEvents()), Formats.count(result.cases()), Formats.number(result.casesPerSecond()),
        Formats.number(result.eventsPerSecond())));
  }

  private void metricsTable() {
    int k = BacktestReport.REPORTED_K;
    heading("Metrics");
    page.append("<table>\n<thead>\n");
    row("th", "Model", "Data until", "Cases", "HR@" + k, "NDCG@" + k, "MRR", "Coverage@" + k, "Latency p50",
        "Latency p99", "Decisions/s");
    page.append("</thead>\n<tbody>\n");
    for (ModelMetrics model : result.models()) {
      RankQuality quality = model.quality();
      row("td", model.name(), Formats.minute(model.dataUntil()), Formats.count(quality.cases()),
          Formats.percent(quality.hitRate(k)), Formats.decimal(quality.ndcg(k)), Formats.decimal(quality.mrr()),
          Formats.percent(model.coverage(k)), Formats.latency(model.latency().p50()),
          Formats.latency(model.latency().p99()), Formats.rate(model.latency().decisionsPerSecond()));
    }
    page.append("</tbody>\n</table>\n");
    note("HR@K: the share of test clicks and purchases whose item was in the model's top K. NDCG@K "
        + "also credits a higher place (1 at the top, 1/log2(rank + 1) below). MRR: the mean of 1/rank over the "
        + "top " + result.settings().maxK() + ", 0 when absent. Coverage@K: the share of the "
        + Formats.count(result.catalogSize()) + " catalog items that appeared in some top K. Latency and "
        + "decisions per second: one full decision of the model, candidates to answer.");
  }

  private void hitRateByK() {
    heading("Hit rate at K");
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
    page.append(new LineChart("Hit rate at K per model", "K (length of the list)", "HR@K", ticks, Formats::percentTick)
        .svg(series));
  }

  private void overTime() {
    int k = BacktestReport.REPORTED_K;
    heading("HR@" + k + " over time");
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
    page.append(new LineChart("HR@" + k + " per time bucket and model", "bucket start (UTC, " + bucket + " each)",
        "HR@" + k, ticks, Formats::percentTick).svg(series));
  }

  private void abTable() {
    heading("A/B test");
    page.append("<table>\n<thead>\n");
    row("th", "Experiment", "Arm", "Decisions", "Click-through", "95% interval", "Purchase rate", "95% interval");
    page.append("</thead>\n<tbody>\n");
    for (ArmOutcome arm : abTest.arms()) {
      row("td", arm.experiment(), String.valueOf(arm.arm()), Formats.count(arm.decisions()),
          Formats.percent(arm.clickThrough().rate()), interval(arm.clickThrough()),
          Formats.percent(arm.purchase().rate()), interval(arm.purchase()));
    }
    page.append("</tbody>\n</table>\n");
    note("A decision counts as clicked when its customer clicked or bought one of its items within "
        + Formats.span(abTest.attributionWindow()) + " after it, and as purchased when they bought one. Intervals "
        + "are Wilson score intervals. " + Formats.count(abTest.decisionsOutsideExperiments())
        + " decisions outside experiments are not shown.");
  }

  /** Days are labelled by date; shorter buckets need the time of day too. */
  private String bucketLabel(Instant start) {
    boolean withinADay = result.settings().bucketWidth().compareTo(Duration.ofDays(1)) < 0;
    return withinADay ? Formats.dayAndTime(start) : Formats.day(start);
  }

  private static String interval(Proportion proportion) {
    return Formats.percent(proportion.low()) + " – " + Formats.percent(proportion.high());
  }

  private static int everyNth(int positions) {
    return Math.max(1, (int) Math.ceil((double) positions / MAX_X_LABELS));
  }

  private void heading(String text) {
    page.append("<h2>").append(Html.escape(text)).append("</h2>\n");
  }

  private void note(String text) {
    page.append("<p class=\"note\">").append(Html.escape(text)).append("</p>\n");
  }

  private void row(String cell, String... values) {
    page.append("<tr>");
    for (String value : values) {
      page.append('<').append(cell).append('>').append(Html.escape(value)).append("</").append(cell).append('>');
    }
    page.append("</tr>\n");
  }
}
