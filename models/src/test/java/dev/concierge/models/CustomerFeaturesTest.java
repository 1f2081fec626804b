package dev.concierge.models;

import static dev.concierge.models.Fixtures.T0;
import static dev.concierge.models.Fixtures.event;
import static dev.concierge.models.Fixtures.hoursAfterT0;
import static dev.concierge.models.Fixtures.purchase;
import static dev.concierge.models.Fixtures.settings;
import static dev.concierge.models.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CustomerFeaturesTest {

  private final FeatureSettings settings = settings();

  private CustomerFeatures fold(CustomerFeatures start, List<EventRecorded> events) {
    CustomerFeatures features = start;
    for (EventRecorded recorded : events) {
      features = features.apply(recorded.event(), recorded.category(), settings);
    }
    return features;
  }

  private CustomerFeatures fold(List<EventRecorded> events) {
    return fold(CustomerFeatures.EMPTY, events);
  }

  private static EventRecorded recorded(CustomerEvent event, String category) {
    return new EventRecorded(event, category);
  }

  @Test
  void emptyFeaturesKnowNothing() {
    CustomerFeatures empty = CustomerFeatures.EMPTY;

    assertEquals(EventCounts.ZERO, empty.events());
    assertNull(empty.lastEventAt());
    assertTrue(empty.recentItems().items().isEmpty());
    assertTrue(empty.purchasedItems().items().isEmpty());
    assertEquals(0, empty.affinityFor("tents"));
    assertFalse(empty.topCategories().iterator().hasNext());
    assertFalse(empty.hasPurchased("sku-1"));
  }

  @Test
  void eachEventTypeIsCountedSeparately() {
    CustomerFeatures features =
        fold(
            List.of(
                recorded(view("a", T0), "tents"),
                recorded(view("b", hoursAfterT0(0.1)), "tents"),
                recorded(view("c", hoursAfterT0(0.2)), "shoes"),
                recorded(event(EventType.CLICK, "a", hoursAfterT0(0.3)), "tents"),
                recorded(event(EventType.CLICK, "b", hoursAfterT0(0.4)), "tents"),
                recorded(event(EventType.ADD_TO_CART, "a", hoursAfterT0(0.5)), "tents"),
                recorded(purchase("a", hoursAfterT0(0.6)), "tents")));

    assertEquals(new EventCounts(3, 2, 1, 1), features.events());
    assertEquals(7, features.events().total());
  }

  @Test
  void lastEventAtFollowsTheNewestEventInOrder() {
    CustomerFeatures features =
        fold(List.of(recorded(view("a", T0), "tents"), recorded(view("b", hoursAfterT0(1)), "tents")));

    assertEquals(hoursAfterT0(1), features.lastEventAt());
  }

  @Test
  void lastEventAtIsTheNewestTimestampEvenWhenEventsArriveOutOfOrder() {
    Instant newest = hoursAfterT0(2);
    CustomerFeatures features =
        fold(
            List.of(
                recorded(view("a", newest), "tents"),
                recorded(view("b", T0), "tents"),
                recorded(view("c", hoursAfterT0(1)), "shoes")));

    assertEquals(newest, features.lastEventAt());
    assertEquals(3, features.events().view(), "late events are still counted");
  }

  @Test
  void recentItemsAreDistinctAndMostRecentFirst() {
    CustomerFeatures features =
        fold(
            List.of(
                recorded(view("a", T0), "tents"),
                recorded(view("b", hoursAfterT0(0.1)), "tents"),
                recorded(event(EventType.CLICK, "a", hoursAfterT0(0.2)), "tents"),
                recorded(view("c", hoursAfterT0(0.3)), "shoes"),
                recorded(view("c", hoursAfterT0(0.4)), "shoes")));

    assertEquals(List.of("c", "a", "b"), features.recentItems().items());
  }

  @Test
  void recentItemsAreBoundedByTheLimitAndForgetTheOldest() {
    List<EventRecorded> events = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      events.add(recorded(view("sku-" + i, hoursAfterT0(i * 0.1)), "tents"));
    }

    CustomerFeatures features = fold(events);

    assertEquals(
        List.of("sku-8", "sku-7", "sku-6", "sku-5", "sku-4"), features.recentItems().items());
    assertEquals(Fixtures.RECENT_ITEMS_LIMIT, features.recentItems().items().size());
  }

  @Test
  void purchasesGoToPurchasedItemsAndHasPurchased() {
    CustomerFeatures features =
        fold(
            List.of(
                recorded(view("looked-at", T0), "tents"),
                recorded(event(EventType.ADD_TO_CART, "in-cart", hoursAfterT0(0.1)), "tents"),
                recorded(purchase("bought", hoursAfterT0(0.2)), "tents")));

    assertEquals(List.of("bought"), features.purchasedItems().items());
    assertTrue(features.hasPurchased("bought"));
    assertFalse(features.hasPurchased("looked-at"), "a view is not a purchase");
    assertFalse(features.hasPurchased("in-cart"), "adding to the cart is not a purchase");
    assertEquals(List.of("bought", "in-cart", "looked-at"), features.recentItems().items());
  }

  @Test
  void purchasedItemsAreBoundedByThePurchasedItemsLimit() {
    List<EventRecorded> events = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      events.add(recorded(purchase("sku-" + i, hoursAfterT0(i * 0.1)), "tents"));
    }

    CustomerFeatures features = fold(events);

    assertEquals(Fixtures.PURCHASED_ITEMS_LIMIT, features.purchasedItems().items().size());
    assertEquals("sku-12", features.purchasedItems().items().get(0));
    assertTrue(features.hasPurchased("sku-3"));
    assertFalse(features.hasPurchased("sku-2"), "the oldest purchases are forgotten");
    assertFalse(features.hasPurchased("sku-1"));
  }

  @Test
  void aViewMovesAffinityTowardTheItemsCategory() {
    CustomerFeatures before =
        fold(List.of(recorded(view("t", T0), "tents"), recorded(view("s", T0), "shoes")));
    assertEquals(0.5, before.affinityFor("tents"), 1e-12);

    CustomerFeatures after = before.apply(view("t2", T0), "tents", settings);

    assertTrue(after.affinityFor("tents") > before.affinityFor("tents"));
    assertTrue(after.affinityFor("shoes") < before.affinityFor("shoes"));
    assertEquals(2.0 / 3, after.affinityFor("tents"), 1e-12);
    assertEquals(List.of("tents", "shoes"), List.copyOf(toList(after.topCategories())));
  }

  @Test
  void affinityOfAnUnseenCategoryIsZero() {
    CustomerFeatures features = fold(List.of(recorded(view("t", T0), "tents")));

    assertEquals(1.0, features.affinityFor("tents"), 1e-12);
    assertEquals(0.0, features.affinityFor("shoes"));
  }

  @Test
  void anUnknownCategoryChangesCountsButNotAffinity() {
    CustomerFeatures known = fold(List.of(recorded(view("t", T0), "tents")));

    CustomerFeatures after = known.apply(purchase("mystery", hoursAfterT0(1)), null, settings);

    assertEquals(new EventCounts(1, 0, 0, 1), after.events());
    assertEquals(known.categoryAffinity(), after.categoryAffinity());
    assertEquals(1.0, after.affinityFor("tents"), 1e-12);
    assertEquals(hoursAfterT0(1), after.lastEventAt());
    assertEquals(List.of("mystery", "t"), after.recentItems().items());
    assertTrue(after.hasPurchased("mystery"), "an unknown item can still be bought");
  }

  @Test
  void anEventTypeWithZeroWeightChangesCountsButNotAffinity() {
    var weights = Fixtures.weights();
    weights.put(EventType.VIEW, 0.0);
    FeatureSettings viewsDoNotCount = new FeatureSettings(Fixtures.HALF_LIFE, 5, 10, weights);

    CustomerFeatures features =
        CustomerFeatures.EMPTY
            .apply(event(EventType.CLICK, "t", T0), "tents", viewsDoNotCount)
            .apply(view("s", T0), "shoes", viewsDoNotCount);

    assertEquals(1.0, features.affinityFor("tents"), 1e-12);
    assertEquals(0.0, features.affinityFor("shoes"));
    assertEquals(1, features.events().view());
  }

  @Test
  void applyDoesNotChangeTheFeaturesItIsCalledOn() {
    CustomerFeatures before = fold(List.of(recorded(view("t", T0), "tents")));
    CustomerFeatures copy =
        new CustomerFeatures(
            before.events(),
            before.lastEventAt(),
            before.categoryAffinity(),
            before.recentItems(),
            before.purchasedItems());

    before.apply(purchase("s", hoursAfterT0(1)), "shoes", settings);

    assertEquals(copy, before);
  }

  @Test
  void applyingTheSameSequenceTwiceFromEmptyGivesEqualResults() {
    List<EventRecorded> events = randomHistory(new Random(42), 300);

    CustomerFeatures live = fold(events);
    CustomerFeatures replayed = fold(events);

    assertEquals(live, replayed);
    assertEquals(live.affinityFor("tents"), replayed.affinityFor("tents"));
    assertEquals(toList(live.topCategories()), toList(replayed.topCategories()));
  }

  @Test
  void settingsBuiltFromTheSameConfigurationGiveTheSameFeatures() {
    List<EventRecorded> events = randomHistory(new Random(7), 200);

    CustomerFeatures withOne = fold(events);
    CustomerFeatures withAnother = CustomerFeatures.EMPTY;
    FeatureSettings sameConfig = settings();
    for (EventRecorded recorded : events) {
      withAnother = withAnother.apply(recorded.event(), recorded.category(), sameConfig);
    }

    assertEquals(withOne, withAnother);
  }

  @Test
  void resumingFromAnIntermediateStateEqualsFoldingEverythingAtOnce() {
    List<EventRecorded> events = randomHistory(new Random(3), 100);

    CustomerFeatures snapshot = fold(events.subList(0, 40));
    CustomerFeatures resumed = fold(snapshot, events.subList(40, events.size()));

    assertEquals(fold(events), resumed);
  }

  /** Mixed types, some unknown categories, timestamps mostly increasing with some late arrivals. */
  private static List<EventRecorded> randomHistory(Random random, int size) {
    String[] categories = {"tents", "shoes", "socks", "stoves", null};
    EventType[] types = EventType.values();
    List<EventRecorded> events = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      double hours = i * 0.25 - (random.nextInt(5) == 0 ? random.nextDouble() * 3 : 0);
      EventType type = types[random.nextInt(types.length)];
      String itemId = "sku-" + random.nextInt(30);
      events.add(recorded(event(type, itemId, hoursAfterT0(hours)), categories[random.nextInt(categories.length)]));
    }
    return events;
  }

  private static <T> List<T> toList(Iterable<T> iterable) {
    List<T> list = new ArrayList<>();
    iterable.forEach(list::add);
    return list;
  }
}
