package dev.concierge.offline.importing;

import dev.concierge.models.EventType;

/**
 * What one row gives: an event, and what the row says about its item for the catalog.
 *
 * @param price     the unit price, or NaN when the row has none
 * @param sessionId the session (an invoice, for invoice lines), or null
 * @param title     the item's title, or null
 * @param category  the item's category, or null
 */
record ImportedRow(
    String customerId,
    String itemId,
    EventType type,
    long epochMillis,
    double price,
    int quantity,
    String sessionId,
    String title,
    String category) {}
