package dev.concierge.persistence.json;

import dev.concierge.models.CatalogChange;

/** The outcome of reading one catalog item: the change it asks for, or why it is not one. */
public sealed interface ParsedCatalogChange {

  record Valid(CatalogChange change) implements ParsedCatalogChange {}

  /** @param reason what is wrong, naming the field, phrased so the sender knows what to fix */
  record Invalid(String reason) implements ParsedCatalogChange {}
}
