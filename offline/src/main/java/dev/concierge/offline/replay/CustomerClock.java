package dev.concierge.offline.replay;

import java.time.Instant;

/**
 * The latest event time of the customer being read, for the {@link KeyedEvent} keys of a stream that
 * holds each customer's events together and in persisted order (a token range of the journal, or one
 * customer's events): its state is one customer, never a map of all of them.
 */
final class CustomerClock {

  private String customerId;
  private Instant latest;

  /** Starts at a customer's latest time read elsewhere: the continuation of a customer's journal. */
  void resume(String customer, Instant latestSoFar) {
    customerId = customer;
    latest = latestSoFar;
  }

  /** The key of the customer's next event in the range, at {@code time}. */
  Instant keyFor(String customer, Instant time) {
    if (!customer.equals(customerId)) {
      customerId = customer;
      latest = time;
    } else if (latest == null || time.isAfter(latest)) {
      latest = time;
    }
    return latest;
  }

  /** The customer's latest time so far, or null when none of its events was in the range. */
  Instant latestOf(String customer) {
    return customer.equals(customerId) ? latest : null;
  }
}
