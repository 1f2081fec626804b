package dev.concierge.models.triggers;

import dev.concierge.models.FeatureState;
import dev.concierge.models.TriggerFired;
import dev.concierge.models.TriggerKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which rules fire for a customer now, and when to look again: pure functions of the customer's
 * {@link TriggerState}, the rules, the time and the catalog's stock. A rule fires at most once per its
 * minimum interval; what a firing reported is folded back into the state, so it is not reported twice.
 */
public final class DueTriggers {

  private DueTriggers() {}

  /** The firings due at {@code now}, at most one per rule. */
  public static List<TriggerFired> at(
      TriggerState state, TriggerRules rules, Instant now, Predicate<String> inStock) {
    long millis = now.toEpochMilli();
    List<TriggerFired> due = new ArrayList<>(TriggerKind.values().length);
    TriggerRules.CartAbandoned cart = rules.cartAbandoned();
    if (cart.enabled() && state.cartActiveAt() != FeatureState.NEVER
        && millis >= state.cartActiveAt() + cart.after().toMillis()
        && millis < state.cartActiveAt() + cart.expireAfter().toMillis()
        && intervalOver(state, TriggerKind.CART_ABANDONED, cart.minInterval().toMillis(), millis)) {
      due.add(new TriggerFired(TriggerKind.CART_ABANDONED, now, null, state.cartItems()));
    }
    TriggerRules.CategoryViewed viewed = rules.categoryViewed();
    if (viewed.enabled() && intervalOver(state, TriggerKind.CATEGORY_VIEWED, viewed.minInterval().toMillis(), millis)) {
      for (Map.Entry<String, Integer> views : state.sessionViews().entrySet()) {
        if (views.getValue() >= viewed.times() && !state.reported(views.getKey())) {
          due.add(new TriggerFired(TriggerKind.CATEGORY_VIEWED, now, views.getKey(), List.of()));
          break;
        }
      }
    }
    TriggerRules.BackInStock stock = rules.backInStock();
    if (stock.enabled() && state.awaitsStock()
        && intervalOver(state, TriggerKind.BACK_IN_STOCK, stock.minInterval().toMillis(), millis)) {
      List<String> back = state.awaitingStock().stream().filter(inStock).toList();
      if (!back.isEmpty()) {
        due.add(new TriggerFired(TriggerKind.BACK_IN_STOCK, now, null, back));
      }
    }
    return due;
  }

  /**
   * When the open cart is next worth a look: once it has been left alone for {@code after} and the
   * rule's interval since its last firing is over; empty without an open cart, or once it is too old.
   */
  public static Optional<Instant> nextCartCheck(TriggerState state, TriggerRules rules) {
    TriggerRules.CartAbandoned cart = rules.cartAbandoned();
    if (!cart.enabled() || state.cartActiveAt() == FeatureState.NEVER) {
      return Optional.empty();
    }
    long abandoned = state.cartActiveAt() + cart.after().toMillis();
    long last = state.lastFired(TriggerKind.CART_ABANDONED);
    long allowed = last == FeatureState.NEVER ? abandoned : Math.max(abandoned, last + cart.minInterval().toMillis());
    return allowed < state.cartActiveAt() + cart.expireAfter().toMillis()
        ? Optional.of(Instant.ofEpochMilli(allowed))
        : Optional.empty();
  }

  /** Whether the catalog's stock needs checking on a timer: only while items wait for it. */
  public static boolean checksStock(TriggerState state, TriggerRules rules) {
    return rules.backInStock().enabled() && state.awaitsStock();
  }

  private static boolean intervalOver(TriggerState state, TriggerKind kind, long minInterval, long now) {
    long last = state.lastFired(kind);
    return last == FeatureState.NEVER || now - last >= minInterval;
  }
}
