package dev.concierge.models;

/**
 * The journal event: a customer event accepted once, with the item's category as the catalog knew it
 * at that moment, so replaying the journal rebuilds the same features whatever the catalog is now.
 *
 * @param category the item's category at record time, or {@code null} if the catalog did not know it (and
 *                 always for a merge, which has no item)
 * @param source   the record of the events topic it was read from, so that the customer recognises the
 *                 record when Kafka delivers it again; {@code null} for an event that did not come from
 *                 Kafka (a file replay, a test, a journal row written before sources were kept)
 */
public record EventRecorded(CustomerEvent event, String category, KafkaSource source) implements JournalEvent {

  /** An event that did not come from the events topic. */
  public EventRecorded(CustomerEvent event, String category) {
    this(event, category, null);
  }
}
