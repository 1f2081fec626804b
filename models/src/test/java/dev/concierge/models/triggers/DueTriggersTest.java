package dev.concierge.models.triggers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.StockAwaited;
import dev.concierge.models.TriggerFired;
import dev.concierge.models.TriggerKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DueTriggersTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final long SESSION = T0.toEpochMilli();
  private static final Duration AFTER = Duration.ofMinutes(30);
  private static final Duration INTERVAL = Duration.ofHours(24);
  private static final TriggerRules RULES = new TriggerRules(
      new TriggerRules.CartAbandoned(true, AFTER, Duration.ofHours(24), INTERVAL),
      new TriggerRules.CategoryViewed(true, 3, Duration.ofHours(1)),
      new TriggerRules.BackInStock(true, Duration.ofMinutes(5), Duration.ofHours(1)),
      20);
  private static final Predicate<String> NOTHING_IN_STOCK = item -> false;

  private final TriggerState state = new TriggerState(RULES.maxTracked());

  @Test
  void aCartLeftAloneForTheDelayFiresWithItsItems() {
    record(EventType.ADD_TO_CART, "sku-1", null, 0);
    record(EventType.ADD_TO_CART, "sku-2", null, 1);

    assertEquals(List.of(), due(minutes(1).plus(AFTER).minusMillis(1)));
    assertEquals(
        List.of(new TriggerFired(TriggerKind.CART_ABANDONED, minutes(1).plus(AFTER), null, List.of("sku-1", "sku-2"))),
        due(minutes(1).plus(AFTER)));
  }

  @Test
  void aPurchaseClosesTheCart() {
    record(EventType.ADD_TO_CART, "sku-1", null, 0);
    record(EventType.PURCHASE, "sku-1", null, 5);

    assertEquals(List.of(), due(minutes(60)));
    assertEquals(Optional.empty(), DueTriggers.nextCartCheck(state, RULES));
  }

  @Test
  void anyOtherActivityRestartsTheWait() {
    record(EventType.ADD_TO_CART, "sku-1", null, 0);
    record(EventType.VIEW, "sku-9", null, 20);

    assertEquals(List.of(), due(minutes(31)));
    assertEquals(Optional.of(minutes(20).plus(AFTER)), DueTriggers.nextCartCheck(state, RULES));
  }

  @Test
  void aFiredCartIsNotReportedAgainAndTheNextCartWaitsForTheInterval() {
    record(EventType.ADD_TO_CART, "sku-1", null, 0);
    fire(due(minutes(30)));

    assertEquals(List.of(), due(minutes(45)), "the cart that fired is closed");
    record(EventType.ADD_TO_CART, "sku-2", null, 50);
    assertEquals(List.of(), due(minutes(120)), "within the interval");
    assertEquals(Optional.of(minutes(30).plus(INTERVAL)), DueTriggers.nextCartCheck(state, RULES));
  }

  @Test
  void aCartOlderThanItsExpiryIsNeverReported() {
    record(EventType.ADD_TO_CART, "sku-1", null, 0);

    assertEquals(List.of(), due(T0.plus(Duration.ofHours(25))));
    assertEquals(Optional.of(minutes(30)), DueTriggers.nextCartCheck(state, RULES));
  }

  @Test
  void theThirdViewOfACategoryInOneSessionFiresOnceForThatSession() {
    record(EventType.VIEW, "tent-1", "tents", 0);
    record(EventType.VIEW, "tent-2", "tents", 1);
    assertEquals(List.of(), due(minutes(2)));

    record(EventType.VIEW, "tent-3", "tents", 2);
    List<TriggerFired> fired = due(minutes(3));
    assertEquals(List.of(new TriggerFired(TriggerKind.CATEGORY_VIEWED, minutes(3), "tents", List.of())), fired);

    fire(fired);
    record(EventType.VIEW, "tent-4", "tents", 90);
    assertEquals(List.of(), due(minutes(91)), "reported for this session already");
  }

  @Test
  void viewsInAnEarlierSessionDoNotCount() {
    record(EventType.VIEW, "tent-1", "tents", 0);
    record(EventType.VIEW, "tent-2", "tents", 1);
    state.onEvent(recorded(EventType.VIEW, "tent-3", "tents", 200), minutes(200).toEpochMilli(), SESSION + 1);

    assertEquals(List.of(), due(minutes(201)));
  }

  @Test
  void itemsCartedOutOfStockFireWhenTheCatalogHasThemAgain() {
    record(EventType.ADD_TO_CART, "sku-1", null, 0);
    state.onStockAwaited(new StockAwaited("sku-1"));
    state.onStockAwaited(new StockAwaited("sku-2"));
    record(EventType.PURCHASE, "sku-9", null, 1);

    assertTrue(DueTriggers.checksStock(state, RULES));
    assertEquals(List.of(), DueTriggers.at(state, RULES, minutes(5), NOTHING_IN_STOCK));
    List<TriggerFired> fired = DueTriggers.at(state, RULES, minutes(10), "sku-2"::equals);
    assertEquals(List.of(new TriggerFired(TriggerKind.BACK_IN_STOCK, minutes(10), null, List.of("sku-2"))), fired);

    fire(fired);
    assertTrue(DueTriggers.checksStock(state, RULES), "sku-1 still waits");
    record(EventType.PURCHASE, "sku-1", null, 11);
    assertTrue(!DueTriggers.checksStock(state, RULES), "bought: nothing waits any more");
  }

  @Test
  void theMemoryOfASnapshotRestoresTheSameAnswers() {
    record(EventType.ADD_TO_CART, "sku-1", null, 0);
    record(EventType.VIEW, "tent-1", "tents", 1);
    state.onStockAwaited(new StockAwaited("sku-3"));
    fire(List.of(new TriggerFired(TriggerKind.CATEGORY_VIEWED, minutes(1), "shoes", List.of())));

    TriggerState restored = TriggerState.of(state.memory(), RULES.maxTracked());

    assertEquals(state.memory(), restored.memory());
    assertEquals(DueTriggers.nextCartCheck(state, RULES), DueTriggers.nextCartCheck(restored, RULES));
  }

  /** Whatever the shopper does and whenever the rules are asked, a rule fires at most once per its interval. */
  @Property
  void noRuleFiresTwiceWithinItsInterval(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 3) Integer> actions,
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 240) Integer> gapsInMinutes) {
    TriggerState shopper = new TriggerState(RULES.maxTracked());
    Instant now = T0;
    Instant lastCart = null;
    for (int i = 0; i < actions.size(); i++) {
      now = now.plus(Duration.ofMinutes(i < gapsInMinutes.size() ? gapsInMinutes.get(i) : 1));
      EventType type = EventType.values()[actions.get(i)];
      shopper.onEvent(
          new EventRecorded(CustomerEvent.of("e" + i, "c", type, "sku-" + (i % 3), now), "tents"), now.toEpochMilli(),
          SESSION);
      for (TriggerFired fired : DueTriggers.at(shopper, RULES, now, item -> true)) {
        if (fired.kind() == TriggerKind.CART_ABANDONED) {
          assertTrue(lastCart == null || !now.isBefore(lastCart.plus(INTERVAL)), "fired again at " + now);
          lastCart = now;
        }
        shopper.onFired(fired);
      }
    }
  }

  private void record(EventType type, String item, String category, int minute) {
    state.onEvent(recorded(type, item, category, minute), minutes(minute).toEpochMilli(), SESSION);
  }

  private static EventRecorded recorded(EventType type, String item, String category, int minute) {
    return new EventRecorded(CustomerEvent.of("e-" + minute + item, "c-1", type, item, minutes(minute)), category);
  }

  private List<TriggerFired> due(Instant now) {
    return DueTriggers.at(state, RULES, now, NOTHING_IN_STOCK);
  }

  private void fire(List<TriggerFired> firings) {
    firings.forEach(state::onFired);
  }

  private static Instant minutes(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }
}
