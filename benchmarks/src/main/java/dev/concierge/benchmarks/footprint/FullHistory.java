package dev.concierge.benchmarks.footprint;

import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureSettings;
import dev.concierge.offline.simulation.SimulationSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * A deterministic history per customer that leaves every bounded part of the feature state full: the
 * "standard feature set" the footprint target is about. The event types take turns, so each type's list
 * gets a new item every {@code types} events; the category moves on after each round of types, so
 * affinity, bought categories and the session see many distinct categories; items are drawn at random
 * within the category, from a catalog much larger than any list.
 *
 * <p>Ids follow {@link dev.concierge.offline.simulation.ShopperSimulation}: customers {@code sim-c-<n>},
 * events {@code sim-<seed>-<n>}. Events are a minute apart, well inside the session idle timeout, so the
 * newest ones form one session.
 */
final class FullHistory {

  private static final long SEED = 7;
  private static final Instant START = SimulationSettings.DEFAULT_START;
  private static final Duration EVENT_SPACING = Duration.ofMinutes(1);
  private static final EventType[] TYPES = EventType.interactions().toArray(new EventType[0]);
  private static final int QUANTITY = 1;
  private static final String CUSTOMER_ID_PREFIX = "sim-c-";

  private final CatalogItem[][] itemsByCategory;
  private final String eventIdPrefix = "sim-" + SEED + "-";

  /** @param catalog items of at least as many categories as affinity tracks */
  FullHistory(List<CatalogItem> catalog, List<String> categories) {
    itemsByCategory = new CatalogItem[categories.size()][];
    for (int c = 0; c < categories.size(); c++) {
      String category = categories.get(c);
      itemsByCategory[c] = catalog.stream().filter(item -> item.category().equals(category)).toArray(CatalogItem[]::new);
    }
  }

  /** Just enough events to fill every list, the affinity, the session's categories and the dedupe window. */
  static int eventsToFill(CustomerSettings settings) {
    FeatureSettings features = settings.features();
    // each type's list gets one new item per round of types
    int rounds = Math.max(features.recentItemsLimit(), features.purchasedItemsLimit());
    // and one new category per round: affinity, bought categories (as many as affinity) and the session
    rounds = Math.max(rounds, Math.max(features.affinityCategoriesLimit(), features.sessionCategoriesLimit()));
    return Math.max(rounds * TYPES.length, settings.dedupeWindow());
  }

  int categoryCount() {
    return itemsByCategory.length;
  }

  static String customerId(int customer) {
    return CUSTOMER_ID_PREFIX + (customer + 1);
  }

  /** The customer whose id is {@code customerId}: the inverse of {@link #customerId}. */
  static int customerIndex(String customerId) {
    return Integer.parseInt(customerId.substring(CUSTOMER_ID_PREFIX.length())) - 1;
  }

  /**
   * Hands {@code events} events of {@code customer}, oldest first, to {@code sink} with the item's
   * category, as the customer actor looks it up in the catalog when it records an event.
   */
  void forEachEvent(int customer, int events, BiConsumer<CustomerEvent, String> sink) {
    String customerId = customerId(customer);
    String sessionId = customerId + "-s1";
    SplittableRandom random = new SplittableRandom(SEED + customer);
    long firstEventNumber = (long) customer * events + 1;
    for (int k = 0; k < events; k++) {
      EventType type = TYPES[k % TYPES.length];
      CatalogItem[] category = itemsByCategory[(k / TYPES.length) % itemsByCategory.length];
      CatalogItem item = category[random.nextInt(category.length)];
      boolean priced = type == EventType.ADD_TO_CART || type == EventType.PURCHASE;
      sink.accept(new CustomerEvent(
          eventIdPrefix + (firstEventNumber + k),
          customerId,
          type,
          item.itemId(),
          START.plus(EVENT_SPACING.multipliedBy(k)),
          priced ? item.price() : null,
          QUANTITY,
          sessionId,
          Map.of()),
          item.category());
    }
  }
}
