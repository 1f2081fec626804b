package dev.concierge.offline.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the shoppers do beyond browsing: clicks and purchases follow their latent tastes and a
 * long-tailed popularity, not merely what they just looked at; some purchases skip looking
 * altogether; consumables come back; and some moves are noise.
 */
class TasteDrivenShoppingTest {

  private static final List<CatalogItem> CATALOG = ShopperSimulationTest.CATALOG;
  private static final Map<String, String> CATEGORY =
      CATALOG.stream().collect(Collectors.toMap(CatalogItem::itemId, CatalogItem::category));
  private static final SimulationSettings SETTINGS = SimulationSettings.of(400, 50_000, 5);
  private static final ShopperSimulation SIMULATION = ShopperSimulation.of(SETTINGS, CATALOG);
  private static final List<CustomerEvent> EVENTS = SIMULATION.stream().toList();
  private static final LatentTastes TASTES = SIMULATION.tastes();

  @Test
  void aShareOfPurchasesHasNoViewOfTheItemInTheSameSession() {
    List<CustomerEvent> purchases = of(EventType.PURCHASE);
    List<CustomerEvent> unseen = purchasesWithoutAView();

    double share = (double) unseen.size() / purchases.size();
    assertTrue(share > 0.15 && share < 0.7, "bought without a view in the session: " + share);
  }

  @Test
  void itemsBoughtWithoutLookingAreOnesTheShopperHasATasteFor() {
    assertFollowsTaste(purchasesWithoutAView(), 0.7);
  }

  @Test
  void aShoppersClicksAndPurchasesFollowTheirLatentTaste() {
    assertFollowsTaste(of(EventType.CLICK), 0.7);
    assertFollowsTaste(of(EventType.PURCHASE), 0.7);
  }

  @Test
  void mostClicksAreOnItemsTheShopperDidNotJustView() {
    Map<String, String> lastViewed = new HashMap<>();
    int clicks = 0;
    int onLastViewed = 0;
    for (CustomerEvent event : EVENTS) {
      if (event.type() == EventType.CLICK) {
        clicks++;
        onLastViewed += event.itemId().equals(lastViewed.get(event.customerId())) ? 1 : 0;
      } else if (event.type() == EventType.VIEW) {
        lastViewed.put(event.customerId(), event.itemId());
      }
    }

    assertTrue(onLastViewed < 0.1 * clicks, onLastViewed + " of " + clicks + " clicks on the item viewed last");
  }

  @Test
  void consumablesAreBoughtAgainAtAboutTheirIntervalAndNothingElseIs() {
    Set<String> consumables = Set.copyOf(SIMULATION.consumableCategories());
    List<Duration> gaps = new ArrayList<>();
    Map<String, CustomerEvent> lastPurchase = new HashMap<>();
    for (CustomerEvent purchase : of(EventType.PURCHASE)) {
      CustomerEvent before = lastPurchase.put(purchase.customerId() + " " + purchase.itemId(), purchase);
      if (before != null) {
        assertTrue(consumables.contains(CATEGORY.get(purchase.itemId())), "a durable bought twice: " + purchase);
        gaps.add(Duration.between(before.timestamp(), purchase.timestamp()));
      }
    }

    assertFalse(consumables.isEmpty());
    assertTrue(gaps.size() > 100, "re-buys: " + gaps.size());
    Duration interval = ShopperBehaviour.DEFAULT.rebuyInterval();
    Duration median = gaps.stream().sorted().toList().get(gaps.size() / 2);
    assertTrue(median.compareTo(interval.dividedBy(2)) > 0 && median.compareTo(interval.multipliedBy(2)) < 0,
        "median gap " + median + " for an interval of " + interval);
  }

