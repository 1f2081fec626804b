package dev.concierge.engine.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecisionDeadlineTest {

  @Test
  void theDefaultIsFiftyMillisecondsOfWhichTheActorHasAllButTheFallbacksReserve() {
    DecisionDeadline deadline = DecisionDeadline.fromConfig(ConfigFactory.load().getConfig("concierge.decisions"));

    assertEquals(Duration.ofMillis(50), deadline.deadline());
    assertEquals(deadline.deadline().minus(deadline.fallbackReserve()), deadline.actorTimeout());
    assertTrue(deadline.actorTimeout().compareTo(Duration.ZERO) > 0);
  }

  @Test
  void aReserveThatLeavesTheActorNoTimeIsRefusedNamingBothSettings() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new DecisionDeadline(Duration.ofMillis(20), Duration.ofMillis(20)));

    assertTrue(refused.getMessage().contains("concierge.decisions.fallback-reserve"), refused.getMessage());
    assertTrue(refused.getMessage().contains("concierge.decisions.deadline"), refused.getMessage());
  }
}
