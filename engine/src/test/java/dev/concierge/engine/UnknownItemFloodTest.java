package dev.concierge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.model.ActiveModel;
import dev.concierge.engine.model.TrendRecorder;
import dev.concierge.engine.sharding.CustomerShards;
import dev.concierge.engine.sharding.ShardActivity;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.JournalEvent;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.RankedItem;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.models.rules.BusinessRules;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: made-up item ids cannot fill a node's heap. A million unique ids that no catalog holds,
 * mixed with catalog items, go through what a node runs for every recorded event: the customer entity's
 * event handler (the feature function, with the node's shared vocabulary) and the trend recorder. The
 * shared vocabulary keeps the catalog's size, under its configured cap; the heap grows by no more than
 * the customers' item lists can hold; and every customer's decision is still its own. It prints the
 * heap before and after (BENCHMARKS.md); {@code -Dflood.unknown-ids=N} changes the count.
 */
class UnknownItemFloodTest {

  private static final int UNKNOWN_IDS = Integer.getInteger("flood.unknown-ids", 1_000_000);
  private static final int CUSTOMERS = 1_000;
  /** Every this-many events of a customer, one is a view of a catalog item in its favourite category. */
  private static final int CATALOG_EVERY = 10;
  private static final int CATALOG_ITEMS = 2_000;
  private static final long CATALOG_SEED = 7;
  /** Generous heap per id a customer may hold: the id (a String of 20 characters or so) and its slot. */
  private static final long BYTES_PER_HELD_ID = 200;
  private static final int SHARDS = 10;
  private static final int ACTIVITY_SAMPLES = 12;
  private static final int MAX_COLLECTIONS = 12;
  private static final long SETTLED_WITHIN_BYTES = 64 * 1024;
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private final Config concierge = ConfigFactory.load().getConfig("concierge");
  private final CustomerSettings settings = CustomerSettings.fromConfig(concierge);
  private final Catalog catalog = Catalog.of(DemoCatalog.generate(CATALOG_ITEMS, CATALOG_SEED));
  private final List<String> categories = DemoCatalog.categories();
  private final Vocabulary vocabulary =
      new Vocabulary(concierge.getInt("vocabulary.max-items"), concierge.getInt("vocabulary.max-categories"));
  private final ActiveModel models = new ActiveModel(vocabulary, concierge.getInt("recommender.popular-per-list"));
  private final TrendingItems trends =
      new TrendingItems(concierge.getDuration("trending.half-life").toMillis(), concierge.getInt("trending.top"));
  private final TrendRecorder trendRecorder = new TrendRecorder(trends, vocabulary, settings.features(), EventHorizon.NONE);
  private final CustomerContext context =
      new CustomerContext(
          settings, () -> catalog, vocabulary, models, trends, BusinessRules.DEFAULT,
          new Recommender(settings.recommender(), settings.features()), Clock.systemUTC(), EventHorizon.NONE,
          CustomerShards.byHash(SHARDS, new ShardActivity(SHARDS, ACTIVITY_SAMPLES)), CustomerDirectory.NONE);
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  @Test
  void aMillionUnknownItemIdsLeaveTheVocabularyAndTheHeapBoundedAndDecisionsPersonal() {
    models.catalogChanged(catalog); // as a node does: the catalog's items get shared codes
    int catalogCodes = vocabulary.items().size();
    Customer[] customers = new Customer[CUSTOMERS];
    for (int c = 0; c < CUSTOMERS; c++) {
      customers[c] = new Customer("c-" + c, categories.get(c % categories.size()));
    }
    long heapBefore = settledUsedHeap();

    for (int i = 0; i < UNKNOWN_IDS; i++) {
      Customer customer = customers[i % CUSTOMERS];
      customer.record(EventType.interactions().get(i / CUSTOMERS % EventType.interactions().size()), "made-up-" + i);
      if (i / CUSTOMERS % CATALOG_EVERY == 0) {
        customer.record(EventType.VIEW, customer.nextFavourite());
      }
    }
    long heapAfter = settledUsedHeap();

    long grown = heapAfter - heapBefore;
    System.out.printf(
        Locale.ROOT,
        "%,d unknown item ids over %,d customers: shared vocabulary %,d -> %,d items (cap %,d); "
            + "settled heap %.1f -> %.1f MiB (%+.1f MiB, %,d B per customer)%n",
        UNKNOWN_IDS, CUSTOMERS, catalogCodes, vocabulary.items().size(), concierge.getInt("vocabulary.max-items"),
        mebibytes(heapBefore), mebibytes(heapAfter), mebibytes(grown), grown / CUSTOMERS);
    assertEquals(catalogCodes, vocabulary.items().size(), "the shared vocabulary learnt no made-up id");
    long bound = (long) CUSTOMERS * (listSlots(settings.features()) + 1) * BYTES_PER_HELD_ID;
    assertTrue(grown < bound, "the heap grew " + grown + " bytes, beyond the customers' lists' " + bound);
    for (Customer customer : customers) {
      customer.assertDecisionIsPersonal();
    }
  }

  /** One customer's entity state, changed only by the entity's own event handler. */
  private final class Customer {
    private final String id;
    private final String favourite;
    private final List<CatalogItem> favourites;
    private final EventHandler<CustomerEntity.State, JournalEvent> handler;
    private CustomerEntity.State state;
    private int events;

    Customer(String id, String favourite) {
      this.id = id;
      this.favourite = favourite;
      this.favourites = catalog.mostPopularIn(favourite);
      CustomerEntity entity = CustomerEntity.forHandlers(id, context);
      this.handler = entity.eventHandler();
      this.state = entity.emptyState();
      record(EventType.VIEW, nextFavourite());
    }

    String nextFavourite() {
      return favourites.get(events % favourites.size()).itemId();
    }

    /** What the entity persists and folds in for one new event, and what ingestion tells the trends. */
    void record(EventType type, String itemId) {
      CustomerEvent event = CustomerEvent.of(id + "/" + events, id, type, itemId, T0.plusSeconds(events++));
      state = handler.apply(state, new EventRecorded(event, catalog.categoryOf(itemId)));
      trendRecorder.recorded(event);
    }

    /** What the entity's decide command runs: the shopper's favourite category comes first. */
    void assertDecisionIsPersonal() {
      ActiveModel.Served served = models.choose(id);
      List<RankedItem> items =
          context.recommender().recommend(
              served.model(), state.features(), vocabulary, catalog, trends,
              new DecisionQuery(id, 3, null, List.of(), Set.of()), BusinessRules.DEFAULT, T0.plusSeconds(events).toEpochMilli());
      assertEquals(favourite, catalog.categoryOf(items.get(0).itemId()), id + " is shown " + items);
      assertTrue(
          items.get(0).reasons().stream().anyMatch(reason -> reason.contains(favourite) || reason.contains("you viewed")),
          id + " is told why: " + items.get(0).reasons());
    }
  }

  private static int listSlots(FeatureSettings features) {
    // recent, viewed, clicked and carted, then purchased
    return 4 * features.recentItemsLimit() + features.purchasedItemsLimit();
  }

  /** Used heap once garbage is gone: full collections until two in a row agree (as the footprint benchmark's HeapMeter). */
  private long settledUsedHeap() {
    System.gc();
    long previous = memory.getHeapMemoryUsage().getUsed();
    for (int i = 1; i < MAX_COLLECTIONS; i++) {
      System.gc();
      long now = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(now - previous) <= SETTLED_WITHIN_BYTES) {
        return now;
      }
      previous = now;
    }
    return previous;
  }

  private static double mebibytes(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
