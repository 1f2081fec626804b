package dev.concierge.engine.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.testkit.typed.annotations.JUnit5TestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.JUnit5TestKitBuilder;
import org.apache.pekko.actor.testkit.typed.javadsl.TestKitJUnit5Extension;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Any node's admin API asks every node's reporter, so its messages cross the network. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(TestKitJUnit5Extension.class)
class ShardActivityReporterTest {

  private static final boolean ASSERT_EQUALITY = true;
  private static final String NODE = "pekko://concierge@127.0.0.1:2551";
  private static final int SHARDS = 10;
  private static final int SAMPLES_IN_WINDOW = 12;
  // far longer than the test: the test samples by hand
  private static final Duration NO_TIMER_DURING_THE_TEST = Duration.ofHours(1);

  private static final LocalShards NO_SHARDS = () -> CompletableFuture.completedFuture(Map.of());

  @JUnit5TestKit ActorTestKit testKit = new JUnit5TestKitBuilder().build();

  @Test
  void aCollectAndItsReportRoundTripThroughKryo() {
    TestProbe<ShardActivityReporter.Report> probe = testKit.createTestProbe();
    ShardActivityReporter.Report report = new ShardActivityReporter.Report(
        NODE,
        List.of(new ShardActivity.ShardRate("7", 120, 30), new ShardActivity.ShardRate("9", 0, 4)),
        true,
        List.of(new ShardActivityReporter.HostedShard("7", 12), new ShardActivityReporter.HostedShard("2", 0)));

    testKit.serializationTestKit().verifySerialization(new ShardActivityReporter.Collect(probe.ref()), ASSERT_EQUALITY);
    testKit.serializationTestKit().verifySerialization(report, ASSERT_EQUALITY);
  }

  @Test
  void theReporterAnswersWithThisNodesRatesAsOfItsLastSample() {
    ShardActivity activity = new ShardActivity(SHARDS, SAMPLES_IN_WINDOW);
    var reporter = testKit.spawn(ShardActivityReporter.create(activity, NO_TIMER_DURING_THE_TEST, NODE, NO_SHARDS));
    activity.recordEvents(3, 1);
    activity.recordDecision(3);
    activity.sample();
    TestProbe<ShardActivityReporter.Report> probe = testKit.createTestProbe();

    reporter.tell(new ShardActivityReporter.Collect(probe.ref()));

    ShardActivityReporter.Report report = probe.receiveMessage();
    assertEquals(NODE, report.node());
    assertEquals(List.of(new ShardActivity.ShardRate("3", 1, 1)), report.rates());
  }

  @Test
  void theReportNamesTheShardsThisNodesRegionHostsWithTheirEntities() {
    LocalShards region = () -> CompletableFuture.completedFuture(Map.of("4", 17, "8", 0));
    var reporter = testKit.spawn(ShardActivityReporter.create(
        new ShardActivity(SHARDS, SAMPLES_IN_WINDOW), NO_TIMER_DURING_THE_TEST, NODE, region));
    TestProbe<ShardActivityReporter.Report> probe = testKit.createTestProbe();

    reporter.tell(new ShardActivityReporter.Collect(probe.ref()));

    ShardActivityReporter.Report report = probe.receiveMessage();
    assertTrue(report.regionAnswered());
    assertEquals(
        Set.of(new ShardActivityReporter.HostedShard("4", 17), new ShardActivityReporter.HostedShard("8", 0)),
        Set.copyOf(report.hosted()));
    assertTrue(report.hosts("8"));
    assertFalse(report.hosts("5"));
  }

  @Test
  void aRegionThatDoesNotAnswerStillLetsTheNodeReportItsRatesAndSaySo() {
    ShardActivity activity = new ShardActivity(SHARDS, SAMPLES_IN_WINDOW);
    LocalShards silent = () -> CompletableFuture.failedFuture(new TimeoutException("region busy"));
    var reporter = testKit.spawn(ShardActivityReporter.create(activity, NO_TIMER_DURING_THE_TEST, NODE, silent));
    activity.recordDecision(6);
    activity.sample();
    TestProbe<ShardActivityReporter.Report> probe = testKit.createTestProbe();

    reporter.tell(new ShardActivityReporter.Collect(probe.ref()));

    ShardActivityReporter.Report report = probe.receiveMessage();
    assertFalse(report.regionAnswered());
    assertEquals(List.of(), report.hosted());
    assertEquals(List.of(new ShardActivity.ShardRate("6", 0, 1)), report.rates());
  }
}
