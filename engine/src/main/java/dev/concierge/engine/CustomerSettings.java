package dev.concierge.engine;

import com.typesafe.config.Config;
import dev.concierge.models.EventType;
import dev.concierge.models.FeatureSettings;
import dev.concierge.models.recommend.Recommender;
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
 */
public record CustomerSettings(
    int snapshotEvery,
    int keepSnapshots,
    int dedupeWindow,
    FeatureSettings features,
    Recommender.Settings recommender) {

  public static CustomerSettings fromConfig(Config concierge) {
    Config customer = concierge.getConfig("customer");
    return new CustomerSettings(
        customer.getInt("snapshot-every"),
        customer.getInt("keep-snapshots"),
        customer.getInt("dedupe-window"),
        features(concierge.getConfig("features")),
        recommender(concierge.getConfig("recommender")));
  }

  public static FeatureSettings features(Config features) {
    Map<EventType, Double> weights = new EnumMap<>(EventType.class);
    Config weightConfig = features.getConfig("affinity-weights");
    for (EventType type : EventType.values()) {
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
