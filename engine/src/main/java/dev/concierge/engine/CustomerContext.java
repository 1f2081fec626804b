package dev.concierge.engine;

import dev.concierge.engine.metrics.CustomerMeters;
import dev.concierge.engine.model.ModelChooser;
import dev.concierge.engine.sharding.CustomerShards;
import dev.concierge.engine.tracing.Tracing;
import dev.concierge.engine.triggers.CustomerTriggers;
import dev.concierge.models.Catalog;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.models.rules.BusinessRules;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What every customer actor on a node shares: settings, the catalog, the vocabulary of codes, the
 * model being served, live trends, the configured business rules, the clock, the horizon of event
 * times (on the same clock), the shards with their activity counts, how to reach another customer
 * (a merge asks the customer it merges from for its history), the delivery triggers, the node's
 * tracing, and the meters of the actors' recoveries and stops.
 */
public record CustomerContext(
    CustomerSettings settings,
    Supplier<Catalog> catalog,
    Vocabulary vocabulary,
    ModelChooser models,
    TrendingItems trends,
    BusinessRules rules,
    Recommender recommender,
    Clock clock,
    EventHorizon horizon,
    CustomerShards shards,
    CustomerDirectory customers,
    CustomerTriggers triggers,
    Tracing tracing,
    CustomerMeters meters) {

  /** A context whose customers evaluate no delivery triggers, trace nothing and are measured for no one. */
  public CustomerContext(
      CustomerSettings settings, Supplier<Catalog> catalog, Vocabulary vocabulary, ModelChooser models,
      TrendingItems trends, BusinessRules rules, Recommender recommender, Clock clock, EventHorizon horizon,
      CustomerShards shards, CustomerDirectory customers) {
    this(settings, catalog, vocabulary, models, trends, rules, recommender, clock, horizon, shards, customers,
        CustomerTriggers.OFF, Tracing.off(), CustomerMeters.unserved());
  }

  /** This context with its customers evaluating {@code triggers}. */
  public CustomerContext withTriggers(CustomerTriggers triggers) {
    return new CustomerContext(settings, catalog, vocabulary, models, trends, rules, recommender, clock, horizon,
        shards, customers, triggers, tracing, meters);
  }
}
