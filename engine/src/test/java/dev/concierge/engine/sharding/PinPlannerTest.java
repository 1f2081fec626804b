package dev.concierge.engine.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PinPlannerTest {

  private static final int ABSOLUTE_LIMIT = 3;
  private static final double RELATIVE_LIMIT = 0.1;
  private static final int SHARDS = 100;

  private final PinPlanner<String> planner = new PinPlanner<>(ABSOLUTE_LIMIT, RELATIVE_LIMIT, SHARDS);

  @Test
  void aPinnedShardElsewhereMovesToItsNode() {
    Set<String> moves = planner.misplaced(Map.of("7", "b"), Map.of("7", "a"), Set.of("a", "b"), 0);

    assertEquals(Set.of("7"), moves);
  }

  @Test
  void aPinnedShardAlreadyOnItsNodeStays() {
    assertEquals(Set.of(), planner.misplaced(Map.of("7", "b"), Map.of("7", "b"), Set.of("a", "b"), 0));
  }

  @Test
  void aPinToANodeThatHoldsNoShardsYetStillCounts() {
    // "c" just joined: it has a region but no shard, so it appears in ready and not in current
    Set<String> moves = planner.misplaced(Map.of("7", "c"), Map.of("7", "a", "8", "b"), Set.of("a", "b", "c"), 0);

    assertEquals(Set.of("7"), moves);
  }

  @Test
  void aPinToANodeThatCannotTakeShardsIsIgnored() {
    // "b" is leaving or gone: the shard stays where the balancer put it
    assertEquals(Set.of(), planner.misplaced(Map.of("7", "b"), Map.of("7", "a"), Set.of("a"), 0));
  }

  @Test
  void aShardNotAllocatedNowIsNotMovedButAllocatedToItsPinLater() {
    assertEquals(Set.of(), planner.misplaced(Map.of("7", "b"), Map.of(), Set.of("a", "b"), 0));
  }

  @Test
  void oneRoundMovesNoMoreThanTheRebalanceLimitLowestShardsFirst() {
    Map<String, String> pinned = Map.of("1", "b", "2", "b", "10", "b", "20", "b", "30", "b");
    Map<String, String> current = Map.of("1", "a", "2", "a", "10", "a", "20", "a", "30", "a");

    assertEquals(Set.of("1", "2", "10"), planner.misplaced(pinned, current, Set.of("a", "b"), 0));
    assertEquals(Set.of("1"), planner.misplaced(pinned, current, Set.of("a", "b"), 2));
    assertEquals(Set.of(), planner.misplaced(pinned, current, Set.of("a", "b"), ABSOLUTE_LIMIT));
  }

  @Test
  void theRoundLimitIsTheSmallerOfTheAbsoluteAndRelativeLimitsButAtLeastOne() {
    assertEquals(3, new PinPlanner<String>(3, 0.1, 100).roundLimit());
    assertEquals(2, new PinPlanner<String>(5, 0.1, 20).roundLimit());
    assertEquals(1, new PinPlanner<String>(5, 0.1, 6).roundLimit());
  }

  @Test
  void theBalancerMayNotMoveAPinnedShardAwayFromItsPin() {
    Set<String> kept = planner.withoutPinnedInPlace(
        Set.of("7", "8", "9"), Map.of("7", "b", "8", "b"), Map.of("7", "b", "8", "a", "9", "a"));

    // 7 sits on its pin and stays; 8 is misplaced anyway, and 9 is not pinned
    assertEquals(Set.of("8", "9"), kept);
  }
}
