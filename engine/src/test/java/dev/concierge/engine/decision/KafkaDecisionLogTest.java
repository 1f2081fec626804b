package dev.concierge.engine.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.concierge.testing.RealServices;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Logging never holds up the thread that answers a shopper: a broker that cannot be reached (no
 * metadata, so the producer cannot even buffer) costs each decision its log entry, counted, at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaDecisionLogTest {

  private static final int DECISIONS = 100;
  // generous for a busy machine; a send that waited for metadata (max.block.ms = 1000, say) would make
  // the decisions take 100 s
  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  private static final Duration NO_BROKER_TO_WAIT_FOR = Duration.ofMillis(100);

  private final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  void stop() {
    testKit.shutdownTestKit();
  }

  @Test
  void decisionsForABrokerThatCannotBeReachedAreCountedUnloggedWithoutWaiting() throws Exception {
    DecisionLogFixture fixture = new DecisionLogFixture();
    KafkaDecisionLog decisionLog = fixture.start(testKit.system(), unreachable(), NO_BROKER_TO_WAIT_FOR);

    assertTimeoutPreemptively(PROMPTLY, () -> {
      for (int i = 0; i < DECISIONS; i++) {
        decisionLog.record(DecisionLogFixture.decision("d-" + i, "c-" + i));
      }
    });

    assertEquals(DECISIONS, fixture.unlogged(), "every decision that could not be logged is counted");
    decisionLog.stop().toCompletableFuture().get();
  }

  // nothing listens on a free port
  private static String unreachable() {
    return "127.0.0.1:" + RealServices.freePort();
  }

  @Test
  void decisionsRecordedAfterTheLogStoppedAreCountedUnlogged() throws Exception {
    DecisionLogFixture fixture = new DecisionLogFixture();
    KafkaDecisionLog decisionLog = fixture.start(testKit.system(), unreachable(), NO_BROKER_TO_WAIT_FOR);
    decisionLog.stop().toCompletableFuture().get();

    decisionLog.record(DecisionLogFixture.decision("d-late", "c-late"));

    assertEquals(1, fixture.unlogged());
  }
}
