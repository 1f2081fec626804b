package dev.concierge.engine.decision;

import dev.concierge.engine.tracing.Tracing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerContext;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.TestCustomerContext;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.rules.RuleOverrides;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.LogCapturingExtension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The decision path never fails a shopper: a customer actor that does not answer in time gives way to
 * the catalog's popular items, flagged fallback. Customers here are stand-ins: {@code slow-*} never
 * answer, the others answer with one fixed item.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
@ExtendWith(LogCapturingExtension.class)
class DecisionServiceTest {


  private static final DecisionDeadline DEADLINE = new DecisionDeadline(Duration.ofMillis(200), Duration.ofMillis(20));
  private static final String PERSONAL_MODEL = "personal-v7";
  private static final RankedItem PERSONAL = new RankedItem("personal-pick", 0.9, List.of("picked for you"));

  @JUnit5TestKit
  ActorTestKit testKit =
      new JUnit5TestKitBuilder()
          .withCustomConfig(
              ConfigFactory.parseString(
                      "pekko.actor.provider = cluster\n"
                          + "pekko.remote.artery.canonical.port = 0\n"
                          + "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on")
                  .withFallback(ConfigFactory.load()))
          .build();

  private final Catalog catalog =
      Catalog.of(
          List.of(
              new CatalogItem("best", "shoes", 10, true, "Best seller", 100),
              new CatalogItem("second", "tents", 10, true, "Runner-up", 50),
              new CatalogItem("gone", "tents", 10, false, "Sold out", 90)));

  private final List<DecisionOutcome> logged = new CopyOnWriteArrayList<>();
  private final Map<String, String> loggedOnThread = new ConcurrentHashMap<>();
  private DecisionService service;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeAll
  void startSharding() {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    ClusterSharding.get(testKit.system())
        .init(
            Entity.of(
                CustomerEntity.ENTITY_KEY,
                context ->
                    Behaviors.receiveMessage(
                        command -> {
                          if (command instanceof CustomerEntity.Decide decide
                              && !context.getEntityId().startsWith("slow-")) {
                            decide.replyTo().tell(new CustomerEntity.Decision(PERSONAL_MODEL, "exp", "arm-a", List.of(PERSONAL)));
                          }
                          return Behaviors.same();
                        })));
    CustomerSettings settings = CustomerSettings.fromConfig(testKit.system().settings().config().getConfig("concierge"));
    Vocabulary vocabulary = new Vocabulary(1_000, 100);
    CustomerContext context = TestCustomerContext.of(settings, catalog, vocabulary);
    service = new DecisionService(
        testKit.system(), context, DEADLINE, this::log, new NodeMetrics(meters), Duration.ofSeconds(10),
        Tracing.off());
  }

  private void log(DecisionOutcome outcome) {
    logged.add(outcome);
    loggedOnThread.put(outcome.decisionId(), Thread.currentThread().getName());
  }

  @Test
  void theCustomersOwnAnswerIsServedWhenItComesInTime() throws Exception {
    DecisionOutcome outcome = decide("c-1");

    assertFalse(outcome.fallback());
    assertEquals(List.of(PERSONAL), outcome.items());
    assertEquals("c-1", outcome.customerId());
    assertEquals(PERSONAL_MODEL, outcome.modelVersion());
    assertEquals("exp", outcome.experiment());
    assertEquals("arm-a", outcome.arm());
    assertTrue(logged.contains(outcome), "every answered decision is logged");
  }

  @Test
  void aCustomerThatDoesNotAnswerInTimeGetsPopularInStockItemsFlaggedFallback() throws Exception {
    double timeoutsBefore = count("concierge.decision.fallbacks", "cause", "timeout");
    double fallbacksBefore = count("concierge.decisions", "outcome", "fallback");

    DecisionOutcome outcome = decide("slow-1");

    assertTrue(outcome.fallback());
    assertEquals(List.of("best", "second"), outcome.items().stream().map(RankedItem::itemId).toList());
    assertEquals(ServingModel.HEURISTIC_VERSION, outcome.modelVersion());
    assertEquals(timeoutsBefore + 1, count("concierge.decision.fallbacks", "cause", "timeout"), "counted as a timeout");
    assertEquals(fallbacksBefore + 1, count("concierge.decisions", "outcome", "fallback"));
    assertTrue(logged.contains(outcome), "fallback answers are logged like any other");
  }

  @Test
  void theCustomersActorHasTheDeadlineLessTheFallbackReserveBeforeTheFallbackAnswers() throws Exception {
    long started = System.nanoTime();

    DecisionOutcome outcome = decide("slow-2");

    // a lower bound only: how late the fallback may be is measured against real services, not here
    assertTrue(outcome.fallback());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(DEADLINE.actorTimeout()) >= 0,
        "the fallback waits for the actor's share of the deadline, " + DEADLINE.actorTimeout());
  }

  /** A timeout completes the ask on the scheduler's one thread, whose ticks every timer of the node waits on. */
  @Test
  void theFallbackIsRankedOnTheDispatcherNotOnTheSchedulersThread() throws Exception {
    DecisionOutcome outcome = decide("slow-3");

    assertTrue(outcome.fallback());
    String thread = loggedOnThread.get(outcome.decisionId());
    assertTrue(thread.contains("default-dispatcher"), "the fallback was ranked and logged on " + thread);
  }

  @Test
  void eachDecisionIsTimedFromTheRequestToTheAnswerUnderItsOutcome() throws Exception {
    Timer fallbacks = meters.get("concierge.decision.latency").tag("outcome", "fallback").timer();
    Timer personal = meters.get("concierge.decision.latency").tag("outcome", "personal").timer();
    long fallbacksBefore = fallbacks.count();
    long personalBefore = personal.count();

    decide("slow-4");
    decide("c-3");

    assertEquals(fallbacksBefore + 1, fallbacks.count());
    assertEquals(personalBefore + 1, personal.count());
    assertTrue(fallbacks.max(TimeUnit.NANOSECONDS) >= DEADLINE.actorTimeout().toNanos(),
        "the fallback's time includes its wait for the actor");
  }

  @Test
  void everyDecisionHasItsOwnId() throws Exception {
    assertFalse(decide("c-2").decisionId().equals(decide("c-2").decisionId()));
  }

  private double count(String counter, String tag, String value) {
    return meters.get(counter).tag(tag, value).counter().count();
  }

  private DecisionOutcome decide(String customerId) throws Exception {
    return service
        .decide(new DecisionQuery(customerId, 10, null, List.of(), Set.of()), RuleOverrides.NONE, Function.identity())
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }
}
