package dev.concierge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.recommend.HistoryReplay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The feature function never throws for an event that passed validation, whatever its values: times
 * from {@link Instant#MIN} to {@link Instant#MAX}, prices up to {@link Double#MAX_VALUE}, quantities up
 * to {@link Integer#MAX_VALUE}; and, beyond what validation lets in, empty and huge strings. What it
 * keeps stays readable: finite averages, shares in [0, 1], a snapshot that recovers to the same
 * picture, and no time later than the horizon.
 */
class FeatureStateExtremesTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final String HUGE = "x".repeat(1 << 17);
  // small, so that full vocabularies and evicted categories are exercised too
  private static final int VOCABULARY_ITEMS = 8;
  private static final int VOCABULARY_CATEGORIES = 4;
  private static final int MAX_EVENTS = 30;
  private static final int MAX_STRING = 20;
  private static final int MAX_CONTEXT = 3;

  private final FeatureSettings settings = Fixtures.settings();

  @Property(tries = 300)
  void applyNeverThrowsAndKeepsEveryFeatureReadable(
      @ForAll("histories") List<Categorised> events,
      @ForAll("horizons") EventHorizon horizon) {
    Vocabulary vocabulary = new Vocabulary(VOCABULARY_ITEMS, VOCABULARY_CATEGORIES);
    FeatureState state = new FeatureState(settings);

    for (Categorised event : events) {
      state.apply(event.event(), event.category(), vocabulary, settings, horizon);
    }

    assertEquals(events.size(), state.eventCount());
    double average = state.averagePricePaid();
    assertTrue(Double.isFinite(average) && average >= 0, "average price paid " + average);
    assertTrue(state.lastEventAtMillis() <= horizon.latestMillis(), "no event counts beyond the horizon");
    CustomerFeatures features = state.view(vocabulary);
    features.categoryAffinity().shares().values()
        .forEach(share -> assertTrue(share >= 0 && share <= 1, "share " + share));
    assertEquals(features, FeatureState.of(features, vocabulary, settings).view(vocabulary),
        "a snapshot of the state recovers to the same picture");
  }

  @Property(tries = 100)
  void offlineReplayTakesAnyRepresentableTime(@ForAll("histories") List<Categorised> events) {
    HistoryReplay replay = new HistoryReplay(settings, new Vocabulary(VOCABULARY_ITEMS, VOCABULARY_CATEGORIES), Catalog.EMPTY);
    List<EventRecorded> recorded = events.stream().map(e -> new EventRecorded(e.event(), e.category())).toList();

    long applied = replay.replayRecorded(recorded, Instant.MAX, (event, state) -> { });

    long beforeTheEnd = events.stream().takeWhile(e -> e.event().timestamp().isBefore(Instant.MAX)).count();
    assertEquals(beforeTheEnd, applied);
  }

  /** An event with the category it was recorded with. */
  record Categorised(CustomerEvent event, String category) {}

  record SessionContext(String sessionId, Map<String, String> context) {}

  @Provide
  Arbitrary<List<Categorised>> histories() {
    return events().list().ofMinSize(1).ofMaxSize(MAX_EVENTS);
  }

  private static Arbitrary<Categorised> events() {
    // jqwik combines at most eight arbitraries, so the session and its context come as one
    Arbitrary<SessionContext> sessions =
        Combinators.combine(strings().injectNull(0.3), contexts()).as(SessionContext::new);
    Arbitrary<CustomerEvent> events = Combinators.combine(
            strings(), strings(), Arbitraries.of(EventType.interactions()), strings(), timestamps(), prices(), quantities(), sessions)
        .as((eventId, customerId, type, itemId, timestamp, price, quantity, session) -> new CustomerEvent(
            eventId, customerId, type, itemId, timestamp, price, quantity, session.sessionId(), session.context()));
    return Combinators.combine(events, strings().injectNull(0.2)).as(Categorised::new);
  }

  @Provide
  Arbitrary<EventHorizon> horizons() {
    return Arbitraries.of(
        EventHorizon.NONE,
        new EventHorizon.Live(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO),
        new EventHorizon.Live(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1)));
  }

  private static Arbitrary<Instant> timestamps() {
    Arbitrary<Instant> anyRepresentable = Combinators.combine(
            Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
    Arbitrary<Instant> nearNow = Arbitraries.longs().between(-Duration.ofDays(30).toMillis(), Duration.ofDays(30).toMillis())
        .map(NOW::plusMillis);
    Arbitrary<Instant> edges = Arbitraries.of(
        Instant.MIN, Instant.MAX, Instant.EPOCH, NOW,
        Instant.ofEpochMilli(Long.MAX_VALUE), Instant.ofEpochMilli(Long.MIN_VALUE),
        Instant.ofEpochMilli(EventTime.LATEST_MILLIS).plusSeconds(1),
        Instant.ofEpochMilli(EventTime.EARLIEST_MILLIS).minusSeconds(1),
        Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+1000000000-01-01T00:00:00Z"));
    return Arbitraries.frequencyOf(
        Tuple.of(2, anyRepresentable), Tuple.of(3, nearNow), Tuple.of(2, edges));
  }

  // what validation lets in: absent, or a finite number >= 0
  private static Arbitrary<Double> prices() {
    return Arbitraries.oneOf(
            Arbitraries.doubles().between(0, Double.MAX_VALUE),
            Arbitraries.of(0.0, Double.MIN_VALUE, 1e300, Double.MAX_VALUE))
        .injectNull(0.2);
  }

  // what validation lets in: an integer >= 1
  private static Arbitrary<Integer> quantities() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, Integer.MAX_VALUE), Arbitraries.of(1, Integer.MAX_VALUE));
  }

  private static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(MAX_STRING),
        Arbitraries.strings().withCharRange('a', 'c').ofMinLength(1).ofMaxLength(2),
        Arbitraries.of("", HUGE));
  }

  private static Arbitrary<Map<String, String>> contexts() {
    return Arbitraries.maps(strings(), strings()).ofMaxSize(MAX_CONTEXT);
  }
}
