package dev.concierge.offline.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SessionScheduleTest {

  private static final Duration MONTH = Duration.ofDays(30);
  private static final double MEAN_SESSION_EVENTS = 8;

  @Test
  void theEventsAreSplitOverSessionsOfAtLeastOneEventEach() {
    List<SessionSchedule.Session> sessions = sessions(1_000, MONTH, 1);

    assertEquals(1_000, sessions.stream().mapToLong(SessionSchedule.Session::events).sum());
    assertTrue(sessions.stream().allMatch(s -> s.events() >= 1));
    assertEquals(125, sessions.size(), "about events / mean session length");
  }

  @Test
  void sessionLengthsVaryFromBouncesToLongVisits() {
    List<SessionSchedule.Session> sessions = sessions(10_000, MONTH, 2);

    assertTrue(sessions.stream().anyMatch(s -> s.events() == 1));
    assertTrue(sessions.stream().anyMatch(s -> s.events() > 3 * MEAN_SESSION_EVENTS));
  }

  @Test
  void sessionsFitThePeriodWithIdleGapsLongerThanTheSessionTimeout() {
    for (long events : new long[] {1, 10, 1_000, SessionSchedule.capacity(MONTH)}) {
      assertSessionsFit(sessions(events, MONTH, events), MONTH);
    }
    Duration shortest = SimulationSettings.MIN_DURATION;
    assertSessionsFit(sessions(SessionSchedule.capacity(shortest), shortest, 3), shortest);
  }

  @Test
  void noEventsMeanNoSessions() {
    assertTrue(sessions(0, MONTH, 1).isEmpty());
  }

  @Test
  void stepsAreSecondsToMinutesAndKeepToTheSessionsLongestStep() {
    SplittableRandom random = new SplittableRandom(4);
    long sum = 0;
    int steps = 10_000;
    for (int i = 0; i < steps; i++) {
      long step = SessionSchedule.step(random, Duration.ofMinutes(10).toSeconds());
      assertTrue(step >= SessionSchedule.MIN_STEP.toSeconds() && step <= Duration.ofMinutes(10).toSeconds(), "" + step);
      sum += step;
    }
    assertEquals(SessionSchedule.MEAN_STEP.toSeconds(), (double) sum / steps, 2.0);
  }

  @Test
  void aSessionPackedWithEventsStepsAtTheShortestStep() {
    SplittableRandom random = new SplittableRandom(5);
    long shortest = SessionSchedule.MIN_STEP.toSeconds();

    assertTrue(IntStream.range(0, 100).allMatch(i -> SessionSchedule.step(random, shortest) == shortest));
  }

  private static void assertSessionsFit(List<SessionSchedule.Session> sessions, Duration period) {
    long previousEnd = Long.MIN_VALUE;
    for (SessionSchedule.Session session : sessions) {
      assertTrue(session.maxStepSeconds() >= SessionSchedule.MIN_STEP.toSeconds(), session.toString());
      long latestEnd = session.startSecond() + (session.events() - 1) * session.maxStepSeconds();
      assertTrue(latestEnd - session.startSecond() <= SessionSchedule.MAX_SESSION_SPAN.toSeconds(), session.toString());
      if (previousEnd != Long.MIN_VALUE) {
        long idle = session.startSecond() - previousEnd;
        assertTrue(idle > SessionSchedule.SESSION_TIMEOUT.toSeconds(), session.toString());
      }
      assertTrue(session.startSecond() >= 0 && latestEnd <= period.toSeconds(), session.toString());
      previousEnd = latestEnd;
    }
  }

  private static List<SessionSchedule.Session> sessions(long events, Duration period, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    SessionSchedule schedule = new SessionSchedule(events, MEAN_SESSION_EVENTS, period);
    List<SessionSchedule.Session> sessions = new ArrayList<>();
    while (schedule.hasNextSession()) {
      sessions.add(schedule.nextSession(random));
    }
    return sessions;
  }
}
