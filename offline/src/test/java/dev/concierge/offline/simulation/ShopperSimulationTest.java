package dev.concierge.offline.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopperSimulationTest {

  static final List<CatalogItem> CATALOG = DemoCatalog.generate(1000, 42);
  private static final Map<String, CatalogItem> ITEMS =
      CATALOG.stream().collect(Collectors.toMap(CatalogItem::itemId, Function.identity()));
  private static final SimulationSettings SETTINGS = SimulationSettings.of(300, 30_000, 7);
  private static final ShopperSimulation SIMULATION = ShopperSimulation.of(SETTINGS, CATALOG);
  private static final List<CustomerEvent> EVENTS = SIMULATION.stream().toList();
  private static final Duration SESSION_TIMEOUT = Duration.ofMinutes(30);

  @Test
  void theSameSeedGivesTheSameEvents() {
    assertEquals(EVENTS, ShopperSimulation.of(SETTINGS, CATALOG).stream().toList());
  }

  @Test
  void everyPassOverOneSimulationGivesTheSameEvents() {
    List<CustomerEvent> again = new ArrayList<>();
    SIMULATION.events().forEachRemaining(again::add);

    assertEquals(EVENTS, again);
  }

  @Test
  void aDifferentSeedGivesDifferentEvents() {
    List<CustomerEvent> other =
        ShopperSimulation.of(SimulationSettings.of(300, 30_000, 8), CATALOG).stream().toList();

    assertEquals(EVENTS.size(), other.size());
    assertNotEquals(
        EVENTS.stream().map(CustomerEvent::itemId).toList(), other.stream().map(CustomerEvent::itemId).toList());
  }

  @ParameterizedTest
  @CsvSource({"1, 0", "1, 1", "1, 500", "50, 7", "1000, 10", "3, 10000", "200, 12345"})
  void exactlyTheRequestedNumberOfEventsComesOut(int customers, long events) {
    ShopperSimulation simulation = ShopperSimulation.of(SimulationSettings.of(customers, events, 1), CATALOG);

    assertEquals(events, simulation.stream().count());
    assertEquals(events, simulation.stream().spliterator().getExactSizeIfKnown());
  }

  @Test
  void eventsComeOutInTimeOrderWithinThePeriod() {
    Instant previous = SETTINGS.start();
    for (CustomerEvent event : EVENTS) {
      assertFalse(event.timestamp().isBefore(previous), event.toString());
      previous = event.timestamp();
    }
    assertFalse(previous.isAfter(SETTINGS.end()), previous.toString());
  }

  @Test
  void theEventsSpanThePeriod() {
    Duration covered = Duration.between(EVENTS.get(0).timestamp(), EVENTS.get(EVENTS.size() - 1).timestamp());

    assertTrue(covered.compareTo(SETTINGS.duration().multipliedBy(9).dividedBy(10)) > 0, covered.toString());
  }

  @Test
  void aCustomPeriodIsHonoured() {
    Instant start = Instant.parse("2027-01-01T00:00:00Z");
    SimulationSettings settings = new SimulationSettings(20, 2_000, 3, start, Duration.ofDays(2));

    List<CustomerEvent> events = ShopperSimulation.of(settings, CATALOG).stream().toList();

    assertEquals(2_000, events.size());
    assertTrue(events.stream().allMatch(e -> !e.timestamp().isBefore(start) && !e.timestamp().isAfter(settings.end())));
  }

  @Test
  void eventIdsAreUniqueAndNumberedInOrderUnderTheSeed() {
    for (int i = 0; i < EVENTS.size(); i++) {
      assertEquals("sim-7-" + (i + 1), EVENTS.get(i).eventId());
    }
  }

  @Test
  void customerIdsAreNumberedFromOne() {
    Set<String> customers = EVENTS.stream().map(CustomerEvent::customerId).collect(Collectors.toSet());

    assertTrue(customers.size() > 250, "most of the 300 shoppers show up: " + customers.size());
    for (String customer : customers) {
      int number = Integer.parseInt(customer.substring("sim-c-".length()));
      assertTrue(customer.startsWith("sim-c-") && number >= 1 && number <= 300, customer);
    }
  }

  @Test
  void aShoppersSessionsAreSeparatedByIdleGapsLongerThanThirtyMinutes() {
    int sessionChanges = 0;
    for (List<CustomerEvent> events : byCustomer().values()) {
      for (int i = 1; i < events.size(); i++) {
        CustomerEvent previous = events.get(i - 1);
        CustomerEvent event = events.get(i);
        Duration gap = Duration.between(previous.timestamp(), event.timestamp());
        if (event.sessionId().equals(previous.sessionId())) {
          assertTrue(gap.toSeconds() >= 1 && gap.compareTo(SESSION_TIMEOUT) <= 0, gap + " within " + event);
        } else {
          assertTrue(gap.compareTo(SESSION_TIMEOUT) > 0, gap + " before " + event);
          sessionChanges++;
        }
      }
    }
    assertTrue(sessionChanges > 1_000, "shoppers come back: " + sessionChanges);
  }

  @Test
  void aSessionBelongsToOneShopperAndNeverResumes() {
    Map<String, String> ownerOfSession = new HashMap<>();
    for (List<CustomerEvent> events : byCustomer().values()) {
      Set<String> closed = new HashSet<>();
      String current = null;
      for (CustomerEvent event : events) {
        assertNotNull(event.sessionId());
        assertEquals(event.customerId(), ownerOfSession.computeIfAbsent(event.sessionId(), s -> event.customerId()));
        if (!event.sessionId().equals(current)) {
          assertTrue(closed.add(event.sessionId()), "session resumed: " + event);
          current = event.sessionId();
        }
      }
    }
  }

  @Test
  void eventsWithinASessionAreSecondsToMinutesApart() {
    List<Long> steps = new ArrayList<>();
    for (List<CustomerEvent> events : byCustomer().values()) {
      for (int i = 1; i < events.size(); i++) {
        if (events.get(i).sessionId().equals(events.get(i - 1).sessionId())) {
          steps.add(Duration.between(events.get(i - 1).timestamp(), events.get(i).timestamp()).toSeconds());
        }
      }
    }
    double mean = steps.stream().mapToLong(Long::longValue).average().orElseThrow();

    assertTrue(mean > 10 && mean < 120, "mean step " + mean + " s");
  }

  @Test
  void aClickOpensTheItemsPageACartFollowsAViewAndAPurchaseACartOrOpensTheVisit() {
    for (List<CustomerEvent> events : byCustomer().values()) {
      Set<String> doneInSession = new HashSet<>();
      for (int i = 0; i < events.size(); i++) {
        CustomerEvent event = events.get(i);
        boolean opensVisit = i == 0 || !events.get(i - 1).sessionId().equals(event.sessionId());
        if (opensVisit) {
          doneInSession.clear();
        }
        switch (event.type()) {
          case CLICK -> {
            if (i + 1 < events.size() && events.get(i + 1).sessionId().equals(event.sessionId())) {
              CustomerEvent next = events.get(i + 1);
              assertEquals(EventType.VIEW + " " + event.itemId(), next.type() + " " + next.itemId(), "after " + event);
            }
          }
          case ADD_TO_CART -> assertTrue(doneInSession.contains(EventType.VIEW + " " + event.itemId()), "no view before " + event);
          case PURCHASE -> assertTrue(opensVisit || doneInSession.contains(EventType.ADD_TO_CART + " " + event.itemId()),
              "neither carted nor bought without looking: " + event);
          case VIEW -> { }
        }
        doneInSession.add(event.type() + " " + event.itemId());
      }
    }
  }

  @Test
  void cartsAndPurchasesCarryTheCatalogPriceAndAQuantity() {
    int severalUnits = 0;
    for (CustomerEvent event : EVENTS) {
      if (event.type() == EventType.ADD_TO_CART || event.type() == EventType.PURCHASE) {
        assertEquals(ITEMS.get(event.itemId()).price(), event.price(), event.toString());
        assertTrue(event.quantity() >= 1, event.toString());
        severalUnits += event.quantity() > 1 ? 1 : 0;
      } else {
        assertNull(event.price(), event.toString());
        assertEquals(1, event.quantity(), event.toString());
      }
    }
    assertTrue(severalUnits > 0, "some carts hold several units");
  }

  @Test
  void outOfStockItemsAreNeverCarted() {
    assertTrue(EVENTS.stream()
        .filter(e -> e.type() == EventType.ADD_TO_CART || e.type() == EventType.PURCHASE)
        .allMatch(e -> ITEMS.get(e.itemId()).inStock()));
  }

  @Test
  void nobodyBuysTheSameItemTwiceInOneSession() {
    Set<String> bought = new HashSet<>();
    for (CustomerEvent event : EVENTS) {
      if (event.type() == EventType.PURCHASE) {
        assertTrue(bought.add(event.sessionId() + " " + event.itemId()), "bought again: " + event);
      }
    }
  }

  @Test
  void viewsFarOutnumberClicksWhichOutnumberCartsWhichOutnumberPurchases() {
    Map<EventType, Long> counts = new EnumMap<>(EventType.class);
    EVENTS.forEach(e -> counts.merge(e.type(), 1L, Long::sum));

    long views = counts.getOrDefault(EventType.VIEW, 0L);
    long clicks = counts.getOrDefault(EventType.CLICK, 0L);
    long carts = counts.getOrDefault(EventType.ADD_TO_CART, 0L);
    long purchases = counts.getOrDefault(EventType.PURCHASE, 0L);
    assertTrue(views > 3 * clicks && clicks > carts && carts > purchases && purchases > 0, counts.toString());
  }

  @Test
  void shoppersConcentrateOnTheCategoriesTheirTastesFavour() {
    double shareSum = 0;
    int shoppers = 0;
    for (List<CustomerEvent> events : byCustomer().values()) {
      if (events.size() >= 20) {
        Map<String, Long> perCategory = events.stream()
            .collect(Collectors.groupingBy(e -> ITEMS.get(e.itemId()).category(), Collectors.counting()));
        long top = perCategory.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        shareSum += (double) top / events.size();
        shoppers++;
      }
    }
    double meanTopShare = shareSum / shoppers;

    // with no preferences, the top one of 20 categories would hold little more than 5%
    assertTrue(meanTopShare > 0.25, "mean top-category share " + meanTopShare);
  }

  @Test
  void itemsViewedTogetherInASessionMostlyShareAHiddenCluster() {
    ItemClusters clusters = SIMULATION.clusters();
    Map<String, List<String>> viewsBySession = new LinkedHashMap<>();
    Map<Integer, Long> viewsByCluster = new HashMap<>();
    EVENTS.stream().filter(e -> e.type() == EventType.VIEW).forEach(e -> {
      viewsBySession.computeIfAbsent(e.sessionId(), s -> new ArrayList<>()).add(e.itemId());
      viewsByCluster.merge(clusters.clusterOf(e.itemId()), 1L, Long::sum);
    });
    long pairs = 0;
    long sameCluster = 0;
    for (List<String> views : viewsBySession.values()) {
      for (int i = 0; i < views.size(); i++) {
        for (int j = i + 1; j < views.size(); j++) {
          if (!views.get(i).equals(views.get(j))) {
            pairs++;
            sameCluster += clusters.clusterOf(views.get(i)) == clusters.clusterOf(views.get(j)) ? 1 : 0;
          }
        }
      }
    }
    long views = viewsByCluster.values().stream().mapToLong(Long::longValue).sum();
    double chance = viewsByCluster.values().stream().mapToDouble(c -> Math.pow((double) c / views, 2)).sum();
    double observed = (double) sameCluster / pairs;

    assertTrue(observed > 10 * chance, "co-viewed in the same cluster: " + observed + ", by chance: " + chance);
  }

  @Test
  void popularItemsAreViewedMoreOften() {
    Map<String, Long> views = EVENTS.stream()
        .filter(e -> e.type() == EventType.VIEW)
        .collect(Collectors.groupingBy(CustomerEvent::itemId, Collectors.counting()));
    // the demo catalog ranks sku-1..sku-20 first in their categories, sku-981..sku-1000 last
    long topRanked = 0;
    long bottomRanked = 0;
    for (int i = 1; i <= 20; i++) {
      topRanked += views.getOrDefault("sku-" + i, 0L);
      bottomRanked += views.getOrDefault("sku-" + (980 + i), 0L);
    }

    assertTrue(topRanked > 5 * bottomRanked, "top-ranked " + topRanked + ", bottom-ranked " + bottomRanked);
  }

  @Test
  void anyCatalogWorksEvenWithoutPopularityOrKnownCategories() {
    List<CatalogItem> catalog = List.of(
        new CatalogItem("a", "lamps", 10, true, "A", 0),
        new CatalogItem("b", "lamps", 20, true, "B", 0),
        new CatalogItem("c", "bulbs", 0, true, "C", 0));

    List<CustomerEvent> events =
        ShopperSimulation.of(SimulationSettings.of(5, 500, 1), catalog).stream().toList();

    assertEquals(500, events.size());
    assertEquals(Set.of("a", "b", "c"), events.stream().map(CustomerEvent::itemId).collect(Collectors.toSet()));
  }

  @Test
  void anEmptyCatalogOrADuplicateItemIsRefused() {
    CatalogItem item = CATALOG.get(0);

    assertThrows(IllegalArgumentException.class, () -> ShopperSimulation.of(SETTINGS, List.of()));
    IllegalArgumentException duplicate =
        assertThrows(IllegalArgumentException.class, () -> ShopperSimulation.of(SETTINGS, List.of(item, item)));
    assertTrue(duplicate.getMessage().contains(item.itemId()), duplicate.getMessage());
  }

  @Test
  void moreEventsThanOneShopperCanFitIntoThePeriodAreRefusedWithAHint() {
    SimulationSettings settings =
        new SimulationSettings(1, 1_000_000, 1, SimulationSettings.DEFAULT_START, Duration.ofDays(1));

    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ShopperSimulation.of(settings, CATALOG));
    assertTrue(refused.getMessage().contains("add customers or lengthen the period"), refused.getMessage());
  }

  @Test
  void theIteratorSaysWhenItIsDone() {
    Iterator<CustomerEvent> events = ShopperSimulation.of(SimulationSettings.of(1, 1, 1), CATALOG).events();
    events.next();

    assertFalse(events.hasNext());
    assertThrows(NoSuchElementException.class, events::next);
  }

  private static Map<String, List<CustomerEvent>> byCustomer() {
    return EVENTS.stream()
        .collect(Collectors.groupingBy(CustomerEvent::customerId, LinkedHashMap::new, Collectors.toList()));
  }
}
