package dev.concierge.persistence.json;

import dev.concierge.models.SafeText;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How {@link EventJson} reads an event's {@code timestamp} value, by its JSON type. Each method
 * returns the instant or throws {@link InvalidEventField} naming the field and what it takes. The
 * contract's own form is {@link #CONTRACT}; replaying exported histories takes wider forms.
 */
public interface TimestampForm {

  /** The contract's: an ISO-8601 UTC instant as a string, such as {@code 2026-11-26T10:00:00Z}. */
  TimestampForm CONTRACT = new TimestampForm() {
    @Override
    public Instant text(String text) {
      if (text.isBlank()) {
        return other();
      }
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new InvalidEventField(
            "field 'timestamp' must be an ISO-8601 instant such as 2026-11-26T10:00:00Z, was '" + SafeText.of(text) + "'");
      }
    }

    @Override
    public Instant integer(long value) {
      return other();
    }

    @Override
    public Instant other() {
      throw new InvalidEventField("field 'timestamp' must be a non-empty string");
    }
  };

  /** A JSON string. */
  Instant text(String text);

  /** A JSON integer that fits a {@code long}. */
  Instant integer(long value);

  /** Any other JSON value: a fraction, a larger integer, a boolean, an array or an object. */
  Instant other();
}
