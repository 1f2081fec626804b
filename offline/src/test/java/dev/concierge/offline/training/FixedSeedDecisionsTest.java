package dev.concierge.offline.training;

import static dev.concierge.offline.training.RecommenderFixtures.CATALOG;
import static dev.concierge.offline.training.RecommenderFixtures.FEATURES;
import static dev.concierge.offline.training.RecommenderFixtures.ITEMS;
import static dev.concierge.offline.training.RecommenderFixtures.POPULAR_PER_LIST;
import static dev.concierge.offline.training.RecommenderFixtures.RECOMMENDER;
import static dev.concierge.offline.training.RecommenderFixtures.TRAINING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventTime;
import dev.concierge.models.FeatureState;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.models.recommend.ModelBundle;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.models.rules.BusinessRules;
import dev.concierge.models.rules.RuleOverrides;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decisions of a fixed simulation, bundle and set of requests are the ones recorded before the
 * recommender was made lean (issue 16): the same items in the same order with the same reasons, and
 * the same scores to 1e-9. Speed work must not change what shoppers are shown.
 *
 * <p>The requests cover each path of a decision: a shopper alone, with the page's item, with their own
 * candidates, and with rules (a pin, a boost, an exclusion, a per-category cap), with live trends.
 * {@code -Dconcierge.decisions.record=true} writes the recording anew, for a change that means to
 * change decisions (and must say why).
 */
class FixedSeedDecisionsTest {

  private static final double SCORE_TOLERANCE = 1e-9;
  private static final int CUSTOMERS = 400;
  private static final long EVENTS = 30_000;
  private static final int LIMIT = 10;
  private static final String RECORDING = "fixed-seed-decisions-%s.txt.gz";

  @ParameterizedTest
  @EnumSource(ModelTrainer.class)
  void decisionsForAFixedSeedAreTheRecordedOnes(ModelTrainer kind) {
    List<String> decided = decide(kind);
    String name = RECORDING.formatted(kind.name().toLowerCase());
    if (Boolean.getBoolean("concierge.decisions.record")) {
      record(name, decided);
      Assumptions.abort("recorded " + decided.size() + " lines in " + name + "; run again to compare");
    }
    List<String> recorded = recording(name);
    assertEquals(recorded.size(), decided.size(), "decided lines");
    for (int i = 0; i < recorded.size(); i++) {
      assertSameLine(recorded.get(i), decided.get(i));
    }
  }

  /** One line per returned item: request, rank, item, score, reasons. */
  private static List<String> decide(ModelTrainer kind) {
    List<CustomerEvent> history = RecommenderFixtures.history(CUSTOMERS, EVENTS);
    Instant end = history.get(history.size() - 1).timestamp().plusMillis(1);
    Instant until = RecommenderFixtures.dayOf(history, 0.8);
    ModelBundle bundle =
        new BundleTrainer(RECOMMENDER, TRAINING, Clock.systemUTC()).train(history, CATALOG, until, kind, "fixed");
    Vocabulary vocabulary = new Vocabulary(Integer.MAX_VALUE, Integer.MAX_VALUE);
    ServingModel model = ServingModel.load(bundle, CATALOG, vocabulary, POPULAR_PER_LIST);
    Map<String, FeatureState> shoppers = new LinkedHashMap<>();
    new HistoryReplay(FEATURES, vocabulary, CATALOG)
        .replay(history, end, (event, state) -> shoppers.putIfAbsent(event.customerId(), state));
    TrendingItems trends = trends(history, vocabulary);
    long now = EventTime.millisOf(end);
    List<String> lines = new ArrayList<>();
    int request = 0;
    for (Map.Entry<String, FeatureState> shopper : shoppers.entrySet()) {
      DecisionQuery query = query(shopper.getKey(), request);
      BusinessRules rules = BusinessRules.DEFAULT.withOverrides(overrides(request));
      List<RankedItem> items = RECOMMENDER.recommend(
          model, shopper.getValue(), vocabulary, CATALOG, request % 2 == 0 ? trends : null, query, rules, now);
      for (int rank = 0; rank < items.size(); rank++) {
        RankedItem item = items.get(rank);
        lines.add(request + "\t" + rank + "\t" + item.itemId() + "\t" + item.score() + "\t" + item.reasons());
      }
      request++;
    }
    return lines;
  }

  /** Every fourth request names the page's item, every seventh brings its own candidates. */
  private static DecisionQuery query(String customer, int request) {
    String context = request % 4 == 1 ? ITEMS.get(request % ITEMS.size()).itemId() : null;
    List<String> candidates = request % 7 == 3
        ? ITEMS.subList(request % 50, request % 50 + 40).stream().map(item -> item.itemId()).toList()
        : List.of();
    return new DecisionQuery(customer, LIMIT, context, candidates, Set.of());
  }

  /** Every fifth request brings rules of its own. */
  private static RuleOverrides overrides(int request) {
    if (request % 5 != 2) {
      return RuleOverrides.NONE;
    }
    String pinned = ITEMS.get((request * 7) % ITEMS.size()).itemId();
    String boosted = ITEMS.get((request * 11) % ITEMS.size()).itemId();
    String excluded = ITEMS.get((request * 13) % ITEMS.size()).itemId();
    return new RuleOverrides(null, Map.of(), null, Set.of(excluded), Map.of(boosted, 3.0),
        Map.of(ITEMS.get(0).category(), 1.5), Map.of(pinned, 2), 2, LIMIT);
  }

  /** What the last day of the history made trend, as the node's ingestion records it. */
  private static TrendingItems trends(List<CustomerEvent> history, Vocabulary vocabulary) {
    TrendingItems trends = new TrendingItems(Duration.ofHours(6).toMillis(), 20);
    Instant lastDay = history.get(history.size() - 1).timestamp().minus(Duration.ofDays(1));
    for (CustomerEvent event : history) {
      if (event.timestamp().isAfter(lastDay)) {
        trends.record(vocabulary.items().codeOf(event.itemId()), 1, EventTime.millisOf(event.timestamp()));
      }
    }
    trends.refreshTop();
    return trends;
  }

  private static void assertSameLine(String recorded, String decided) {
    String[] was = recorded.split("\t");
    String[] is = decided.split("\t");
    String where = "request " + was[0] + ", rank " + was[1];
    assertEquals(was[0] + "\t" + was[1] + "\t" + was[2], is[0] + "\t" + is[1] + "\t" + is[2], where + ": the item");
    double difference = Math.abs(Double.parseDouble(was[3]) - Double.parseDouble(is[3]));
    assertTrue(difference <= SCORE_TOLERANCE, where + ": score " + is[3] + ", recorded " + was[3]);
    assertEquals(was[4], is[4], where + ": the reasons");
  }

  private static List<String> recording(String name) {
    try (InputStream in = FixedSeedDecisionsTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing; record it with -Dconcierge.decisions.record=true");
      }
      return new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void record(String name, List<String> lines) {
    Path file = Path.of("src/test/resources/dev/concierge/offline/training", name);
    try {
      Files.createDirectories(file.getParent());
      try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
