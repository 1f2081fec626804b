package dev.concierge.models;

import static dev.concierge.models.Fixtures.SESSION_IDLE_TIMEOUT;
import static dev.concierge.models.Fixtures.T0;
import static dev.concierge.models.Fixtures.inSession;
import static dev.concierge.models.Fixtures.settings;
import static dev.concierge.models.Fixtures.view;
import static dev.concierge.models.Fixtures.vocabulary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * One event dated far in the future, counted at the node's horizon, leaves the customer's features
 * alive: interest keeps decaying towards what the shopper does now, and sessions still time out.
 */
class FutureDatedEventsTest {

  private static final Instant YEAR_9999 = Instant.parse("9999-01-01T00:00:00Z");
  private static final Duration SKEW = Duration.ofHours(1);

  private final FeatureSettings settings = settings();
  private final Vocabulary vocabulary = vocabulary();
  private final FeatureState state = new FeatureState(settings);

  /** The event, applied while the node's clock shows {@code now}. */
  private void applyAt(Instant now, CustomerEvent event, String category) {
    state.apply(event, category, vocabulary, settings, new EventHorizon.Live(Clock.fixed(now, ZoneOffset.UTC), SKEW));
  }

  @Test
  void affinityStillFollowsWhatTheShopperDoesAfterAnEventDated9999() {
    applyAt(T0, view("tent", T0), "tents");
    applyAt(T0, view("sock", YEAR_9999), "socks");
    Instant tenDaysLater = T0.plus(Duration.ofDays(10));

    applyAt(tenDaysLater, view("shoe", tenDaysLater), "shoes");

    CategoryAffinity affinity = state.view(vocabulary).categoryAffinity();
    assertTrue(affinity.share("shoes") > 0.99, "ten days and many half-lives later, today's interest leads: " + affinity);
    assertTrue(affinity.share("socks") < 0.01, "the future-dated event decayed like any other: " + affinity);
  }

  @Test
  void theSessionStillTimesOutAfterAnEventDated9999() {
    applyAt(T0, inSession(null, EventType.VIEW, "tent", T0), "tents");
    applyAt(T0, inSession(null, EventType.VIEW, "sock", YEAR_9999), "socks");
    // the future event counts at the horizon, an hour ahead; a longer idle gap after that ends the session
    Instant afterAnIdleGap = T0.plus(SKEW).plus(SESSION_IDLE_TIMEOUT).plusMillis(1);

    applyAt(afterAnIdleGap, inSession(null, EventType.VIEW, "shoe", afterAnIdleGap), "shoes");

    SessionFeatures session = state.view(vocabulary).session();
    assertEquals(1, session.events(), "a new session started: " + session);
    assertEquals(afterAnIdleGap, session.startedAt());
  }

  @Test
  void theLastEventTimeShownIsNoLaterThanTheHorizon() {
    applyAt(T0, view("sock", YEAR_9999), "socks");

    assertEquals(T0.plus(SKEW), state.view(vocabulary).lastEventAt());
  }
}
