package dev.concierge.offline.replay;

import dev.concierge.models.EventIdWindow;
import dev.concierge.models.EventRecorded;
import java.util.HashMap;
import java.util.Map;

/**
 * Drops an event whose id the customer saw among its last {@code window} events, exactly as the live
 * customer's dedupe window does, so a topic or an export holding events sent twice (each copy a record
 * of its own, which no offset tells apart) replays to the features production computed. A topic read
 * from start to end holds no consumer redeliveries, which the live customer drops by offset. Costs the
 * window's keys (8 bytes each) per customer.
 */
final class RedeliveryFilter {

  /** Keeps every event: for the journal, which holds each accepted event once. */
  static final int KEEP_ALL = 0;

  private final int window;
  private final Map<String, EventIdWindow> seen = new HashMap<>();

  RedeliveryFilter(int window) {
    this.window = checkedWindow(window);
  }

  /** @throws IllegalArgumentException for a negative window, before any replay starts */
  static int checkedWindow(int window) {
    if (window < KEEP_ALL) {
      throw new IllegalArgumentException("the dedupe window must be 0 (off) or more, was " + window);
    }
    return window;
  }

  boolean isRedelivery(EventRecorded recorded) {
    if (window == KEEP_ALL) {
      return false;
    }
    EventIdWindow ids = seen.computeIfAbsent(recorded.event().customerId(), id -> new EventIdWindow(window));
    String eventId = recorded.event().eventId();
    if (ids.contains(eventId)) {
      return true;
    }
    ids.add(eventId);
    return false;
  }
}
