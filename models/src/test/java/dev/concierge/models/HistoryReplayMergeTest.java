package dev.concierge.models;

import static dev.concierge.models.Fixtures.minutesAfterT0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.recommend.HistoryReplay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offline replay applies a merge as the live customer does: at the merge event, the customer absorbs
 * what the other customer replayed to so far, through the same {@link FeatureState#absorb}, and only once.
 */
class HistoryReplayMergeTest {

  private static final Catalog CATALOG = Catalog.of(List.of(
      Fixtures.item("shoe-1", "shoes", 5), Fixtures.item("shoe-2", "shoes", 4), Fixtures.item("tent-1", "tents", 3),
      Fixtures.item("sock-1", "socks", 2)));

  private final FeatureSettings settings = Fixtures.settings();

  @Test
  void aMergeAbsorbsTheOtherCustomersReplayedHistoryAtThatPointAsTheLiveCustomerDoes() {
    List<CustomerEvent> anonymous = List.of(
        event("anon-1", EventType.VIEW, "shoe-1", 1), event("anon-1", EventType.ADD_TO_CART, "shoe-2", 2));
    List<CustomerEvent> knownBefore = List.of(event("c-1", EventType.VIEW, "tent-1", 0));
    CustomerEvent merge = CustomerEvent.merge("m-1", "c-1", "anon-1", minutesAfterT0(3));
    List<CustomerEvent> knownAfter = List.of(event("c-1", EventType.PURCHASE, "sock-1", 4));
    // after the merge, the anonymous id's events stay its own
    CustomerEvent anonymousLater = event("anon-1", EventType.VIEW, "tent-1", 5);
    List<CustomerEvent> history = new ArrayList<>();
    history.add(knownBefore.get(0));
    history.addAll(anonymous);
    history.add(merge);
    history.addAll(knownAfter);
    history.add(anonymousLater);

    HistoryReplay replay = new HistoryReplay(settings, Fixtures.vocabulary(), CATALOG);
    List<CustomerEvent> observed = new ArrayList<>();
    List<CustomerEvent> merges = new ArrayList<>();
    replay.replay(history, Instant.MAX, new HistoryReplay.Observer() {
      @Override
      public void beforeApply(CustomerEvent event, FeatureState state) {
        observed.add(event);
      }

      @Override
      public void merged(CustomerEvent event, FeatureState state) {
        merges.add(event);
      }
    });

    // what the live customer does: its events, then the handed-over features absorbed, then its later events
    Vocabulary vocabulary = Fixtures.vocabulary();
    FeatureState anonymousLive = fold(new FeatureState(settings), anonymous, vocabulary);
    FeatureState knownLive = fold(new FeatureState(settings), knownBefore, vocabulary);
    knownLive.absorb(anonymousLive.view(vocabulary), vocabulary, settings);
    fold(knownLive, knownAfter, vocabulary);
    fold(anonymousLive, List.of(anonymousLater), vocabulary);

    assertEquals(knownLive.view(vocabulary), replay.customers().get("c-1").view(replay.vocabulary()));
    assertEquals(anonymousLive.view(vocabulary), replay.customers().get("anon-1").view(replay.vocabulary()));
    assertTrue(observed.stream().noneMatch(CustomerEvent::isMerge), "a merge is no interaction to observe");
    assertEquals(List.of(merge), merges);
  }

  @Test
  void aMergeRepeatedWithANewIdAbsorbsNothingAndOneFromAnUnknownCustomerChangesNothing() {
    List<CustomerEvent> history = List.of(
        event("anon-1", EventType.VIEW, "shoe-1", 1),
        event("c-1", EventType.VIEW, "tent-1", 2),
        CustomerEvent.merge("m-1", "c-1", "anon-1", minutesAfterT0(3)),
        CustomerEvent.merge("m-2", "c-1", "anon-1", minutesAfterT0(4)),
        CustomerEvent.merge("m-3", "c-1", "anon-never-seen", minutesAfterT0(5)));
    HistoryReplay once = new HistoryReplay(settings, Fixtures.vocabulary(), CATALOG);
    HistoryReplay repeated = new HistoryReplay(settings, Fixtures.vocabulary(), CATALOG);

    once.replay(history.subList(0, 3), Instant.MAX, (event, state) -> { });
    long applied = repeated.replay(history, Instant.MAX, (event, state) -> { });

    assertEquals(5, applied, "merges count as events replayed");
    assertEquals(once.customers().get("c-1").view(once.vocabulary()),
        repeated.customers().get("c-1").view(repeated.vocabulary()));
    assertEquals(2, repeated.customers().get("c-1").eventCount());
  }

  @Test
  void aCycleOfMergesCountsNoEventTwiceBecauseAHistoryThatHoldsAnothersIsNotHandedOver() {
    List<CustomerEvent> history = List.of(
        event("a", EventType.VIEW, "shoe-1", 1),
        event("b", EventType.VIEW, "tent-1", 2),
        CustomerEvent.merge("m-1", "a", "b", minutesAfterT0(3)),
        // b takes a back: a's history now holds b's own view, which b would count twice
        CustomerEvent.merge("m-2", "b", "a", minutesAfterT0(4)),
        // and a chain: c takes a, which holds b's
        CustomerEvent.merge("m-3", "c", "a", minutesAfterT0(5)));
    HistoryReplay replay = new HistoryReplay(settings, Fixtures.vocabulary(), CATALOG);

    replay.replay(history, Instant.MAX, (event, state) -> { });

    assertEquals(2, replay.customers().get("a").eventCount(), "a took b's own history");
    assertEquals(1, replay.customers().get("b").eventCount(), "b's view once, not again through a");
    assertEquals(0, replay.customers().get("c").eventCount(), "a's history holds another's, so it moves nowhere");
  }

  private FeatureState fold(FeatureState state, List<CustomerEvent> events, Vocabulary vocabulary) {
    for (CustomerEvent event : events) {
      state.apply(event, CATALOG.categoryOf(event.itemId()), vocabulary, settings);
    }
    return state;
  }

  private static CustomerEvent event(String customerId, EventType type, String itemId, int minute) {
    return CustomerEvent.of(customerId + "/" + minute, customerId, type, itemId, minutesAfterT0(minute));
  }
}
