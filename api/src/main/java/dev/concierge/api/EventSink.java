package dev.concierge.api;

import dev.concierge.models.CustomerEvent;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Accepts validated events for ingestion; completes with the count once they are durable. */
@FunctionalInterface
public interface EventSink {
  CompletionStage<Integer> publish(List<CustomerEvent> events);
}
