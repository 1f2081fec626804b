package dev.concierge.models;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An immutable picture of a customer's live features, with item and category names rather than
 * codes: what snapshots persist, what {@code GET /v1/customers/{id}/features} shows and what tests
 * compare. The actor itself keeps the compact {@link FeatureState}.
 *
 * @param lastEventAt timestamp of the newest event, or {@code null} before the first
 * @param recent      distinct items touched by any event, most recent first
 * @param viewed      distinct items viewed, most recent first (likewise clicked, carted, purchased)
 * @param purchasedCategories categories bought in, most recent first
 */
public record CustomerFeatures(
    EventCounts events,
    double totalSpend,
    int unitsPurchased,
    Instant lastEventAt,
    CategoryAffinity categoryAffinity,
    RecentItems recent,
    RecentItems viewed,
    RecentItems clicked,
    RecentItems carted,
    RecentItems purchased,
    List<String> purchasedCategories,
    SessionFeatures session) {

  public static final CustomerFeatures EMPTY =
      new CustomerFeatures(
          EventCounts.ZERO, 0, 0, null, CategoryAffinity.NONE, RecentItems.NONE, RecentItems.NONE,
          RecentItems.NONE, RecentItems.NONE, RecentItems.NONE, List.of(), SessionFeatures.NONE);

  public CustomerFeatures {
    purchasedCategories = List.copyOf(purchasedCategories);
  }

  /** Average unit price paid, 0 before the first purchase with a price. */
  public double averagePricePaid() {
    return unitsPurchased == 0 ? 0 : totalSpend / unitsPurchased;
  }

  /** Time since the newest event as seen at {@code now}, or {@code null} before the first event. */
  public Duration timeSinceLastEvent(Instant now) {
    return lastEventAt == null ? null : Duration.between(lastEventAt, now);
  }
}
