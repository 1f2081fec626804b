package dev.concierge.benchmarks.footprint;

import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.FeatureSettings;

/** Whether a customer's features hold as much as the settings allow: every list, the affinity and the window. */
final class FeatureFill {

  private FeatureFill() {}

  static boolean isFull(CustomerFeatures features, int eventIdsRemembered, CustomerSettings settings) {
    FeatureSettings limits = settings.features();
    return features.recent().items().size() == limits.recentItemsLimit()
        && features.viewed().items().size() == limits.recentItemsLimit()
        && features.clicked().items().size() == limits.recentItemsLimit()
        && features.carted().items().size() == limits.recentItemsLimit()
        && features.purchased().items().size() == limits.purchasedItemsLimit()
        && features.purchasedCategories().size() == limits.affinityCategoriesLimit()
        && features.categoryAffinity().scores().size() == limits.affinityCategoriesLimit()
        && features.session().categories().size() == limits.sessionCategoriesLimit()
        && eventIdsRemembered == settings.dedupeWindow();
  }
}
