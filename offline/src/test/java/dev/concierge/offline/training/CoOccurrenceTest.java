package dev.concierge.offline.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.recommend.Neighbour;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoOccurrenceTest {

  private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "popular");
  private static final int A = 0;
  private static final int B = 1;
  private static final int C = 2;
  private static final int D = 3;
  private static final int E = 4;
  private static final int POPULAR = 5;
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final CoOccurrence.Settings SETTINGS = new CoOccurrence.Settings(3, Duration.ofDays(30), 0);

  @Test
  void itemsOfOneCustomerCoOccurAcrossSessionsDaysApart() {
    CoOccurrence counts = new CoOccurrence(SETTINGS);
    counts.add("c-1", A, 0);
    counts.add("c-1", B, 10 * DAY);

    Map<String, List<Neighbour>> neighbours = counts.neighbours(NAMES, 10);

    assertEquals(1.0f, weight(neighbours, "a", "b").orElseThrow());
    assertEquals(1.0f, weight(neighbours, "b", "a").orElseThrow());
  }

  @Test
  void anItemPairsOnlyWithTheLastWindowItemsDistinctItemsBeforeIt() {
    CoOccurrence counts = new CoOccurrence(SETTINGS);
    for (int item : new int[] {A, B, C, D, E}) {
      counts.add("c-1", item, item * DAY);
    }

    Map<String, List<Neighbour>> neighbours = counts.neighbours(NAMES, 10);

    assertTrue(weight(neighbours, "e", "b").isPresent());
    assertTrue(weight(neighbours, "d", "a").isPresent());
    assertFalse(weight(neighbours, "e", "a").isPresent(), "a is four items before e, the window holds three");
  }

  @Test
  void anItemTouchedLongerAgoThanTheWindowDoesNotPair() {
    CoOccurrence counts = new CoOccurrence(SETTINGS);
    counts.add("c-1", A, 0);
    counts.add("c-1", B, 31 * DAY);

    assertTrue(counts.neighbours(NAMES, 10).isEmpty());
  }

  @Test
  void differentCustomersItemsNeverPair() {
    CoOccurrence counts = new CoOccurrence(SETTINGS);
    counts.add("c-1", A, 0);
    counts.add("c-2", B, 1);

    assertTrue(counts.neighbours(NAMES, 10).isEmpty());
  }

  @Test
  void touchingAnItemAgainAddsNoPairs() {
    CoOccurrence once = new CoOccurrence(SETTINGS);
    once.add("c-1", A, 0);
    once.add("c-1", B, 1);
    CoOccurrence again = new CoOccurrence(SETTINGS);
    again.add("c-1", A, 0);
    again.add("c-1", B, 1);
    again.add("c-1", A, 2);
    again.add("c-1", B, 3);

    assertEquals(once.neighbours(NAMES, 10), again.neighbours(NAMES, 10));
  }

  @Test
  void anItemEveryoneTouchesWeighsLessThanAPairSeenTogetherAsOften() {
    CoOccurrence counts = new CoOccurrence(SETTINGS);
    for (int customer = 0; customer < 20; customer++) {
      String id = "c-" + customer;
      counts.add(id, POPULAR, 0);
      if (customer < 5) {
        counts.add(id, A, 1);
        counts.add(id, B, 2);
      } else {
        counts.add(id, C + customer % 3, 1);
      }
    }

    Map<String, List<Neighbour>> neighbours = counts.neighbours(NAMES, 10);

    // a meets b in 5 customers, and meets popular in the same 5; popular is everywhere else too
    assertTrue(weight(neighbours, "a", "b").orElseThrow() > weight(neighbours, "a", "popular").orElseThrow(),
        neighbours.get("a").toString());
    assertEquals("b", neighbours.get("a").get(0).itemId());
  }

  @Test
  void shrinkagePullsARarePairBelowAFrequentOne() {
    CoOccurrence counts = new CoOccurrence(new CoOccurrence.Settings(3, Duration.ofDays(30), 2));
    counts.add("c-rare", C, 0);
    counts.add("c-rare", D, 1);
    for (int customer = 0; customer < 10; customer++) {
      counts.add("c-" + customer, A, 0);
      counts.add("c-" + customer, B, 1);
      counts.add("c-" + customer, E + customer % 2, 2);
    }

    Map<String, List<Neighbour>> neighbours = counts.neighbours(NAMES, 10);

    assertTrue(weight(neighbours, "c", "d").orElseThrow() < weight(neighbours, "a", "b").orElseThrow());
  }

  @Test
  void everyItemKeepsAtMostItsStrongestNeighbours() {
    CoOccurrence counts = new CoOccurrence(new CoOccurrence.Settings(5, Duration.ofDays(30), 0));
    for (int item : new int[] {A, B, C, D, E}) {
      counts.add("c-1", item, item);
    }
    counts.add("c-2", A, 0);
    counts.add("c-2", E, 1);

    Map<String, List<Neighbour>> neighbours = counts.neighbours(NAMES, 2);

    neighbours.values().forEach(list -> assertTrue(list.size() <= 2, list.toString()));
    assertEquals("e", neighbours.get("a").get(0).itemId());
  }

  private static Optional<Float> weight(Map<String, List<Neighbour>> neighbours, String item, String neighbour) {
    return neighbours.getOrDefault(item, List.of()).stream()
        .filter(n -> n.itemId().equals(neighbour))
        .map(Neighbour::weight)
        .findFirst();
  }
}
