package dev.concierge.models.recommend;

import dev.concierge.models.EventType;
import dev.concierge.models.FeatureSettings;
import java.time.Duration;
import java.util.Map;

/**
 * The feature settings and the recommender that the recommender tests share: here, in offline's training and
 * backtest tests (RecommenderFixtures), in the model hot-swap test and in the scorer benchmark.
 */
public final class TestRecommender {

  public static final FeatureSettings FEATURES =
      new FeatureSettings(
          Duration.ofDays(7), 10, 20,
          Map.of(EventType.VIEW, 1.0, EventType.CLICK, 2.0, EventType.ADD_TO_CART, 4.0, EventType.PURCHASE, 8.0),
          Duration.ofMinutes(30), 8, 4);

  public static final Recommender RECOMMENDER =
      new Recommender(new Recommender.Settings(300, 20, 3, 30, 20, 2, 20), FEATURES);

  private TestRecommender() {}
}
