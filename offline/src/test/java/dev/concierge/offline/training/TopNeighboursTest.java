package dev.concierge.offline.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.models.recommend.Neighbour;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TopNeighboursTest {

  private static final int ITEMS = 12;
  private static final List<String> NAMES = IntStream.range(0, ITEMS).mapToObj(i -> "item-" + (char) ('a' + i)).toList();

  private record Offer(int item, int neighbour, float weight) {}

  @Property
  void keepsTheStrongestNeighboursWhateverTheOrderOfOffers(
      @ForAll @IntRange(min = 1, max = 6) int perItem, @ForAll long seed) {
    Random random = new Random(seed);
    List<Offer> offers = new ArrayList<>();
    for (int item = 0; item < ITEMS; item++) {
      for (int neighbour = 0; neighbour < ITEMS; neighbour++) {
        if (neighbour != item && random.nextBoolean()) {
          // few distinct weights, so that ties are common
          offers.add(new Offer(item, neighbour, random.nextInt(5) - 1));
        }
      }
    }
    List<Offer> shuffled = new ArrayList<>(offers);
    Collections.shuffle(shuffled, random);

    assertEquals(expected(offers, perItem), kept(shuffled, perItem));
  }

  private static Map<String, List<Neighbour>> kept(List<Offer> offers, int perItem) {
    TopNeighbours top = new TopNeighbours(perItem);
    offers.forEach(offer -> top.offer(offer.item(), offer.neighbour(), offer.weight()));
    return top.toMap(NAMES);
  }

  /** By brute force: every item's positive offers, strongest first, ties to the smaller code, cut at perItem. */
  private static Map<String, List<Neighbour>> expected(List<Offer> offers, int perItem) {
    TopNeighbours reference = new TopNeighbours(ITEMS);
    offers.stream()
        .filter(offer -> offer.weight() > 0)
        .sorted(Comparator.comparing(Offer::item)
            .thenComparing(Offer::weight, Comparator.reverseOrder())
            .thenComparing(Offer::neighbour))
        .collect(java.util.stream.Collectors.groupingBy(Offer::item))
        .forEach((item, list) -> list.stream().limit(perItem)
            .forEach(offer -> reference.offer(offer.item(), offer.neighbour(), offer.weight())));
    return reference.toMap(NAMES);
  }
}
