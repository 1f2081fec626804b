package dev.concierge.offline.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The point of the simulation: what shoppers did in the first three weeks predicts the fourth
 * better than popularity does, both per shopper and from item to item.
 */
class LearnabilityTest {

  private static final int TOP_N = 10;
  private static final Map<String, String> CATEGORY = ShopperSimulationTest.CATALOG.stream()
      .collect(Collectors.toMap(CatalogItem::itemId, CatalogItem::category));
  private static final SimulationSettings SETTINGS = SimulationSettings.of(500, 60_000, 11);
  private static final Instant SPLIT = SETTINGS.start().plus(Duration.ofDays(21));
  private static final List<CustomerEvent> EVENTS =
      ShopperSimulation.of(SETTINGS, ShopperSimulationTest.CATALOG).stream().toList();
  private static final List<CustomerEvent> TRAINING =
      EVENTS.stream().filter(e -> e.timestamp().isBefore(SPLIT)).toList();
  private static final List<CustomerEvent> HELD_OUT =
      EVENTS.stream().filter(e -> !e.timestamp().isBefore(SPLIT)).toList();
  private static final Map<String, Long> TRAINING_VIEWS = TRAINING.stream()
      .filter(e -> e.type() == EventType.VIEW)
      .collect(Collectors.groupingBy(CustomerEvent::itemId, Collectors.counting()));
  private static final Set<String> MOST_POPULAR = topByCount(TRAINING_VIEWS);

  @Test
  void aShoppersCategoryHistoryPredictsTheirLaterItemsBetterThanPopularity() {
    Map<String, Map<String, Long>> categoriesOf = TRAINING.stream().collect(Collectors.groupingBy(
        CustomerEvent::customerId, Collectors.groupingBy(e -> CATEGORY.get(e.itemId()), Collectors.counting())));
    Map<String, Set<String>> personal = new HashMap<>();
    // popular items, weighted by how much of the shopper's activity their category had
    categoriesOf.forEach((customer, categories) -> personal.put(customer, top(TRAINING_VIEWS.keySet(),
        item -> TRAINING_VIEWS.get(item) * categories.getOrDefault(CATEGORY.get(item), 0L))));
    int hits = 0;
    int popularHits = 0;
    int cases = 0;
    for (CustomerEvent event : HELD_OUT) {
      Set<String> recommended = personal.get(event.customerId());
      if (recommended != null) {
        cases++;
        hits += recommended.contains(event.itemId()) ? 1 : 0;
        popularHits += MOST_POPULAR.contains(event.itemId()) ? 1 : 0;
      }
    }

    double hitRate = (double) hits / cases;
    double popularHitRate = (double) popularHits / cases;
    // tastes reach past categories and popularity is long-tailed, so the category alone lifts less than taste does
    assertTrue(hitRate > 1.3 * popularHitRate, "personal hr@10 " + hitRate + ", popularity hr@10 " + popularHitRate);
  }

  @Test
  void itemsCoViewedEarlierPredictTheNextItemViewedFarBetterThanPopularity() {
    Map<String, Map<String, Long>> coViews = new HashMap<>();
    forEachNextView(
        TRAINING, (from, to) -> coViews.computeIfAbsent(from, f -> new HashMap<>()).merge(to, 1L, Long::sum));
    Map<String, Set<String>> neighbours = new HashMap<>();
    coViews.forEach((item, counts) -> neighbours.put(item, topByCount(counts)));
    int[] hits = new int[3];
    forEachNextView(HELD_OUT, (from, to) -> {
      hits[0]++;
      hits[1] += neighbours.getOrDefault(from, Set.of()).contains(to) ? 1 : 0;
      hits[2] += MOST_POPULAR.contains(to) ? 1 : 0;
    });

    double hitRate = (double) hits[1] / hits[0];
    double popularHitRate = (double) hits[2] / hits[0];
    assertTrue(hitRate > 3 * popularHitRate, "co-view hr@10 " + hitRate + ", popularity hr@10 " + popularHitRate);
  }

  /** Each view followed by a view of a different item in the same session, as (from, to). */
  private static void forEachNextView(List<CustomerEvent> events, BiConsumer<String, String> pair) {
    Map<String, String> lastViewInSession = new HashMap<>();
    for (CustomerEvent event : events) {
      if (event.type() == EventType.VIEW) {
        String previous = lastViewInSession.put(event.sessionId(), event.itemId());
        if (previous != null && !previous.equals(event.itemId())) {
          pair.accept(previous, event.itemId());
        }
      }
    }
  }

  private static Set<String> topByCount(Map<String, Long> counts) {
    return top(counts.keySet(), counts::get);
  }

  private static Set<String> top(Collection<String> candidates, ToDoubleFunction<String> score) {
    return candidates.stream()
        .sorted(Comparator.comparingDouble(score).reversed().thenComparing(Comparator.naturalOrder()))
        .limit(TOP_N)
        .collect(Collectors.toSet());
  }
}
