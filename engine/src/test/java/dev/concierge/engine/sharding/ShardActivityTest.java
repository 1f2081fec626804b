package dev.concierge.engine.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardActivityTest {

  private static final int SHARDS = 4;
  private static final int SAMPLES_IN_WINDOW = 3;

  private final ShardActivity activity = new ShardActivity(SHARDS, SAMPLES_IN_WINDOW);

  @Test
  void nothingIsReportedBeforeTheFirstSample() {
    activity.recordEvents(1, 1);

    assertTrue(activity.rates().isEmpty());
  }

  @Test
  void aSampleReportsEverythingSinceCountingBeganPerShardAndKind() {
    activity.recordEvents(1, 1);
    activity.recordEvents(1, 1);
    activity.recordDecision(1);
    activity.recordDecision(3);

    activity.sample();

    assertEquals(
        List.of(new ShardActivity.ShardRate("1", 2, 1), new ShardActivity.ShardRate("3", 0, 1)), activity.rates());
  }

  @Test
  void activityOlderThanTheWindowFallsOut() {
    activity.recordEvents(2, 1);
    activity.sample();
    for (int period = 0; period < SAMPLES_IN_WINDOW; period++) {
      activity.recordDecision(0);
      activity.sample();
    }

    // the event was counted in the first period, which the last three periods no longer include
    assertEquals(List.of(new ShardActivity.ShardRate("0", 0, SAMPLES_IN_WINDOW)), activity.rates());
  }

  @Test
  void quietShardsAreLeftOut() {
    activity.recordEvents(0, 1);
    activity.sample();
    for (int period = 0; period < SAMPLES_IN_WINDOW; period++) {
      activity.sample();
    }

    assertTrue(activity.rates().isEmpty());
  }
}
