package dev.concierge.offline.simulation;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * When one shopper's sessions happen and how many events each holds, for a fixed total of events.
 *
 * <p>Sessions start at uniformly random times over the period, yet never closer than a session's
 * longest span plus an idle gap longer than the session timeout: each session owns a slot of that
 * length, and the random starts are laid out on the period minus the slots. The events are split
 * over the sessions as a uniformly random composition, which gives many short sessions and a few
 * long ones, as real traffic has.
 */
final class SessionSchedule {

  /** Analytics and the engine ({@code concierge.features.session-idle-timeout}) end a session after this. */
  static final Duration SESSION_TIMEOUT = Duration.ofMinutes(30);
  /** The quietest break between two sessions: clearly longer than the timeout. */
  static final Duration MIN_IDLE_GAP = SESSION_TIMEOUT.plusMinutes(1);
  /** A session's events all fall within this span. */
  static final Duration MAX_SESSION_SPAN = Duration.ofHours(1);
  /** Steps between a session's events: exponential with this mean, at least the minimum. */
  static final Duration MEAN_STEP = Duration.ofSeconds(40);
  static final Duration MIN_STEP = Duration.ofSeconds(2);
  /** Session slots fill at most this share of the period, so that the starts stay random. */
  private static final double MAX_SLOT_SHARE = 0.5;

  private static final long SLOT_SECONDS = MAX_SESSION_SPAN.plus(MIN_IDLE_GAP).toSeconds();
  private static final long MAX_SESSION_EVENTS = MAX_SESSION_SPAN.dividedBy(MIN_STEP) + 1;

  private long eventsLeft;
  private long sessionsLeft;
  private long sessionsStarted;
  /** Position of the last start on the period minus the slots. */
  private double cursor;
  private final double freeSeconds;

  /** The next session: when it starts (seconds into the period), its events, its longest step. */
  record Session(long startSecond, long events, long maxStepSeconds) {}

  /** {@code events} must not exceed {@link #capacity}. */
  SessionSchedule(long events, double meanSessionEvents, Duration period) {
    this.eventsLeft = events;
    long sessions = Math.max(1, Math.round(events / meanSessionEvents));
    sessions = Math.min(sessions, maxSessions(period)); // the period has room for so many
    sessions = Math.max(sessions, ceilDiv(events, MAX_SESSION_EVENTS)); // a session holds so many events
    this.sessionsLeft = Math.min(sessions, events); // every session has an event
    this.freeSeconds = sessionsLeft == 0
        ? 0
        : period.toSeconds() - (sessionsLeft - 1) * SLOT_SECONDS - MAX_SESSION_SPAN.toSeconds();
  }

  /** The most events one shopper can have over {@code period} with the session rules above. */
  static long capacity(Duration period) {
    return maxSessions(period) * MAX_SESSION_EVENTS;
  }

  boolean hasNextSession() {
    return sessionsLeft > 0;
  }

  Session nextSession(SplittableRandom random) {
    // the next of the remaining sorted uniform starts: the minimum of sessionsLeft uniforms
    cursor += (freeSeconds - cursor) * (1 - StrictMath.pow(random.nextDouble(), 1.0 / sessionsLeft));
    long start = (long) cursor + sessionsStarted * SLOT_SECONDS;
    long events = nextLength(random);
    eventsLeft -= events;
    sessionsLeft--;
    sessionsStarted++;
    long maxStep = events > 1 ? MAX_SESSION_SPAN.toSeconds() / (events - 1) : MAX_SESSION_SPAN.toSeconds();
    return new Session(start, events, maxStep);
  }

  /** Seconds to the next event of the session: seconds to minutes, within the session's span. */
  static long step(SplittableRandom random, long maxStepSeconds) {
    double extra = Draws.exponential(random) * (MEAN_STEP.toSeconds() - MIN_STEP.toSeconds());
    return Math.min(maxStepSeconds, MIN_STEP.toSeconds() + Math.round(extra));
  }

  /**
   * The first part of a uniformly random composition of the events left into the sessions left
   * (it walks the cut positions, cutting at each with probability cuts left / positions left),
   * kept to what one session can hold and what the later sessions can take.
   */
  private long nextLength(SplittableRandom random) {
    if (sessionsLeft == 1) {
      return eventsLeft;
    }
    long cutsLeft = sessionsLeft - 1;
    long length = 1;
    while (random.nextDouble() * (eventsLeft - length) >= cutsLeft) {
      length++;
    }
    long laterCanTake = cutsLeft * MAX_SESSION_EVENTS;
    return Math.max(eventsLeft - laterCanTake, Math.min(length, MAX_SESSION_EVENTS));
  }

  private static long maxSessions(Duration period) {
    return Math.max(1, (long) (period.toSeconds() * MAX_SLOT_SHARE / SLOT_SECONDS));
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }
}
