package dev.concierge.benchmarks.baseline;

import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.model.ModelChooser;
import dev.concierge.models.Catalog;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.Recommender;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.models.rules.BusinessRules;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What the model server ranks with, the same parts a node's customer actors share (its
 * {@code CustomerContext}): settings, the catalog, the vocabulary of codes, the served model, trends,
 * the configured business rules, the recommender and the clock.
 *
 * @param trends the latest trends the writer published
 */
record ServingContext(
    CustomerSettings settings,
    Supplier<Catalog> catalog,
    Vocabulary vocabulary,
    ModelChooser models,
    Supplier<TrendingItems> trends,
    BusinessRules rules,
    Recommender recommender,
    Clock clock) {}
