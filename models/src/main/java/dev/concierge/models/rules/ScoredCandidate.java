package dev.concierge.models.rules;

import dev.concierge.models.CatalogItem;

/** A candidate item with the model's score for one shopper, before business rules. */
public record ScoredCandidate(CatalogItem item, double score) {}
