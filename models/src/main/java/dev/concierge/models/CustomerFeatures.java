package dev.concierge.models;

import java.time.Instant;

/**
 * A customer's live features: everything the engine knows about one shopper. The live actor and
 * offline replay both fold events in through {@link #apply}, so online and offline features agree.
 *
 * @param lastEventAt timestamp of the newest event, or {@code null} before the first
 * @param recentItems distinct items touched by any event, most recent first
 * @param purchasedItems items bought, most recent first; never recommended again
 */
public record CustomerFeatures(
    EventCounts events,
    Instant lastEventAt,
    CategoryAffinity categoryAffinity,
    RecentItems recentItems,
    RecentItems purchasedItems)
    implements ShopperProfile {

  public static final CustomerFeatures EMPTY =
      new CustomerFeatures(EventCounts.ZERO, null, CategoryAffinity.NONE, RecentItems.NONE, RecentItems.NONE);

  /**
   * The feature function: these features after {@code event}.
   *
   * @param category the event item's category, or {@code null} when the catalog does not know the item
   */
  public CustomerFeatures apply(CustomerEvent event, String category, FeatureSettings settings) {
    Instant at = event.timestamp();
    Instant newest = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
    CategoryAffinity affinity =
        category == null
            ? categoryAffinity
            : categoryAffinity.record(category, settings.weightOf(event.type()), at, settings);
    RecentItems purchased =
        event.type() == EventType.PURCHASE
            ? purchasedItems.push(event.itemId(), settings.purchasedItemsLimit())
            : purchasedItems;
    return new CustomerFeatures(
        events.plus(event.type()),
        newest,
        affinity,
        recentItems.push(event.itemId(), settings.recentItemsLimit()),
        purchased);
  }

  @Override
  public double affinityFor(String category) {
    return categoryAffinity.share(category);
  }

  @Override
  public boolean hasPurchased(String itemId) {
    return purchasedItems.contains(itemId);
  }

  @Override
  public Iterable<String> topCategories() {
    return categoryAffinity.shares().keySet();
  }
}
