package dev.concierge.offline.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventBudgetTest {

  @Test
  void sharesAreProportionalToTheWeights() {
    assertArrayEquals(new long[] {10, 30, 60}, EventBudget.split(100, new double[] {1, 3, 6}));
  }

  @Test
  void sharesAlwaysAddUpToExactlyTheTotal() {
    double[] weights = {0.3, 1.7, 2.9, 0.01, 5.5, 0.8, 1e-9};
    for (long total : new long[] {0, 1, 7, 999, 1_000_003}) {
      assertEquals(total, Arrays.stream(EventBudget.split(total, weights)).sum(), "total " + total);
    }
  }

  @Test
  void aZeroWeightGetsNothing() {
    assertArrayEquals(new long[] {0, 5, 0}, EventBudget.split(5, new double[] {0, 2, 0}));
  }

  @Test
  void noWeightsOrNoEventsGiveNoShares() {
    assertArrayEquals(new long[0], EventBudget.split(10, new double[0]));
    assertArrayEquals(new long[] {0, 0}, EventBudget.split(0, new double[] {1, 1}));
  }

  @Test
  void eventsCannotBePlacedOnWeightsThatAreAllZero() {
    assertThrows(IllegalArgumentException.class, () -> EventBudget.split(3, new double[] {0, 0}));
  }

  @Test
  void negativeOrNonFiniteWeightsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> EventBudget.split(3, new double[] {1, -1}));
    assertThrows(IllegalArgumentException.class, () -> EventBudget.split(3, new double[] {Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> EventBudget.split(3, new double[] {Double.POSITIVE_INFINITY}));
  }
}
