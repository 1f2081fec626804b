package dev.concierge.engine;

import dev.concierge.engine.model.ActiveModel;
import dev.concierge.engine.sharding.CustomerShards;
import dev.concierge.engine.sharding.ShardActivity;
import dev.concierge.models.Catalog;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.ServingModel;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.models.rules.BusinessRules;
import java.time.Clock;
import java.time.Duration;

/**
 * What customer actors share, for tests: a fixed catalog, the heuristic model, default rules, and a live
 * horizon on the system clock.
 */
public final class TestCustomerContext {

  /** How far ahead of the clock the horizon lies, as concierge.events.max-future-skew does by default. */
  public static final Duration MAX_FUTURE_SKEW = Duration.ofHours(1);

  private static final int SHARDS = 10;
  private static final int ACTIVITY_SAMPLES = 12;
  private static final int POPULAR_PER_LIST = 20;

  private TestCustomerContext() {}

  public static CustomerContext of(CustomerSettings settings, Catalog catalog, Vocabulary vocabulary) {
    return of(settings, catalog, vocabulary, CustomerDirectory.NONE);
  }

  /** With {@code customers} to reach the other customers by, as a merge does. */
  public static CustomerContext of(
      CustomerSettings settings, Catalog catalog, Vocabulary vocabulary, CustomerDirectory customers) {
    return new CustomerContext(
        settings, () -> catalog, vocabulary,
        customerId -> new ActiveModel.Served(ServingModel.heuristic(catalog, vocabulary, POPULAR_PER_LIST), null, null),
        new TrendingItems(Duration.ofHours(1).toMillis(), POPULAR_PER_LIST), BusinessRules.DEFAULT,
        new Recommender(settings.recommender(), settings.features()), Clock.systemUTC(),
        new EventHorizon.Live(Clock.systemUTC(), MAX_FUTURE_SKEW),
        CustomerShards.byHash(SHARDS, new ShardActivity(SHARDS, ACTIVITY_SAMPLES)), customers);
  }
}
