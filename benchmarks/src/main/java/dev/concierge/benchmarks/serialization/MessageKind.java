package dev.concierge.benchmarks.serialization;

import dev.concierge.engine.CustomerEntity;
import dev.concierge.models.CustomerSnapshot;
import dev.concierge.models.EventRecorded;

/** The messages compared: a journal row, a snapshot, and the reply to a decision. */
public enum MessageKind {
  EVENT_RECORDED(EventRecorded.class),
  CUSTOMER_SNAPSHOT(CustomerSnapshot.class),
  DECISION(CustomerEntity.Decision.class);

  private final Class<?> type;

  MessageKind(Class<?> type) {
    this.type = type;
  }

  public Class<?> type() {
    return type;
  }
}
