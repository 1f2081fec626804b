package dev.concierge.benchmarks.baseline;

import static dev.concierge.benchmarks.baseline.BaselineFixtures.CATALOG;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.HISTORY;
import static dev.concierge.benchmarks.baseline.BaselineFixtures.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.engine.decision.DecisionDeadline;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writer and model server through a real redis-server, started by the project's launcher: the
 * writer's batches land in Redis, a writer that restarts with an empty memory picks its customers up
 * from Redis and drops the redelivered events, and the server then reads every customer's features
 * as a node holds them and decides as a node decides.
 */
@ExtendWith(TestKitJUnit5Extension.class)
class RedisRoundTripIntegrationTest {

  private static final int BATCH = 500;
  // the writer restarts after this many events, and is then sent the last ones before again (as Kafka
  // redelivers what was not committed), few enough that each is in its customer's dedupe window
  private static final int RESTART_AT = 12_000;
  private static final int REDELIVERED = 100;
  private static final int CUSTOMERS_DECIDED = 10;
  private static final Duration REDIS_ANSWER = Duration.ofSeconds(10);
  // this test compares answers, not latency: a busy test machine must not turn a decision into a fallback
  private static final DecisionDeadline PATIENT = new DecisionDeadline(REDIS_ANSWER, Duration.ZERO);

  @TempDir static Path stateDir;
  private static LaunchedRedis redis;

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @TempDir Path workDir;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = LaunchedRedis.start(stateDir);
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @Test
  void whatTheWriterStoresTheServerReadsAndDecidesWithAsANode() throws Exception {
    String run = UUID.randomUUID().toString();
    RedisSettings settings =
        new RedisSettings(
            redis.uri(), "test-" + run + ":", "test-trends-" + run,
            BaselineFixtures.CONCIERGE.getDuration("baseline.redis.command-timeout"));
    FeatureCodec codec = FeatureCodec.of(testKit.system());
    try (RedisConnection connection = RedisConnection.open(settings)) {
      RedisFeatureStore store = new RedisFeatureStore(connection, settings, codec, testKit.system().executionContext());
      Vocabulary writerVocabulary = BaselineFixtures.vocabulary();
      TrendingItems trends = BaselineFixtures.trends();
      TrendRecorder trendRecorder = new TrendRecorder(trends, writerVocabulary, SETTINGS.features(), EventHorizon.NONE);

      WriterCounts before = new WriterCounts();
      write(updater(store, writerVocabulary, trendRecorder, before), HISTORY.subList(0, RESTART_AT));
      WriterCounts after = new WriterCounts();
      FeatureUpdater restarted = updater(store, writerVocabulary, trendRecorder, after);
      List<CustomerEvent> redelivered = HISTORY.subList(RESTART_AT - REDELIVERED, RESTART_AT);
      assertTrue(mostPerCustomer(redelivered) <= SETTINGS.dedupeWindow(), "the fixture redelivers too much");
      write(restarted, HISTORY.subList(RESTART_AT - REDELIVERED, HISTORY.size()));
      await(store.saveTrends(TrendsSnapshot.of(trends, writerVocabulary.items())));

      assertEquals(RESTART_AT, before.appliedCount());
      assertEquals(REDELIVERED, after.duplicateCount(), "the redelivered events are recognised from the windows in Redis");
      assertEquals(HISTORY.size() - RESTART_AT, after.appliedCount());

      LiveNode node = new LiveNode(HISTORY);
      for (String customerId : customers()) {
        assertEquals(node.features(customerId), await(store.features(customerId)), customerId);
      }
      assertEquals(CustomerFeatures.EMPTY, await(store.features("never-seen")));

      ServerSide server = new ServerSide(testKit.system(), store::features, workDir, PATIENT);
      server.useTrends(await(store.trends()));
      for (String customerId : BaselineFixtures.mostActive(CUSTOMERS_DECIDED)) {
        for (DecisionQuery query : BaselineFixtures.queries(customerId)) {
          DecisionOutcome decided = server.decide(query);
          assertFalse(decided.fallback(), query.toString());
          assertEquals(node.decide(query), decided.items(), query.toString());
        }
      }
    }
  }

  private FeatureUpdater updater(
      RedisFeatureStore store, Vocabulary vocabulary, TrendRecorder trendRecorder, WriterCounts counts) {
    return new FeatureUpdater(
        store, () -> CATALOG, vocabulary, SETTINGS, trendRecorder, counts, testKit.system().executionContext());
  }

  /** One batch at a time, each once the one before is acknowledged, as the writer's stream does. */
  private static void write(FeatureUpdater updater, List<CustomerEvent> events) throws Exception {
    for (int from = 0; from < events.size(); from += BATCH) {
      await(updater.update(events.subList(from, Math.min(from + BATCH, events.size()))));
    }
  }

  private static long mostPerCustomer(List<CustomerEvent> events) {
    return events.stream()
        .collect(Collectors.groupingBy(CustomerEvent::customerId, Collectors.counting()))
        .values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  private static Set<String> customers() {
    Set<String> customers = new LinkedHashSet<>();
    HISTORY.forEach(event -> customers.add(event.customerId()));
    return customers;
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(REDIS_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
  }
}
