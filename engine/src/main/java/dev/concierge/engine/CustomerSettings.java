package dev.concierge.engine;

import com.typesafe.config.Config;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.recommend.Recommender;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Settings of {@link CustomerEntity}, read from {@code concierge.customer}, {@code concierge.features}
 * and {@code concierge.recommender}.
 *
 * @param snapshotEvery  a snapshot is taken after this many events
 * @param keepSnapshots  how many snapshots are kept (older ones and their events are not deleted)
 * @param dedupeWindow   how many recent event ids each customer remembers, to drop an event a client sent
 *                       twice (a Kafka redelivery is dropped by its offset instead)
 * @param merge          how a merge asks the other customer for its history
 */
public record CustomerSettings(
    int snapshotEvery,
    int keepSnapshots,
    int dedupeWindow,
    FeatureSettings features,
    Recommender.Settings recommender,
    Merge merge) {

  /**
   * {@code concierge.customer.merge}: each ask of the other customer for its history waits up to
   * {@code askTimeout}; a failed one is asked again after {@code retryBackoff}, {@code attempts} times in all.
   */
  public record Merge(Duration askTimeout, int attempts, Duration retryBackoff) {

    public static final Merge DEFAULT = new Merge(Duration.ofSeconds(1), 3, Duration.ofMillis(200));

    public Merge {
      if (askTimeout.toMillis() < 1 || attempts < 1 || retryBackoff.isNegative()) {
        throw new IllegalArgumentException(
            "concierge.customer.merge needs ask-timeout >= 1 ms, attempts >= 1 and retry-backoff >= 0");
      }
    }

    /** The longest one merge can hold its customer's later events back: every attempt timing out. */
    public Duration longestHandOver() {
      return askTimeout.multipliedBy(attempts).plus(retryBackoff.multipliedBy(attempts - 1L));
    }
  }

  /** The default merge settings. */
  public CustomerSettings(
      int snapshotEvery, int keepSnapshots, int dedupeWindow, FeatureSettings features, Recommender.Settings recommender) {
    this(snapshotEvery, keepSnapshots, dedupeWindow, features, recommender, Merge.DEFAULT);
  }

  public static CustomerSettings fromConfig(Config concierge) {
    Config customer = concierge.getConfig("customer");
    Config merge = customer.getConfig("merge");
    return new CustomerSettings(
        customer.getInt("snapshot-every"),
        customer.getInt("keep-snapshots"),
        customer.getInt("dedupe-window"),
        features(concierge.getConfig("features")),
        recommender(concierge.getConfig("recommender")),
        new Merge(merge.getDuration("ask-timeout"), merge.getInt("attempts"), merge.getDuration("retry-backoff")));
  }

  public static FeatureSettings features(Config features) {
    Map<EventType, Double> weights = new EnumMap<>(EventType.class);
    Config weightConfig = features.getConfig("affinity-weights");
    for (EventType type : EventType.interactions()) {
      weights.put(type, weightConfig.getDouble(type.wireName()));
    }
    return new FeatureSettings(
        features.getDuration("affinity-half-life"),
        features.getInt("recent-items"),
        features.getInt("purchased-items"),
        weights,
        features.getDuration("session-idle-timeout"),
        features.getInt("affinity-categories"),
        features.getInt("session-categories"));
  }

  private static Recommender.Settings recommender(Config recommender) {
    return new Recommender.Settings(
        recommender.getInt("candidate-pool"),
        recommender.getInt("popular-per-category"),
        recommender.getInt("favourite-categories"),
        recommender.getInt("popular-overall"),
        recommender.getInt("trending"),
        recommender.getInt("reasons-per-item"),
        recommender.getInt("collaborative-candidates"),
        new Recommender.PreRank(recommender.getInt("pre-rank.keep"), recommender.getInt("pre-rank.rounds")));
  }
}
