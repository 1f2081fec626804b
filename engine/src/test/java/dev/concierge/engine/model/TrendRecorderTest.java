package dev.concierge.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.TrendingItems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One event dated 9999 neither zeroes the node's trends nor stops them from following what happens now. */
class TrendRecorderTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Duration HALF_LIFE = Duration.ofHours(1);
  private static final Duration SKEW = Duration.ofHours(1);
  private static final int TOP = 10;

  private final FeatureSettings weights =
      CustomerSettings.fromConfig(ConfigFactory.load().getConfig("concierge")).features();
  private final Vocabulary vocabulary = new Vocabulary(1_000, 100);
  private final TrendingItems trends = new TrendingItems(HALF_LIFE.toMillis(), TOP);
  private final TrendRecorder recorder =
      new TrendRecorder(trends, vocabulary, weights, new EventHorizon.Live(Clock.fixed(NOW, ZoneOffset.UTC), SKEW));

  // only items with a shared code trend, as the catalog's have on a node
  @BeforeEach
  void catalogue() {
    List.of("tent", "sock", "comet").forEach(vocabulary.items()::intern);
  }

  @Test
  void anEventDated9999LeavesEveryOtherItemsScoreAndTheirOrder() {
    view("tent", NOW);
    view("tent", NOW);
    view("sock", NOW);

    view("comet", Instant.parse("9999-01-01T00:00:00Z"));

    assertTrue(score("sock") > 0, "sock still trends: " + score("sock"));
    assertEquals(2 * score("sock"), score("tent"), 1e-6 * score("tent"), "and tent still trends twice as much");
  }

  @Test
  void eventsAfterAnEventDated9999StillCount() {
    view("comet", Instant.parse("9999-01-01T00:00:00Z"));

    view("tent", NOW.plusSeconds(60));

    assertTrue(score("tent") > score("comet") / 4, "an event of now counts nearly as much as the clamped one: "
        + score("tent") + " against " + score("comet"));
  }

  @Test
  void anEventAtTheEndOfTimeIsRecordedWithoutThrowing() {
    view("tent", NOW);

    view("comet", Instant.MAX);

    assertTrue(score("tent") > 0);
  }

  private void view(String item, Instant at) {
    recorder.recorded(CustomerEvent.of("e-" + item + "@" + at, "c-1", EventType.VIEW, item, at));
  }

  private double score(String item) {
    return trends.scoreOf(vocabulary.items().codeOf(item));
  }
}
