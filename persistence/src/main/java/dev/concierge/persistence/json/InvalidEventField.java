package dev.concierge.persistence.json;

import dev.concierge.models.Identifiers;

/**
 * A field of an event record that breaks the {@code customer-events} contract, its message saying
 * which field and why. The event parsers (live and replay) throw it to leave a record early and turn
 * it into a dead-letter reason; it carries no stack trace, since bad records are ordinary input.
 */
public final class InvalidEventField extends RuntimeException {

  public InvalidEventField(String message) {
    super(message, null, false, false);
  }

  /** The id, when it is one that ingestion takes ({@link Identifiers}). */
  public static String checkedId(String field, String id) {
    Identifiers.problem(field, id).ifPresent(problem -> {
      throw new InvalidEventField(problem);
    });
    return id;
  }
}
