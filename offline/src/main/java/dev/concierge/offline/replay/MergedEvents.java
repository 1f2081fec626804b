package dev.concierge.offline.replay;

import dev.concierge.models.EventRecorded;

/** A source's events in merge order, pulled one by one on the caller's thread. */
interface MergedEvents extends AutoCloseable {

  /** The next event, or null when there are no more. */
  EventRecorded next();

  @Override
  void close();
}
