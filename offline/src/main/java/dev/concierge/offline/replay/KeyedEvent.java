package dev.concierge.offline.replay;

import java.time.Instant;
import java.util.Comparator;

/**
 * A journal event, as the journal stores it (its {@link EventCodec.Payload}: a few dozen bytes, where the
 * decoded event takes several hundred), with its place in the replay's time order: {@code key} is the
 * latest event time its customer has had so far in the range, this event's included (see {@link
 * CustomerClock}). Sorting by
 * (key, customerId, sequenceNr) gives exactly the order {@link LaneMerge} gives the same events, because
 * a lane is taken only once every head is at or after it: an event whose time goes back behind its
 * customer's earlier one comes right after that one, as its key says.
 */
record KeyedEvent(Instant key, String customerId, long sequenceNr, EventCodec.Payload payload) {

  /** By key, then customer, then sequence number; written out, as it runs for every comparison of the sort. */
  static final Comparator<KeyedEvent> ORDER = (a, b) -> {
    int byKey = a.key.compareTo(b.key);
    if (byKey != 0) {
      return byKey;
    }
    int byCustomer = a.customerId.compareTo(b.customerId);
    return byCustomer != 0 ? byCustomer : Long.compare(a.sequenceNr, b.sequenceNr);
  };
}
