package dev.concierge.engine.model;

import dev.concierge.models.CustomerEvent;

/** Told of every event a customer recorded for the first time; never of duplicates. */
@FunctionalInterface
public interface RecordedEventListener {
  void recorded(CustomerEvent event);
}
