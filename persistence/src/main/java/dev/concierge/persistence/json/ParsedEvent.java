package dev.concierge.persistence.json;

import dev.concierge.models.CustomerEvent;

/** The outcome of reading one event: the event, or why it is not one. */
public sealed interface ParsedEvent {

  record Valid(CustomerEvent event) implements ParsedEvent {}

  /** @param reason what is wrong, phrased so the producer knows what to fix */
  record Invalid(String reason) implements ParsedEvent {}
}
