package dev.concierge.benchmarks.baseline;

import static dev.concierge.benchmarks.baseline.BaselineFixtures.CATALOG;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.HISTORY;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.FeatureReader;
import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.engine.model.TrendRecorder;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.TrendingItems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * For the same history, the baseline decides as a node does: its writer's keyed state, written as the
 * bytes Redis holds and read back by its model server with other item codes, ranks the same items with
 * the same scores and reasons as the node's recommender on the node's live feature state. Redis itself
 * is left out here (see {@link RedisRoundTripIntegrationTest}): the bytes go from writer to server directly.
 */
@ExtendWith(TestKitJUnit5Extension.class)
class DecisionParityTest {

  private static final int CUSTOMERS_COMPARED = 40;
  // as the node's fault test bounds its fallback: far below Redis's command timeout, well above a busy
  // test machine's pauses
  private static final Duration FALLBACK_BOUND = Duration.ofSeconds(1);

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @TempDir Path workDir;

  @Test
  void theBaselineRanksTheSameItemsWithTheSameScoresAsTheNode() throws Exception {
    LiveNode node = new LiveNode(HISTORY);
    FeatureCodec codec = FeatureCodec.of(testKit.system());
    Map<String, byte[]> redis = new HashMap<>();
    TrendsSnapshot trends = writeThroughTheWriter(HISTORY, codec, redis);
    ServerSide server = new ServerSide(testKit.system(), storedIn(redis, codec), workDir);
    server.useTrends(trends);

    int compared = 0;
    for (String customerId : BaselineFixtures.mostActive(CUSTOMERS_COMPARED)) {
      for (DecisionQuery query : BaselineFixtures.queries(customerId)) {
        DecisionOutcome baseline = server.decide(query);

        assertFalse(baseline.fallback(), query.toString());
        assertEquals(node.modelVersion(), baseline.modelVersion());
        assertEquals(node.decide(query), baseline.items(), query.toString());
        assertFalse(baseline.items().isEmpty(), query.toString());
        compared++;
      }
    }
    assertEquals(CUSTOMERS_COMPARED * BaselineFixtures.queries(HISTORY.get(0).customerId()).size(), compared);
  }

  @Test
  void aCustomerRedisDoesNotHoldIsRankedAsANodeRanksANewCustomer() throws Exception {
    LiveNode node = new LiveNode(HISTORY);
    ServerSide server = new ServerSide(testKit.system(), storedIn(Map.of(), FeatureCodec.of(testKit.system())), workDir);
    DecisionQuery query =
        new DecisionQuery(
            "never-seen", BaselineFixtures.CONCIERGE.getInt("http.default-decision-limit"), null, List.of(), Set.of());

    DecisionOutcome baseline = server.decide(query);

    assertFalse(baseline.fallback());
    assertEquals(new LiveNode(List.of()).decide(query), baseline.items());
    assertEquals(node.modelVersion(), baseline.modelVersion());
  }

  @Test
  void aRedisThatDoesNotAnswerWithinTheDeadlineGivesTheFallbackInTime() throws Exception {
    ServerSide server = new ServerSide(testKit.system(), customerId -> new CompletableFuture<>(), workDir);
    DecisionQuery query = BaselineFixtures.queries(HISTORY.get(0).customerId()).get(0);
    long started = System.nanoTime();
    DecisionOutcome baseline = server.decide(query);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertTrue(baseline.fallback());
    assertEquals(new LiveNode(List.of()).decide(query), baseline.items());
    assertTrue(took.compareTo(FALLBACK_BOUND) < 0, "the fallback took " + took);
  }

  /** The writer's path: keyed state per customer, each customer's features as the bytes it writes, and its trends. */
  private static TrendsSnapshot writeThroughTheWriter(
      List<CustomerEvent> history, FeatureCodec codec, Map<String, byte[]> redis) {
    Vocabulary vocabulary = BaselineFixtures.vocabulary();
    TrendingItems trends = BaselineFixtures.trends();
    TrendRecorder trendRecorder = new TrendRecorder(trends, vocabulary, SETTINGS.features(), EventHorizon.NONE);
    Map<String, CustomerState> customers = new HashMap<>();
    for (CustomerEvent event : history) {
      CustomerState state = customers.computeIfAbsent(event.customerId(), id -> CustomerState.fresh(SETTINGS));
      if (state.record(event, CATALOG.categoryOf(event.itemId()), vocabulary, SETTINGS)) {
        trendRecorder.recorded(event);
      }
    }
    customers.forEach((customerId, state) -> redis.put(customerId, codec.encode(state.snapshot(vocabulary).features())));
    return TrendsSnapshot.decode(TrendsSnapshot.of(trends, vocabulary.items()).encode());
  }

  private static FeatureReader storedIn(Map<String, byte[]> redis, FeatureCodec codec) {
    return customerId ->
        CompletableFuture.completedFuture(
            redis.containsKey(customerId) ? codec.decode(redis.get(customerId)) : CustomerFeatures.EMPTY);
  }
}
