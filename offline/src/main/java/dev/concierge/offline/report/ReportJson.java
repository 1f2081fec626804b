package dev.concierge.offline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.offline.backtest.AbResult;
import dev.concierge.offline.backtest.ArmOutcome;
import dev.concierge.offline.backtest.BacktestResult;
import dev.concierge.offline.backtest.BacktestSettings;
import dev.concierge.offline.backtest.Bootstrap;
import dev.concierge.offline.backtest.Interval;
import dev.concierge.offline.backtest.JudgedCases;
import dev.concierge.offline.backtest.LatencySummary;
import dev.concierge.offline.backtest.Lift;
import dev.concierge.offline.backtest.ModelMetrics;
import dev.concierge.offline.backtest.Proportion;
import dev.concierge.offline.backtest.RankQuality;
import dev.concierge.offline.backtest.TimeBucket;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The report as JSON. {@code models[].name} and {@code models[].metrics} with {@code hr@10},
 * {@code ndcg@10}, {@code mrr} and {@code coverage} come first: that is the pinned contract scripts
 * read (docs/data-science.md). Everything else follows it, and lists "at K" hold K = 1 at index 0.
 * Interval ends that are unbounded, and lifts over a baseline that hit nothing, are {@code null}.
 */
final class ReportJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final double NANOS_PER_SECOND = 1e9;

  private ReportJson() {}

  static byte[] render(BacktestResult result, AbResult abTest) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode models = root.putArray("models");
    result.models().forEach(model -> models.add(model(model)));
    ObjectNode windows = root.putObject("windows");
    windows.put("from", result.windows().from().toString());
    windows.put("split", result.windows().split().toString());
    windows.put("to", result.windows().to().toString());
    root.put("maxK", result.settings().maxK());
    root.put("bucket", result.settings().bucketWidth().toString());
    root.set("protocol", protocol(result.settings()));
    ObjectNode counts = root.putObject("counts");
    counts.put("replayedEvents", result.replayedEvents());
    counts.put("cases", result.cases());
    counts.put("repeatCasesSkipped", result.repeatCases());
    counts.put("catalogSize", result.catalogSize());
    ObjectNode speed = root.putObject("speed");
    speed.put("elapsedSeconds", result.elapsed().toNanos() / NANOS_PER_SECOND);
    speed.put("casesPerSecond", result.casesPerSecond());
    speed.put("eventsPerSecond", result.eventsPerSecond());
    if (abTest != null) {
      root.set("abTest", abTest(abTest));
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a tree of plain values always serializes", e);
    }
  }

  private static ObjectNode protocol(BacktestSettings settings) {
    JudgedCases judged = settings.cases();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("judged", judged.describeTypes());
    node.put("repeats", judged.repeats());
    node.put("touchedItemsLeftOut", !judged.repeats());
    node.put("baselines", "rank the whole in-stock catalog");
    node.put("bundles", "judged as served, on their own candidates");
    ObjectNode bootstrap = node.putObject("bootstrap");
    bootstrap.put("confidence", Bootstrap.CONFIDENCE);
    bootstrap.put("resamples", settings.bootstrap().resamples());
    bootstrap.put("seed", settings.bootstrap().seed());
    return node;
  }

  private static ObjectNode model(ModelMetrics model) {
    int k = BacktestSettings.HEADLINE_K;
    RankQuality quality = model.quality();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", model.name());
    ObjectNode metrics = node.putObject("metrics");
    metrics.put("hr@" + k, quality.hitRate(k));
    metrics.put("ndcg@" + k, quality.ndcg(k));
    metrics.put("mrr", quality.mrr());
    metrics.put("coverage", model.coverage(k));
    metrics.put("cases", quality.cases());
    bounds(metrics.putObject("hr@" + k + "Interval"), model.headlineHitRate());
    numbers(metrics.putArray("hr@k"), quality.hitRateAt());
    numbers(metrics.putArray("ndcg@k"), quality.ndcgAt());
    numbers(metrics.putArray("coverage@k"), model.coverageAt());
    latency(metrics.putObject("latencyNanos"), model.latency());
    metrics.put("decisionsPerSecond", model.latency().decisionsPerSecond());
    node.put("dataUntil", model.dataUntil().toString());
    ArrayNode lifts = node.putArray("lifts");
    for (Lift lift : model.lifts()) {
      ObjectNode liftNode = lifts.addObject();
      liftNode.put("baseline", lift.baseline());
      if (lift.defined()) {
        liftNode.put("ratio", lift.ratio().estimate());
        bounds(liftNode, lift.ratio());
      } else {
        liftNode.putNull("ratio");
        liftNode.putNull("low95");
        liftNode.putNull("high95");
      }
    }
    ArrayNode overTime = node.putArray("overTime");
    for (TimeBucket bucket : model.overTime()) {
      ObjectNode point = overTime.addObject();
      point.put("start", bucket.start().toString());
      point.put("cases", bucket.quality().cases());
      point.put("hr@" + k, bucket.quality().hitRate(k));
      point.put("ndcg@" + k, bucket.quality().ndcg(k));
      point.put("mrr", bucket.quality().mrr());
    }
    return node;
  }

  private static void bounds(ObjectNode node, Interval interval) {
    finite(node, "low95", interval.low());
    finite(node, "high95", interval.high());
  }

  private static void finite(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  private static void latency(ObjectNode node, LatencySummary latency) {
    node.put("p50", latency.p50());
    node.put("p90", latency.p90());
    node.put("p99", latency.p99());
    node.put("max", latency.max());
  }

  private static void numbers(ArrayNode array, List<Double> values) {
    values.forEach(array::add);
  }

  private static ObjectNode abTest(AbResult abTest) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("attributionWindow", abTest.attributionWindow().toString());
    node.put("decisionsOutsideExperiments", abTest.decisionsOutsideExperiments());
    ObjectNode unmatched = node.putObject("unmatchedIds");
    unmatched.put("unknownDecision", abTest.unmatchedIds().unknownDecision());
    unmatched.put("itemNotShown", abTest.unmatchedIds().itemNotShown());
    ArrayNode arms = node.putArray("arms");
    for (ArmOutcome arm : abTest.arms()) {
      ObjectNode armNode = arms.addObject();
      armNode.put("experiment", arm.experiment());
      armNode.put("arm", arm.arm());
      armNode.put("decisions", arm.decisions());
      proportion(armNode.putObject("clickThrough"), arm.clickThrough());
      proportion(armNode.putObject("purchase"), arm.purchase());
      ObjectNode joins = armNode.putObject("joined");
      joins.put("byId", arm.joins().byId());
      joins.put("byWindow", arm.joins().byWindow());
    }
    return node;
  }

  private static void proportion(ObjectNode node, Proportion proportion) {
    node.put("successes", proportion.successes());
    node.put("rate", proportion.rate());
    node.put("low95", proportion.low());
    node.put("high95", proportion.high());
  }
}
