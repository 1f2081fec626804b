package dev.concierge.models;

/**
 * The journal event: a customer event accepted once, with the item's category as the catalog knew it
 * at that moment, so replaying the journal rebuilds the same features whatever the catalog is now.
 *
 * @param category the item's category at record time, or {@code null} if the catalog did not know it
 */
public record EventRecorded(CustomerEvent event, String category) {}
