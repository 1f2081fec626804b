package dev.concierge.offline.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate: how many shoppers, exactly how many events, from which seed, and over which
 * period. The same settings and catalog always give the same events.
 *
 * @param customers shoppers in the population; the busiest produce many times the events of the
 *     quietest, and with few events some never show up
 * @param events    exactly this many events come out
 * @param start     the period's first instant; event times are whole seconds after it
 * @param duration  the period's length; every event falls within it
 */
public record SimulationSettings(int customers, long events, long seed, Instant start, Duration duration) {

  public static final Instant DEFAULT_START = Instant.parse("2026-10-01T00:00:00Z");
  public static final Duration DEFAULT_DURATION = Duration.ofDays(30);
  /** A period must hold at least one whole session. */
  public static final Duration MIN_DURATION = SessionSchedule.MAX_SESSION_SPAN;

  public SimulationSettings {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be at least 1, was " + customers);
    }
    if (events < 0) {
      throw new IllegalArgumentException("events must be 0 or more, was " + events);
    }
    if (duration.compareTo(MIN_DURATION) < 0) {
      throw new IllegalArgumentException("duration must be at least " + MIN_DURATION + ", was " + duration);
    }
  }

  /** The default period: {@link #DEFAULT_DURATION} from {@link #DEFAULT_START}. */
  public static SimulationSettings of(int customers, long events, long seed) {
    return new SimulationSettings(customers, events, seed, DEFAULT_START, DEFAULT_DURATION);
  }

  public Instant end() {
    return start.plus(duration);
  }
}
