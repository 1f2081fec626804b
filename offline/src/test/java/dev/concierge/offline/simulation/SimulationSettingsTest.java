package dev.concierge.offline.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

  @Test
  void theDefaultPeriodIsThirtyDaysFromTheFirstOfOctober2026() {
    SimulationSettings settings = SimulationSettings.of(10, 100, 1);

    assertEquals(Instant.parse("2026-10-01T00:00:00Z"), settings.start());
    assertEquals(Duration.ofDays(30), settings.duration());
    assertEquals(Instant.parse("2026-10-31T00:00:00Z"), settings.end());
  }

  @Test
  void atLeastOneCustomerIsNeeded() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> SimulationSettings.of(0, 100, 1));

    assertTrue(refused.getMessage().contains("customers"), refused.getMessage());
  }

  @Test
  void aNegativeNumberOfEventsIsRefusedButNoneIsFine() {
    assertThrows(IllegalArgumentException.class, () -> SimulationSettings.of(1, -1, 1));
    assertEquals(0, SimulationSettings.of(1, 0, 1).events());
  }

  @Test
  void thePeriodMustHoldAWholeSession() {
    Instant start = SimulationSettings.DEFAULT_START;

    IllegalArgumentException refused = assertThrows(
        IllegalArgumentException.class, () -> new SimulationSettings(1, 1, 1, start, Duration.ofMinutes(59)));
    assertTrue(refused.getMessage().contains("duration"), refused.getMessage());
    assertEquals(Duration.ofHours(1), new SimulationSettings(1, 1, 1, start, Duration.ofHours(1)).duration());
  }

  @Test
  void startAndDurationAreRequired() {
    assertThrows(NullPointerException.class, () -> new SimulationSettings(1, 1, 1, null, Duration.ofDays(1)));
    assertThrows(
        NullPointerException.class, () -> new SimulationSettings(1, 1, 1, SimulationSettings.DEFAULT_START, null));
  }
}
