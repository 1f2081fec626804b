package dev.concierge.models;

import static dev.concierge.models.Fixtures.HALF_LIFE;
import static dev.concierge.models.Fixtures.SESSION_IDLE_TIMEOUT;
import static dev.concierge.models.Fixtures.T0;
import static dev.concierge.models.Fixtures.event;
import static dev.concierge.models.Fixtures.fold;
import static dev.concierge.models.Fixtures.hoursAfterT0;
import static dev.concierge.models.Fixtures.inSession;
import static dev.concierge.models.Fixtures.minutesAfterT0;
import static dev.concierge.models.Fixtures.purchase;
import static dev.concierge.models.Fixtures.recorded;
import static dev.concierge.models.Fixtures.settings;
import static dev.concierge.models.Fixtures.view;
import static dev.concierge.models.Fixtures.vocabulary;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feature function: what {@link FeatureState#apply} remembers, and what its pictures say. */
class FeatureStateTest {

  /** Scores are floats: shares agree with exact arithmetic to about 7 digits. */
  private static final double EPSILON = 1e-6;

  private final FeatureSettings settings = settings();
  private final Vocabulary vocabulary = vocabulary();
  private final FeatureState state = new FeatureState(settings);

  private void apply(CustomerEvent event, String category) {
    state.apply(event, category, vocabulary, settings);
  }

  private CustomerFeatures features() {
    return state.view(vocabulary);
  }

  private double share(String category) {
    return features().categoryAffinity().share(category);
  }

  private int item(String itemId) {
    return state.codeOf(itemId, vocabulary);
  }

  private int category(String category) {
    return vocabulary.categories().codeOf(category);
  }

  // ---------------------------------------------------------------- the empty state

  @Test
  void aFreshStateKnowsNothingAndViewsAsTheEmptyPicture() {
    CustomerFeatures features = features();

    assertEquals(CustomerFeatures.EMPTY, features);
    assertEquals(0, state.eventCount());
    assertEquals(0, state.purchaseCount());
    assertEquals(0, state.sessionEvents());
    assertEquals(0, state.affinityCategoryCount());
    assertEquals(0.0, state.averagePricePaid());
    assertNull(features.lastEventAt());
    assertNull(features.timeSinceLastEvent(T0));
  }

  // ---------------------------------------------------------------- counts, spend, time

  @Test
  void eachEventTypeIsCountedSeparately() {
    apply(view("a", T0), "tents");
    apply(view("b", minutesAfterT0(1)), "tents");
    apply(view("c", minutesAfterT0(2)), "shoes");
    apply(event(EventType.CLICK, "a", minutesAfterT0(3)), "tents");
    apply(event(EventType.CLICK, "b", minutesAfterT0(4)), "tents");
    apply(event(EventType.ADD_TO_CART, "a", minutesAfterT0(5)), "tents");
    apply(purchase("a", minutesAfterT0(6)), "tents");

    assertEquals(new EventCounts(3, 2, 1, 1), features().events());
    assertEquals(7, features().events().total());
    assertEquals(7, state.eventCount());
    assertEquals(1, state.purchaseCount());
  }

  @Test
  void totalSpendIsPriceTimesQuantityOfEveryPricedPurchase() {
    apply(purchase("tent", T0, 120.0, 1), "tents");
    apply(purchase("socks", minutesAfterT0(1), 5.0, 4), "socks");

    CustomerFeatures features = features();
    assertEquals(140.0, features.totalSpend(), 1e-9);
    assertEquals(5, features.unitsPurchased());
    assertEquals(28.0, features.averagePricePaid(), 1e-9, "140 over 5 units");
    assertEquals(28.0, state.averagePricePaid(), 1e-9);
  }

  @Test
  void aPurchaseWithoutAPriceIsCountedButAddsNeitherSpendNorUnits() {
    apply(purchase("gift", T0, null, 3), "toys");
    apply(purchase("tent", minutesAfterT0(1), 100.0, 1), "tents");

    CustomerFeatures features = features();
    assertEquals(2, features.events().purchase());
    assertEquals(100.0, features.totalSpend(), 1e-9);
    assertEquals(1, features.unitsPurchased());
    assertEquals(100.0, features.averagePricePaid(), 1e-9, "the unpriced units do not dilute the average");
  }

  @Test
  void pricesOnEventsOtherThanPurchasesAreNotSpend() {
    apply(event(EventType.VIEW, "tent", T0, 99.0, 1, null), "tents");
    apply(event(EventType.CLICK, "tent", minutesAfterT0(1), 99.0, 1, null), "tents");
    apply(event(EventType.ADD_TO_CART, "tent", minutesAfterT0(2), 99.0, 2, null), "tents");

    assertEquals(0.0, features().totalSpend());
    assertEquals(0, features().unitsPurchased());
    assertEquals(0.0, features().averagePricePaid(), "no priced purchase yet");
  }

  @Test
  void lastEventAtFollowsTheNewestEventInOrder() {
    apply(view("a", T0), "tents");
    apply(view("b", hoursAfterT0(1)), "tents");

    assertEquals(hoursAfterT0(1), features().lastEventAt());
    assertEquals(hoursAfterT0(1).toEpochMilli(), state.lastEventAtMillis());
    assertEquals(Duration.ofMinutes(30), features().timeSinceLastEvent(hoursAfterT0(1.5)));
  }

  @Test
  void lastEventAtIsTheNewestTimestampEvenWhenEventsArriveOutOfOrder() {
    apply(view("a", hoursAfterT0(2)), "tents");
    apply(view("b", T0), "tents");
    apply(view("c", hoursAfterT0(1)), "shoes");

    assertEquals(hoursAfterT0(2), features().lastEventAt());
    assertEquals(3, features().events().view(), "late events are still counted");
  }

  // ---------------------------------------------------------------- item lists

  @Test
  void recentItemsAreDistinctAndMostRecentFirstWhateverTheEventType() {
    apply(view("a", T0), "tents");
    apply(view("b", minutesAfterT0(1)), "tents");
    apply(event(EventType.CLICK, "a", minutesAfterT0(2)), "tents");
    apply(view("c", minutesAfterT0(3)), "shoes");
    apply(view("c", minutesAfterT0(4)), "shoes");

    assertEquals(List.of("c", "a", "b"), features().recent().items());
  }

  @Test
  void eachEventTypeKeepsItsOwnListOfItems() {
    apply(view("v1", T0), "tents");
    apply(event(EventType.CLICK, "c1", minutesAfterT0(1)), "tents");
    apply(view("v2", minutesAfterT0(2)), "tents");
    apply(event(EventType.ADD_TO_CART, "a1", minutesAfterT0(3)), "tents");
    apply(purchase("a1", minutesAfterT0(4)), "tents");
    apply(view("v1", minutesAfterT0(5)), "tents");

    CustomerFeatures features = features();
    assertEquals(List.of("v1", "v2"), features.viewed().items());
    assertEquals(List.of("c1"), features.clicked().items());
    assertEquals(List.of("a1"), features.carted().items());
    assertEquals(List.of("a1"), features.purchased().items());
    assertEquals(List.of("v1", "a1", "v2", "c1"), features.recent().items());
    assertTrue(state.hasViewed(item("v2")));
    assertFalse(state.hasViewed(item("c1")), "a click is not a view");
    assertTrue(state.hasCarted(item("a1")));
    assertFalse(state.hasCarted(item("v1")));
  }

  @Test
  void itemListsAreBoundedByTheRecentItemsLimitAndForgetTheOldest() {
    for (int i = 1; i <= 8; i++) {
      Instant at = minutesAfterT0(i);
      apply(view("v" + i, at), "tents");
      apply(event(EventType.CLICK, "c" + i, at), "tents");
      apply(event(EventType.ADD_TO_CART, "a" + i, at), "tents");
    }

    CustomerFeatures features = features();
    assertEquals(List.of("v8", "v7", "v6", "v5", "v4"), features.viewed().items());
    assertEquals(List.of("c8", "c7", "c6", "c5", "c4"), features.clicked().items());
    assertEquals(List.of("a8", "a7", "a6", "a5", "a4"), features.carted().items());
    assertEquals(List.of("a8", "c8", "v8", "a7", "c7"), features.recent().items());
    assertEquals(Fixtures.RECENT_ITEMS_LIMIT, state.recentItemCodes().length);
    assertFalse(state.hasViewed(item("v3")), "the oldest views are forgotten");
  }

  @Test
  void anItemSeenAgainMovesToTheFrontWithoutPushingAnotherOut() {
    for (int i = 1; i <= 5; i++) {
      apply(view("sku-" + i, minutesAfterT0(i)), "tents");
    }

    apply(view("sku-2", minutesAfterT0(6)), "tents");

    assertEquals(List.of("sku-2", "sku-5", "sku-4", "sku-3", "sku-1"), features().viewed().items());
    assertEquals(List.of("sku-2", "sku-5", "sku-4", "sku-3", "sku-1"), features().recent().items());
  }

  @Test
  void purchasesGoToPurchasedItemsAndHasPurchased() {
    apply(view("looked-at", T0), "tents");
    apply(event(EventType.ADD_TO_CART, "in-cart", minutesAfterT0(1)), "tents");
    apply(purchase("bought", minutesAfterT0(2)), "tents");

    assertEquals(List.of("bought"), features().purchased().items());
    assertTrue(state.hasPurchased(item("bought")));
    assertFalse(state.hasPurchased(item("looked-at")), "a view is not a purchase");
    assertFalse(state.hasPurchased(item("in-cart")), "adding to the cart is not a purchase");
    assertFalse(state.hasPurchased(Interner.UNKNOWN), "an item the vocabulary never saw was never bought");
    assertEquals(List.of("bought", "in-cart", "looked-at"), features().recent().items());
  }

  @Test
  void purchasedItemsAreBoundedByThePurchasedItemsLimit() {
    for (int i = 1; i <= 12; i++) {
      apply(purchase("sku-" + i, minutesAfterT0(i)), "tents");
    }

    List<String> purchased = features().purchased().items();
    assertEquals(Fixtures.PURCHASED_ITEMS_LIMIT, purchased.size());
    assertEquals("sku-12", purchased.get(0));
    assertTrue(state.hasPurchased(item("sku-3")));
    assertFalse(state.hasPurchased(item("sku-2")), "the oldest purchases are forgotten");
    assertFalse(state.hasPurchased(item("sku-1")));
    assertEquals(Fixtures.RECENT_ITEMS_LIMIT, features().recent().items().size(), "recent has its own limit");
  }

  @Test
  void purchasedCategoriesAreDistinctMostRecentFirstAndAnswerHasPurchasedIn() {
    apply(purchase("t1", T0), "tents");
    apply(view("s1", minutesAfterT0(1)), "shoes");
    apply(purchase("k1", minutesAfterT0(2)), "socks");
    apply(purchase("t2", minutesAfterT0(3)), "tents");

    assertEquals(List.of("tents", "socks"), features().purchasedCategories());
    assertTrue(state.hasPurchasedIn(category("tents")));
    assertTrue(state.hasPurchasedIn(category("socks")));
    assertFalse(state.hasPurchasedIn(category("shoes")), "viewing a category is not buying in it");
    assertFalse(state.hasPurchasedIn(Interner.UNKNOWN));
  }

  @Test
  void purchasedCategoriesAreBoundedAndForgetTheOldest() {
    List<String> categories = List.of("c1", "c2", "c3", "c4", "c5", "c6");
    for (int i = 0; i < categories.size(); i++) {
      apply(purchase("sku-" + i, minutesAfterT0(i)), categories.get(i));
    }

    // the implementation bounds bought-in categories by affinity-categories-limit
    assertEquals(List.of("c6", "c5", "c4", "c3"), features().purchasedCategories());
    assertFalse(state.hasPurchasedIn(category("c1")));
  }

  @Test
  void aPurchaseOfAnItemWithoutCategoryRecordsNoPurchasedCategory() {
    apply(purchase("mystery", T0), null);

    assertTrue(features().purchasedCategories().isEmpty());
    assertTrue(state.hasPurchased(item("mystery")), "an uncategorised item can still be bought");
  }

  // ---------------------------------------------------------------- category affinity

  @Test
  void aSingleInteractionOwnsTheWholeShare() {
    apply(view("t", T0), "tents");

    assertEquals(1.0, share("tents"), EPSILON);
    assertEquals(1.0, state.affinityFor(category("tents")), EPSILON);
    assertEquals(0.0, share("shoes"));
    assertEquals(0.0, state.affinityFor(Interner.UNKNOWN), "an unseen category has no share");
    assertEquals(T0, features().categoryAffinity().asOf());
  }

  @Test
  void sharesSumToOneAndEachLiesInZeroToOne() {
    apply(view("t", T0), "tents");
    apply(purchase("s", hoursAfterT0(0.5)), "shoes");
    apply(event(EventType.CLICK, "k", hoursAfterT0(3)), "socks");
    apply(view("t", hoursAfterT0(2)), "tents");
    apply(event(EventType.ADD_TO_CART, "o", hoursAfterT0(1.25)), "stoves");

    Map<String, Double> shares = features().categoryAffinity().shares();
    assertEquals(Set.of("tents", "shoes", "socks", "stoves"), shares.keySet());
    assertEquals(1.0, shares.values().stream().mapToDouble(Double::doubleValue).sum(), EPSILON);
    shares.forEach(
        (category, share) -> {
          assertTrue(share >= 0 && share <= 1, category + " share out of [0, 1]: " + share);
          assertEquals(share, state.affinityFor(category(category)), EPSILON, category);
        });
  }

  @Test
  void equalInteractionsAtTheSameInstantShareEqually() {
    apply(view("t", T0), "tents");
    apply(view("s", T0), "shoes");

    assertEquals(0.5, share("tents"), EPSILON);
    assertEquals(0.5, share("shoes"), EPSILON);
  }

  @Test
  void aViewMovesAffinityTowardTheItemsCategory() {
    apply(view("t", T0), "tents");
    apply(view("s", T0), "shoes");
    double tentsBefore = share("tents");

    apply(view("t2", T0), "tents");

    assertTrue(share("tents") > tentsBefore);
    assertEquals(2.0 / 3, share("tents"), EPSILON);
    assertEquals(1.0 / 3, share("shoes"), EPSILON);
  }

  @Test
  void anInteractionOneHalfLifeOlderCountsHalf() {
    apply(view("a", T0), "A");
    apply(view("b", T0.plus(HALF_LIFE)), "B");

    assertEquals(1.0 / 3, share("A"), EPSILON);
    assertEquals(2.0 / 3, share("B"), EPSILON);
  }

  @Test
  void anInteractionTwoHalfLivesOlderCountsAQuarter() {
    apply(view("a", T0), "A");
    apply(view("b", T0.plus(HALF_LIFE.multipliedBy(2))), "B");

    assertEquals(1.0 / 5, share("A"), EPSILON);
    assertEquals(4.0 / 5, share("B"), EPSILON);
  }

  @Test
  void decayUsesTheConfiguredHalfLife() {
    FeatureSettings oneDay =
        new FeatureSettings(Duration.ofDays(1), 5, 10, Fixtures.weights(), SESSION_IDLE_TIMEOUT, 4, 3);
    FeatureState daily = new FeatureState(oneDay);

    daily.apply(view("a", T0), "A", vocabulary, oneDay);
    daily.apply(view("b", T0.plus(Duration.ofDays(1))), "B", vocabulary, oneDay);

    assertEquals(1.0 / 3, daily.affinityFor(category("A")), EPSILON);
    assertEquals(2.0 / 3, daily.affinityFor(category("B")), EPSILON);
  }

  @Test
  void affinityIsAsOfTheNewestEventFoldedIn() {
    apply(view("a", hoursAfterT0(2)), "A");
    apply(view("b", T0), "B");
    apply(view("c", hoursAfterT0(1)), "C");

    assertEquals(hoursAfterT0(2), features().categoryAffinity().asOf());
  }

  @Test
  void aLateEventIsWeightedAsIfItHadArrivedInOrder() {
    apply(view("b", T0.plus(HALF_LIFE)), "B");
    apply(view("a", T0), "A");

    assertEquals(1.0 / 3, share("A"), EPSILON);
    assertEquals(2.0 / 3, share("B"), EPSILON);
    assertEquals(T0.plus(HALF_LIFE), features().categoryAffinity().asOf());
  }

  @Test
  void theArrivalOrderDoesNotChangeTheShares() {
    Random random = new Random(11);
    // as many categories as the affinity keeps, so that no category is ever forgotten
    String[] categories = {"tents", "shoes", "socks", "stoves"};
    EventType[] types = EventType.interactions().toArray(new EventType[0]);
    List<EventRecorded> chronological = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      chronological.add(
          recorded(
              event(types[random.nextInt(types.length)], "sku-" + i, hoursAfterT0(random.nextDouble() * 8)),
              categories[random.nextInt(categories.length)]));
    }
    chronological.sort(Comparator.comparing(r -> r.event().timestamp()));
    CategoryAffinity inOrder = fold(chronological, vocabulary).view(vocabulary).categoryAffinity();

    for (int shuffle = 0; shuffle < 5; shuffle++) {
      List<EventRecorded> arrival = new ArrayList<>(chronological);
      Collections.shuffle(arrival, new Random(shuffle));

      CategoryAffinity outOfOrder = fold(arrival, vocabulary).view(vocabulary).categoryAffinity();

      assertEquals(inOrder.asOf(), outOfOrder.asOf());
      assertEquals(inOrder.scores().keySet(), outOfOrder.scores().keySet());
      for (String category : categories) {
        assertEquals(inOrder.share(category), outOfOrder.share(category), EPSILON, category);
      }
    }
  }

  @Test
  void everyEventTypeCarriesItsOwnWeight() {
    apply(event(EventType.VIEW, "v", T0), "v");
    apply(event(EventType.CLICK, "c", T0), "c");
    apply(event(EventType.ADD_TO_CART, "a", T0), "a");
    apply(event(EventType.PURCHASE, "p", T0), "p");

    assertEquals(1.0 / 15, share("v"), EPSILON);
    assertEquals(2.0 / 15, share("c"), EPSILON);
    assertEquals(4.0 / 15, share("a"), EPSILON);
    assertEquals(8.0 / 15, share("p"), EPSILON);
  }

  @Test
  void aPurchaseOutweighsAView() {
    apply(view("v", T0), "viewed");
    apply(purchase("b", T0), "bought");

    assertEquals(8.0 / 9, share("bought"), EPSILON);
  }

  @Test
  void aPurchaseAHalfLifeOlderStillOutweighsARecentView() {
    apply(purchase("b", T0), "bought");
    apply(view("v", T0.plus(HALF_LIFE)), "viewed");

    assertEquals(4.0 / 5, share("bought"), EPSILON);
  }

  @Test
  void changingTheTypeWeightsChangesTheShares() {
    Map<EventType, Double> weights = Fixtures.weights();
    weights.put(EventType.VIEW, 8.0);
    FeatureSettings viewsCountLikePurchases = settings(weights);
    FeatureState other = new FeatureState(viewsCountLikePurchases);

    other.apply(view("v", T0), "viewed", vocabulary, viewsCountLikePurchases);
    other.apply(purchase("b", T0), "bought", vocabulary, viewsCountLikePurchases);

    assertEquals(0.5, other.affinityFor(category("viewed")), EPSILON);
  }

  @Test
  void anEventTypeWithZeroWeightChangesCountsButNotAffinity() {
    Map<EventType, Double> weights = Fixtures.weights();
    weights.put(EventType.VIEW, 0.0);
    FeatureSettings viewsDoNotCount = settings(weights);
    FeatureState other = new FeatureState(viewsDoNotCount);

    other.apply(event(EventType.CLICK, "t", T0), "tents", vocabulary, viewsDoNotCount);
    other.apply(view("s", minutesAfterT0(10)), "shoes", vocabulary, viewsDoNotCount);

    CustomerFeatures features = other.view(vocabulary);
    assertEquals(Map.of("tents", 1.0), features.categoryAffinity().shares());
    assertEquals(T0, features.categoryAffinity().asOf(), "a weightless event does not move the affinity clock");
    assertEquals(1, features.events().view());
    assertEquals(List.of("s"), features.viewed().items());
    assertEquals(List.of("shoes", "tents"), features.session().categories(), "it still shows in the session");
  }

  @Test
  void anUnknownCategoryChangesCountsButNotAffinity() {
    apply(view("t", T0), "tents");
    CategoryAffinity before = features().categoryAffinity();

    apply(purchase("mystery", hoursAfterT0(0.25)), null);

    CustomerFeatures after = features();
    assertEquals(new EventCounts(1, 0, 0, 1), after.events());
    assertEquals(before, after.categoryAffinity());
    assertEquals(1.0, share("tents"), EPSILON);
    assertEquals(hoursAfterT0(0.25), after.lastEventAt());
    assertEquals(List.of("mystery", "t"), after.recent().items());
    assertEquals(2, after.session().events());
    assertEquals(List.of("tents"), after.session().categories());
  }

  @Test
  void theAffinityKeepsAtMostTheLimitAndForgetsTheWeakestCategory() {
    apply(purchase("p", T0), "bought");
    apply(event(EventType.ADD_TO_CART, "a", T0), "carted");
    apply(event(EventType.CLICK, "c", T0), "clicked");
    apply(view("v", T0), "viewed");

    apply(view("n", hoursAfterT0(1)), "newcomer");

    // one half-life on: bought 4, carted 2, clicked 1, viewed 0.5 (forgotten), newcomer 1
    Map<String, Double> shares = features().categoryAffinity().shares();
    assertEquals(List.of("bought", "carted", "clicked", "newcomer"), List.copyOf(shares.keySet()));
    assertEquals(Fixtures.AFFINITY_CATEGORIES_LIMIT, state.affinityCategoryCount());
    assertEquals(4.0 / 8, shares.get("bought"), EPSILON);
    assertEquals(1.0 / 8, shares.get("newcomer"), EPSILON);
    assertEquals(0.0, share("viewed"));
  }

  @Test
  void aForgottenCategoryThatComesBackStartsFromScratch() {
    apply(purchase("p", T0), "A");
    apply(purchase("p", T0), "B");
    apply(purchase("p", T0), "C");
    apply(view("v", T0), "D");
    apply(event(EventType.CLICK, "e", T0), "E"); // forgets D (1)

    apply(event(EventType.CLICK, "v", T0), "D"); // D is back with 2 only, and E, now the weakest, goes

    Map<String, Double> scores = features().categoryAffinity().scores();
    assertEquals(Set.of("A", "B", "C", "D"), scores.keySet());
    assertEquals(2.0, scores.get("D"), EPSILON, "the forgotten view is not remembered");
  }

  @Test
  void whenTheWeakestAreTiedTheAffinityForgetsTheLastByName() {
    apply(view("1", T0), "delta");
    apply(view("2", T0), "alpha");
    apply(view("3", T0), "charlie");
    apply(view("4", T0), "bravo");

    apply(view("5", T0), "echo");

    assertEquals(
        List.of("alpha", "bravo", "charlie", "echo"),
        List.copyOf(features().categoryAffinity().shares().keySet()),
        "all tied at 1: delta, last by name, is forgotten; ties are then listed by name");
  }

  // ---------------------------------------------------------------- sessions

  @Test
  void theFirstEventStartsASession() {
    apply(view("t", T0), "tents");

    SessionFeatures session = features().session();
    assertEquals(T0, session.startedAt());
    assertEquals(1, session.events());
    assertEquals(List.of("tents"), session.categories());
    assertEquals(0, session.key(), "the event carried no session id");
    assertTrue(state.inSession(category("tents")));
  }

  @Test
  void eventsWithinTheIdleTimeoutAccumulateInOneSession() {
    for (int i = 0; i < 6; i++) {
      apply(view("sku-" + i, minutesAfterT0(i * 29)), i % 2 == 0 ? "tents" : "shoes");
    }

    SessionFeatures session = features().session();
    assertEquals(T0, session.startedAt(), "145 minutes, but never 30 idle");
    assertEquals(6, session.events());
    assertEquals(6, state.sessionEvents());
    assertEquals(List.of("shoes", "tents"), session.categories());
  }

  @Test
  void aGapOfExactlyTheIdleTimeoutKeepsTheSession() {
    apply(view("a", T0), "tents");
    apply(view("b", T0.plus(SESSION_IDLE_TIMEOUT)), "shoes");

    assertEquals(T0, features().session().startedAt());
    assertEquals(2, features().session().events());
  }

  @Test
  void aGapLongerThanTheIdleTimeoutStartsANewSession() {
    apply(view("a", T0), "tents");
    apply(view("b", minutesAfterT0(10)), "shoes");
    Instant back = T0.plus(Duration.ofMinutes(10)).plus(SESSION_IDLE_TIMEOUT).plusMillis(1);

    apply(view("c", back), "socks");

    SessionFeatures session = features().session();
    assertEquals(back, session.startedAt());
    assertEquals(1, session.events(), "the event count starts again");
    assertEquals(List.of("socks"), session.categories(), "the categories start again");
    assertFalse(state.inSession(category("tents")));
    assertEquals(3, features().events().total(), "lifetime counts are kept");
    assertEquals(List.of("c", "b", "a"), features().recent().items(), "recent items outlive the session");
  }

  @Test
  void aDifferentSessionIdStartsANewSessionEvenWithinTheTimeout() {
    apply(inSession("web-1", EventType.VIEW, "a", T0), "tents");
    apply(inSession("web-1", EventType.VIEW, "b", minutesAfterT0(1)), "shoes");

    apply(inSession("app-7", EventType.VIEW, "c", minutesAfterT0(2)), "socks");

    SessionFeatures session = features().session();
    assertEquals(minutesAfterT0(2), session.startedAt());
    assertEquals(1, session.events());
    assertEquals(List.of("socks"), session.categories());
    assertNotEquals(0, session.key());
  }

  @Test
  void theSameSessionIdAndEventsWithoutOneContinueTheSession() {
    apply(inSession("web-1", EventType.VIEW, "a", T0), "tents");
    apply(view("b", minutesAfterT0(1)), "shoes");
    apply(inSession("web-1", EventType.CLICK, "a", minutesAfterT0(2)), "tents");

    SessionFeatures session = features().session();
    assertEquals(T0, session.startedAt());
    assertEquals(3, session.events());
    assertEquals(List.of("tents", "shoes"), session.categories());
  }

  @Test
  void theSameSessionIdAfterTheIdleTimeoutStillStartsANewSession() {
    apply(inSession("web-1", EventType.VIEW, "a", T0), "tents");

    apply(inSession("web-1", EventType.VIEW, "b", hoursAfterT0(2)), "shoes");

    assertEquals(hoursAfterT0(2), features().session().startedAt());
    assertEquals(1, features().session().events());
  }

  @Test
  void aLateEventJoinsTheCurrentSession() {
    apply(view("a", hoursAfterT0(2)), "tents");

    apply(view("b", T0), "shoes");

    SessionFeatures session = features().session();
    assertEquals(hoursAfterT0(2), session.startedAt());
    assertEquals(2, session.events());
  }

  @Test
  void sessionCategoriesAreDistinctMostRecentFirstAndBounded() {
    apply(view("1", minutesAfterT0(1)), "tents");
    apply(view("2", minutesAfterT0(2)), "shoes");
    apply(view("3", minutesAfterT0(3)), "tents");
    apply(view("4", minutesAfterT0(4)), null);
    apply(view("5", minutesAfterT0(5)), "socks");
    apply(view("6", minutesAfterT0(6)), "stoves");

    SessionFeatures session = features().session();
    assertEquals(List.of("stoves", "socks", "tents"), session.categories());
    assertEquals(Fixtures.SESSION_CATEGORIES_LIMIT, session.categories().size());
    assertEquals(6, session.events(), "an uncategorised event still counts toward the session");
    assertFalse(state.inSession(category("shoes")), "the oldest session category is forgotten");
  }

  // ---------------------------------------------------------------- a vocabulary at capacity

  @Test
  void anItemBeyondTheVocabularyCapacityGetsACodeOfTheCustomersOwnAndStaysInTheLists() {
    Vocabulary small = new Vocabulary(2, 100);
    FeatureState limited = new FeatureState(settings);

    limited.apply(view("a", T0), "tents", small, settings);
    limited.apply(view("b", T0), "tents", small, settings);
    limited.apply(purchase("c", T0, 30.0, 1), "shoes", small, settings);

    CustomerFeatures features = limited.view(small);
    assertEquals(new EventCounts(2, 0, 0, 1), features.events());
    assertEquals(List.of("c", "b", "a"), features.recent().items(), "as a replay with room for every item has it");
    assertEquals(List.of("c"), features.purchased().items());
    assertTrue(new ShopperView(limited, small).hasPurchased("c"));
    assertEquals(30.0, features.totalSpend(), 1e-9);
    assertEquals(List.of("shoes"), features.purchasedCategories());
    assertEquals(8.0 / 10, features.categoryAffinity().share("shoes"), EPSILON);
    assertEquals(Interner.UNKNOWN, small.items().codeOf("c"), "the full vocabulary learnt nothing");
  }

  @Test
  void aCategoryBeyondTheVocabularyCapacityIsTreatedAsUnknown() {
    Vocabulary small = new Vocabulary(100, 1);
    FeatureState limited = new FeatureState(settings);

    limited.apply(view("a", T0), "tents", small, settings);
    limited.apply(purchase("b", minutesAfterT0(1)), "shoes", small, settings);

    CustomerFeatures features = limited.view(small);
    assertEquals(Map.of("tents", 1.0), features.categoryAffinity().shares());
    assertTrue(features.purchasedCategories().isEmpty());
    assertEquals(List.of("tents"), features.session().categories());
    assertEquals(2, features.events().total());
    assertEquals(List.of("b"), features.purchased().items());
  }

  // ---------------------------------------------------------------- determinism and replay

  @Test
  void foldingTheSameEventsTwiceGivesEqualPictures() {
    List<EventRecorded> events = randomHistory(new Random(42), 300);

    CustomerFeatures live = fold(events, vocabulary).view(vocabulary);
    CustomerFeatures replayed = fold(events, vocabulary).view(vocabulary);

    assertEquals(live, replayed);
  }

  @Test
  void twoVocabulariesWithDifferentCodesGiveEqualPictures() {
    List<EventRecorded> events = randomHistory(new Random(7), 400);
    Vocabulary live = vocabulary();
    Vocabulary replay = vocabulary();
    // the replay learnt other names first and in another order, so every code differs
    for (int i = 0; i < 50; i++) {
      replay.items().intern("unrelated-" + i);
    }
    for (int i = 29; i >= 0; i--) {
      replay.items().intern("sku-" + i);
    }
    List.of("zz", "maps", "hats", "stoves", "socks", "shoes", "tents").forEach(replay.categories()::intern);

    FeatureState liveState = fold(events, live);
    FeatureState replayState = fold(events, replay);

    assertNotEquals(live.items().codeOf("sku-0"), replay.items().codeOf("sku-0"));
    assertNotEquals(live.categories().codeOf("tents"), replay.categories().codeOf("tents"));
    CustomerFeatures expected = liveState.view(live);
    assertEquals(expected, replayState.view(replay));
    assertEquals(
        Fixtures.AFFINITY_CATEGORIES_LIMIT,
        expected.categoryAffinity().scores().size(),
        "the history has more categories than the affinity keeps, so forgetting was exercised");
    assertEquals(
        toList(new ShopperView(liveState, live).topCategories()),
        toList(new ShopperView(replayState, replay).topCategories()));
  }

  @Test
  void tiesInForgettingDoNotDependOnTheOrderCategoriesWereInterned() {
    List<EventRecorded> events = new ArrayList<>();
    for (String category : List.of("delta", "alpha", "charlie", "bravo", "echo", "foxtrot")) {
      events.add(recorded(view("sku-" + category, T0), category));
    }
    Vocabulary forwards = vocabulary();
    Vocabulary backwards = vocabulary();
    List.of("foxtrot", "echo", "delta", "charlie", "bravo", "alpha").forEach(backwards.categories()::intern);

    CustomerFeatures one = fold(events, forwards).view(forwards);
    CustomerFeatures other = fold(events, backwards).view(backwards);

    assertEquals(one, other);
    assertEquals(Set.of("alpha", "bravo", "charlie", "foxtrot"), one.categoryAffinity().scores().keySet());
  }

  @Test
  void settingsBuiltFromTheSameConfigurationGiveTheSameFeatures() {
    List<EventRecorded> events = randomHistory(new Random(5), 200);

    FeatureState withOne = fold(events, vocabulary);
    FeatureSettings sameConfig = settings();
    FeatureState withAnother = fold(new FeatureState(sameConfig), events, vocabulary, sameConfig);

    assertEquals(withOne.view(vocabulary), withAnother.view(vocabulary));
  }

  @Test
  void aPictureIsACopyThatLaterEventsDoNotChange() {
    apply(view("t", T0), "tents");
    CustomerFeatures before = features();
    CustomerFeatures copy = fold(List.of(recorded(view("t", T0), "tents")), vocabulary).view(vocabulary);

    apply(purchase("s", minutesAfterT0(1), 10.0, 1), "shoes");

    assertEquals(copy, before);
    assertNotEquals(before, features());
  }

  // ---------------------------------------------------------------- recovery from a picture

  @Test
  void theEmptyPictureRecoversToAFreshState() {
    FeatureState recovered = FeatureState.of(CustomerFeatures.EMPTY, vocabulary, settings);

    assertEquals(CustomerFeatures.EMPTY, recovered.view(vocabulary));
    assertEquals(0, recovered.eventCount());
  }

  @Test
  void aPictureRoundTripsThroughTheCompactState() {
    CustomerFeatures picture = fold(randomHistory(new Random(3), 250), vocabulary).view(vocabulary);

    FeatureState recovered = FeatureState.of(picture, vocabulary, settings);

    assertEquals(picture, recovered.view(vocabulary));
  }

  @Test
  void aPictureRoundTripsIntoAnotherVocabulary() {
    CustomerFeatures picture = fold(randomHistory(new Random(4), 250), vocabulary).view(vocabulary);
    Vocabulary elsewhere = vocabulary();
    List.of("zz", "stoves", "hats").forEach(elsewhere.categories()::intern);
    elsewhere.items().intern("sku-29");

    FeatureState recovered = FeatureState.of(picture, elsewhere, settings);

    assertEquals(picture, recovered.view(elsewhere));
    ShopperView shopper = new ShopperView(recovered, elsewhere);
    for (Map.Entry<String, Double> share : picture.categoryAffinity().shares().entrySet()) {
      assertEquals(share.getValue(), shopper.affinityFor(share.getKey()), EPSILON, share.getKey());
    }
    picture.purchased().items().forEach(itemId -> assertTrue(shopper.hasPurchased(itemId), itemId));
  }

  @Test
  void aRecoveredStateContinuesExactlyLikeTheOriginal() {
    List<EventRecorded> events = randomHistory(new Random(9), 300);
    CustomerFeatures straight = fold(events, vocabulary).view(vocabulary);

    CustomerFeatures snapshot = fold(events.subList(0, 120), vocabulary).view(vocabulary);
    Vocabulary restarted = vocabulary();
    FeatureState resumed =
        fold(FeatureState.of(snapshot, restarted, settings), events.subList(120, events.size()), restarted, settings);

    assertEquals(straight, resumed.view(restarted));
  }

  @Test
  void aRecoveredSessionContinuesWithTheSameSessionIdAndEndsWithAnother() {
    apply(inSession("web-1", EventType.VIEW, "a", T0), "tents");
    Vocabulary restarted = vocabulary();
    FeatureState recovered = FeatureState.of(features(), restarted, settings);

    recovered.apply(inSession("web-1", EventType.VIEW, "b", minutesAfterT0(5)), "shoes", restarted, settings);
    assertEquals(T0, recovered.view(restarted).session().startedAt());
    assertEquals(2, recovered.view(restarted).session().events());

    recovered.apply(inSession("web-2", EventType.VIEW, "c", minutesAfterT0(6)), "socks", restarted, settings);
    assertEquals(minutesAfterT0(6), recovered.view(restarted).session().startedAt());
  }

  @Test
  void recoveringWithSmallerLimitsKeepsTheNewestItemsAndTheStrongestCategories() {
    for (int i = 1; i <= 5; i++) {
      apply(purchase("sku-" + i, minutesAfterT0(i)), "c" + i);
    }
    CustomerFeatures picture = features();
    FeatureSettings smaller =
        new FeatureSettings(HALF_LIFE, 2, 3, Fixtures.weights(), SESSION_IDLE_TIMEOUT, 2, 1);

    CustomerFeatures recovered = FeatureState.of(picture, vocabulary, smaller).view(vocabulary);

    assertEquals(List.of("sku-5", "sku-4"), recovered.recent().items());
    assertEquals(List.of("sku-5", "sku-4", "sku-3"), recovered.purchased().items());
    assertEquals(Set.of("c5", "c4"), recovered.categoryAffinity().scores().keySet());
    assertEquals(List.of("c5"), recovered.session().categories());
    assertEquals(picture.events(), recovered.events());
  }

  /**
   * BUG (FeatureState.of, the affinity loop): {@code vocabulary.categories().intern(name)} is stored
   * without checking for {@link Interner#UNKNOWN}, unlike {@code fill} for the lists. When a snapshot
   * is recovered on a node whose category vocabulary is full, the slot holds code -1, and {@code view}
   * then calls {@code nameOf(-1)}: ArrayIndexOutOfBoundsException.
   */
  @Test
  void recoveringIntoAFullCategoryVocabularyLeavesOutTheCategoriesItCannotName() {
    apply(view("t", T0), "tents");
    apply(view("s", T0), "shoes");
    CustomerFeatures picture = features();
    Vocabulary full = new Vocabulary(100, 1);
    full.categories().intern("tents");

    FeatureState recovered = FeatureState.of(picture, full, settings);

    CustomerFeatures seen = assertDoesNotThrow(() -> recovered.view(full));
    assertEquals(Set.of("tents"), seen.categoryAffinity().scores().keySet());
    assertEquals(1.0, recovered.affinityFor(full.categories().codeOf("tents")), EPSILON);
    assertEquals(0.0, recovered.affinityFor(Interner.UNKNOWN), "no unnamed category has a share");
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Mixed types, prices and sessions, more categories than the affinity keeps plus unknown ones,
   * timestamps mostly increasing (some equal) with late arrivals and idle gaps.
   */
  private static List<EventRecorded> randomHistory(Random random, int size) {
    String[] categories = {"tents", "shoes", "socks", "stoves", "maps", "hats", null};
    String[] sessions = {"web-1", "web-2", "app-1", null, null};
    EventType[] types = EventType.interactions().toArray(new EventType[0]);
    List<EventRecorded> events = new ArrayList<>();
    double hours = 0;
    for (int i = 0; i < size; i++) {
      int gap = random.nextInt(10);
      hours += gap < 2 ? 0 : gap < 9 ? 0.1 : 1.5;
      double at = random.nextInt(6) == 0 ? hours - random.nextDouble() * 3 : hours;
      EventType type = types[random.nextInt(types.length)];
      Double price = type == EventType.PURCHASE && random.nextBoolean() ? 1.0 + random.nextInt(100) : null;
      CustomerEvent event =
          event(
              type,
              "sku-" + random.nextInt(30),
              hoursAfterT0(at),
              price,
              1 + random.nextInt(3),
              sessions[random.nextInt(sessions.length)]);
      events.add(recorded(event, categories[random.nextInt(categories.length)]));
    }
    return events;
  }

  private static <T> List<T> toList(Iterable<T> iterable) {
    List<T> list = new ArrayList<>();
    iterable.forEach(list::add);
    return list;
  }
}
