package dev.concierge.persistence.json;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * The longest text of a catalog item, from {@code concierge.catalog.items}: the same on every path an
 * item takes (the topic, files, {@code PUT /admin/catalog/items}), so that every item fits in one Kafka
 * record and in a decision's answer. The item id is an id ({@link dev.concierge.models.Identifiers}).
 *
 * @param maxCategoryLength characters of {@code category}
 * @param maxTitleLength    characters of {@code title}
 */
public record CatalogItemLimits(int maxCategoryLength, int maxTitleLength) {

  public CatalogItemLimits {
    if (maxCategoryLength < 1 || maxTitleLength < 0) {
      throw new IllegalArgumentException("concierge.catalog.items.max-category-length must be at least 1 and"
          + " max-title-length at least 0, not " + maxCategoryLength + " and " + maxTitleLength);
    }
  }

  /** @param items the {@code concierge.catalog.items} section */
  public static CatalogItemLimits fromConfig(Config items) {
    return new CatalogItemLimits(items.getInt("max-category-length"), items.getInt("max-title-length"));
  }

  /** The limits of this process's configuration: reference.conf, application.conf and the environment. */
  public static CatalogItemLimits configured() {
    return fromConfig(ConfigFactory.load().getConfig("concierge.catalog.items"));
  }
}