  @Test
  void aFewItemsTakeMuchOfTheTrafficAndTheLongTailTheRest() {
    Map<String, Long> views = counts(of(EventType.VIEW));
    List<Long> descending = views.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
    long total = descending.stream().mapToLong(Long::longValue).sum();
    long topTenth = descending.stream().limit(CATALOG.size() / 10).mapToLong(Long::longValue).sum();

    assertTrue(topTenth > 0.3 * total, "the top 10% of items take " + (double) topTenth / total + " of the views");
    assertTrue(views.size() > 0.9 * CATALOG.size(), "items viewed at all: " + views.size());
  }

  @Test
  void noiseSpreadsTheShoppersOverTheWholeCatalog() {
    ShopperSimulation noisy =
        ShopperSimulation.of(SETTINGS, ShopperBehaviour.DEFAULT.withNoiseShare(1), CATALOG);

    double focused = topTenthShare(counts(of(EventType.VIEW)).values());
    double scattered = topTenthShare(
        counts(noisy.stream().filter(e -> e.type() == EventType.VIEW).toList()).values());
    assertTrue(scattered < focused / 2, "top tenth's share of views: " + scattered + " noisy, " + focused + " not");
  }

  @Test
  void theSameSeedGivesTheSameTastesAndAnotherSeedOthers() {
    LatentTastes again = ShopperSimulation.of(SETTINGS, CATALOG).tastes();
    LatentTastes other = ShopperSimulation.of(SimulationSettings.of(400, 50_000, 6), CATALOG).tastes();

    assertEquals(TASTES.utility(3, 17), again.utility(3, 17));
    assertNotEquals(TASTES.utility(3, 17), other.utility(3, 17));
  }

  @Test
  void theTastesHaveTheConfiguredNumberOfFactors() {
    ShopperSimulation simulation =
        ShopperSimulation.of(SimulationSettings.of(5, 10, 1), ShopperBehaviour.DEFAULT.withFactors(3), CATALOG);

    assertEquals(3, simulation.tastes().factors());
    assertEquals(ShopperBehaviour.DEFAULT.factors(), TASTES.factors());
    assertEquals(CATALOG.size(), TASTES.itemCount());
    assertEquals(SETTINGS.customers(), TASTES.shopperCount());
  }

  /**
   * Most of the events' items suit their shopper better than another shopper: the shopper's taste for
   * the item beats the taste of the next shopper by index.
   */
  private static void assertFollowsTaste(List<CustomerEvent> events, double share) {
    int own = 0;
    for (CustomerEvent event : events) {
      int shopper = TASTES.shopperIndex(event.customerId());
      int other = (shopper + 1) % TASTES.shopperCount();
      int item = TASTES.itemIndex(event.itemId());
      own += TASTES.taste(shopper, item) > TASTES.taste(other, item) ? 1 : 0;
    }
    assertTrue(events.size() > 100, "events: " + events.size());
    assertTrue(own > share * events.size(), own + " of " + events.size() + " suit their shopper better");
  }

  private static List<CustomerEvent> purchasesWithoutAView() {
    Set<String> viewed = new HashSet<>();
    List<CustomerEvent> unseen = new ArrayList<>();
    for (CustomerEvent event : EVENTS) {
      String key = event.sessionId() + " " + event.itemId();
      if (event.type() == EventType.VIEW) {
        viewed.add(key);
      } else if (event.type() == EventType.PURCHASE && !viewed.contains(key)) {
        unseen.add(event);
      }
    }
    return unseen;
  }

  private static double topTenthShare(Collection<Long> counts) {
    long total = counts.stream().mapToLong(Long::longValue).sum();
    long top = counts.stream().sorted((a, b) -> Long.compare(b, a)).limit(CATALOG.size() / 10)
        .mapToLong(Long::longValue).sum();
    return (double) top / total;
  }

  private static Map<String, Long> counts(List<CustomerEvent> events) {
    return events.stream().collect(Collectors.groupingBy(CustomerEvent::itemId, LinkedHashMap::new,
        Collectors.counting()));
  }

  private static List<CustomerEvent> of(EventType type) {
    Predicate<CustomerEvent> ofType = e -> e.type() == type;
    return EVENTS.stream().filter(ofType).toList();
  }
}
