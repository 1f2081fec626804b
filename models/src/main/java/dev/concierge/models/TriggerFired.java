package dev.concierge.models;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The journal event of a delivery trigger that fired: persisted before its record is published, so that
 * the rule's minimum interval holds across passivation and restarts, and so that what it reported (the
 * cart, the category, the items back in stock) is not reported again.
 *
 * @param category the category viewed, for {@link TriggerKind#CATEGORY_VIEWED}; otherwise {@code null}
 * @param items    the items carted, or back in stock; empty for a category
 */
public record TriggerFired(TriggerKind kind, Instant firedAt, String category, List<String> items)
    implements JournalEvent {

  public TriggerFired {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(firedAt, "firedAt");
    items = List.copyOf(items);
  }
}
