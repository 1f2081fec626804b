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
  private final Set<String> cartItems = new LinkedHashSet<>();
  private long sessionStartedAt = NEVER;
  private final Map<String, Integer> sessionViews = new LinkedHashMap<>();
  private final Set<String> reportedCategories = new LinkedHashSet<>();
  private final Set<String> awaitingStock = new LinkedHashSet<>();
  private final Map<TriggerKind, Long> lastFired = new EnumMap<>(TriggerKind.class);

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
        addBounded(cartItems, item);
      }
      case PURCHASE -> {
        cartActiveAt = NEVER;
        cartItems.clear();
        awaitingStock.remove(item);
      }
      case VIEW, CLICK -> {
        if (cartActiveAt != NEVER) {
          cartActiveAt = Math.max(cartActiveAt, at);
        }
      }
    }
    if (sessionStartedAt != this.sessionStartedAt) {
      this.sessionStartedAt = sessionStartedAt;
      sessionViews.clear();
      reportedCategories.clear();
    }
    if (recorded.event().type() == EventType.VIEW && recorded.category() != null) {
      sessionViews.merge(recorded.category(), 1, Integer::sum);
      dropOldest(sessionViews.keySet());
    }
  }

  public void onStockAwaited(StockAwaited awaited) {
    addBounded(awaitingStock, awaited.itemId());
  }

  /** A firing reports its subject once: the cart closes, the category is done for the session, the items wait no more. */
  public void onFired(TriggerFired fired) {
    lastFired.put(fired.kind(), fired.firedAt().toEpochMilli());
    switch (fired.kind()) {
      case CART_ABANDONED -> {
        cartActiveAt = NEVER;
        cartItems.clear();
      }
      case CATEGORY_VIEWED -> addBounded(reportedCategories, fired.category());
      case BACK_IN_STOCK -> fired.items().forEach(awaitingStock::remove);
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
    state.cartItems.addAll(memory.cartItems());
    state.sessionStartedAt = millis(memory.sessionStartedAt());
    state.sessionViews.putAll(memory.sessionViews());
    state.reportedCategories.addAll(memory.reportedCategories());
    state.awaitingStock.addAll(memory.awaitingStock());
    memory.lastFired().forEach((kind, at) -> state.lastFired.put(kind, at.toEpochMilli()));
    return state;
  }

  private void addBounded(Set<String> values, String value) {
    values.remove(value);
    values.add(value);
    dropOldest(values);
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
