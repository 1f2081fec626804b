package dev.concierge.models.triggers;

import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureState;
import dev.concierge.models.StockAwaited;
import dev.concierge.models.TriggerFired;
import dev.concierge.models.TriggerKind;
import dev.concierge.models.TriggerMemory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a customer's delivery triggers know, folded from its journal like its features: the open cart,
 * the current session's category views, the items awaiting stock and when each rule last fired.
 * Mutable, changed only by the event handler; {@link DueTriggers} reads it. Times are epoch millis,
 * {@link FeatureState#NEVER} for none.
 */
public final class TriggerState {

  private static final long NEVER = FeatureState.NEVER;

  private final int maxTracked;
  private long cartActiveAt = NEVER;
  private long sessionStartedAt = NEVER;
  // every customer holds one, triggers on or off: the collections are made when first needed, so that a
  // customer without carts, views or firings (every customer, with triggers off) costs no more memory
  private Set<String> cartItems = Set.of();
  private Map<String, Integer> sessionViews = Map.of();
  private Set<String> reportedCategories = Set.of();
  private Set<String> awaitingStock = Set.of();
  private Map<TriggerKind, Long> lastFired = Map.of();

  public TriggerState(int maxTracked) {
    this.maxTracked = maxTracked;
  }

  /**
   * Folds a recorded event: a cart opens or stays open with new activity, a purchase closes it and ends
   * the wait for the item bought, and a view counts for its category in the session the features are in.
   *
   * @param at               the event's time as the features count it (clamped to the horizon, see
   *                         {@code EventHorizon#countedMillis}), so that a far-future timestamp cannot overflow
   * @param sessionStartedAt the session the features put the event in ({@link FeatureState#sessionStartedAtMillis})
   */
  public void onEvent(EventRecorded recorded, long at, long sessionStartedAt) {
    String item = recorded.event().itemId();
    switch (recorded.event().type()) {
      case ADD_TO_CART -> {
        cartActiveAt = Math.max(cartActiveAt, at);
        cartItems = addBounded(cartItems, item);
      }
      case PURCHASE -> {
        cartActiveAt = NEVER;
        cartItems = Set.of();
        awaitingStock = without(awaitingStock, List.of(item));
      }
      case VIEW, CLICK -> {
        if (cartActiveAt != NEVER) {
          cartActiveAt = Math.max(cartActiveAt, at);
        }
      }
    }
    if (sessionStartedAt != this.sessionStartedAt) {
      this.sessionStartedAt = sessionStartedAt;
      sessionViews = Map.of();
      reportedCategories = Set.of();
    }
    if (recorded.event().type() == EventType.VIEW && recorded.category() != null && maxTracked > 0) {
      if (sessionViews.isEmpty()) {
        sessionViews = new LinkedHashMap<>();
      }
      sessionViews.merge(recorded.category(), 1, Integer::sum);
      dropOldest(sessionViews.keySet());
    }
  }

  public void onStockAwaited(StockAwaited awaited) {
    awaitingStock = addBounded(awaitingStock, awaited.itemId());
  }

  /** A firing reports its subject once: the cart closes, the category is done for the session, the items wait no more. */
  public void onFired(TriggerFired fired) {
    recordFiring(fired.kind(), fired.firedAt().toEpochMilli());
    switch (fired.kind()) {
      case CART_ABANDONED -> {
        cartActiveAt = NEVER;
        cartItems = Set.of();
      }
      case CATEGORY_VIEWED -> reportedCategories = addBounded(reportedCategories, fired.category());
      case BACK_IN_STOCK -> awaitingStock = without(awaitingStock, fired.items());
    }
  }

  long cartActiveAt() {
    return cartActiveAt;
  }

  List<String> cartItems() {
    return List.copyOf(cartItems);
  }

  Map<String, Integer> sessionViews() {
    return sessionViews;
  }

  boolean reported(String category) {
    return reportedCategories.contains(category);
  }

  public boolean awaitsStock() {
    return !awaitingStock.isEmpty();
  }

  Set<String> awaitingStock() {
    return awaitingStock;
  }

  /** When {@code kind} last fired, or {@link FeatureState#NEVER}. */
  long lastFired(TriggerKind kind) {
    return lastFired.getOrDefault(kind, NEVER);
  }

  public TriggerMemory memory() {
    Map<TriggerKind, Instant> fired = new EnumMap<>(TriggerKind.class);
    lastFired.forEach((kind, at) -> fired.put(kind, Instant.ofEpochMilli(at)));
    return new TriggerMemory(
        instant(cartActiveAt), new ArrayList<>(cartItems), instant(sessionStartedAt), sessionViews,
        new ArrayList<>(reportedCategories), new ArrayList<>(awaitingStock), fired);
  }

  public static TriggerState of(TriggerMemory memory, int maxTracked) {
    TriggerState state = new TriggerState(maxTracked);
    state.cartActiveAt = millis(memory.cartActiveAt());
    memory.cartItems().forEach(item -> state.cartItems = state.addBounded(state.cartItems, item));
    state.sessionStartedAt = millis(memory.sessionStartedAt());
    if (!memory.sessionViews().isEmpty()) {
      state.sessionViews = new LinkedHashMap<>(memory.sessionViews());
    }
    memory.reportedCategories().forEach(c -> state.reportedCategories = state.addBounded(state.reportedCategories, c));
    memory.awaitingStock().forEach(item -> state.awaitingStock = state.addBounded(state.awaitingStock, item));
    memory.lastFired().forEach((kind, at) -> state.recordFiring(kind, at.toEpochMilli()));
    return state;
  }

  private void recordFiring(TriggerKind kind, long at) {
    if (lastFired.isEmpty()) {
      lastFired = new EnumMap<>(TriggerKind.class);
    }
    lastFired.put(kind, at);
  }

  /** {@code values} with {@code value} the newest, a mutable set made for it if {@code values} was the empty one. */
  private Set<String> addBounded(Set<String> values, String value) {
    if (maxTracked == 0) {
      return values;
    }
    Set<String> into = values.isEmpty() ? new LinkedHashSet<>() : values;
    into.remove(value);
    into.add(value);
    dropOldest(into);
    return into;
  }

  private static Set<String> without(Set<String> values, List<String> gone) {
    if (!values.isEmpty()) {
      gone.forEach(values::remove);
    }
    return values;
  }

  private void dropOldest(Set<String> values) {
    Iterator<String> oldestFirst = values.iterator();
    while (values.size() > maxTracked && oldestFirst.hasNext()) {
      oldestFirst.next();
      oldestFirst.remove();
    }
  }

  private static Instant instant(long millis) {
    return millis == NEVER ? null : Instant.ofEpochMilli(millis);
  }

  private static long millis(Instant instant) {
    return instant == null ? NEVER : instant.toEpochMilli();
  }
}
