package dev.concierge.models.rules;

import dev.concierge.models.CatalogItem;
import dev.concierge.models.Interner;

/**
 * A candidate item with the model's score for one shopper, before business rules.
 *
 * @param code the item's shared code where the caller knows it, so that rules need not look the item up
 *     by name; {@link Interner#UNKNOWN} otherwise
 */
public record ScoredCandidate(CatalogItem item, int code, double score) {

  public ScoredCandidate(CatalogItem item, double score) {
    this(item, Interner.UNKNOWN, score);
  }
}
