package dev.concierge.engine.triggers;

import com.typesafe.config.Config;
import dev.concierge.models.triggers.TriggerRules;
import java.time.Duration;

/**
 * The delivery triggers, read from {@code concierge.triggers}.
 *
 * @param enabled         whether customers evaluate the rules at all
 * @param recommendations how many of the shopper's top recommendations a trigger record carries
 * @param producer        the trigger log's own Kafka producer's properties ({@code ProducerConfig}'s names)
 * @param closeTimeout    how long stopping waits for the records still in the producer's buffer
 */
public record TriggerSettings(
    boolean enabled, TriggerRules rules, int recommendations, Config producer, Duration closeTimeout,
    WebhookSettings webhook) {

  static final String IDLE_TIMEOUT = "pekko.cluster.sharding.passivation.default-strategy.idle-entity.timeout";

  /**
   * Reads the settings and refuses a cart delay that passivation could swallow: timers live in the
   * customer's actor, which an idle timeout stops, and a stopped actor wakes only for its next message.
   */
  public static TriggerSettings fromConfig(Config root) {
    Config triggers = root.getConfig("concierge.triggers");
    TriggerSettings settings = new TriggerSettings(
        triggers.getBoolean("enabled"),
        rules(triggers),
        triggers.getInt("recommendations"),
        triggers.getConfig("log.producer"),
        triggers.getDuration("log.close-timeout"),
        WebhookSettings.fromConfig(triggers.getConfig("webhook")));
    Duration idle = root.getDuration(IDLE_TIMEOUT);
    Duration after = settings.rules.cartAbandoned().after();
    if (settings.enabled && settings.rules.cartAbandoned().enabled() && after.compareTo(idle) >= 0) {
      throw new IllegalArgumentException(
          "concierge.triggers.cart-abandoned.after (" + after + ") must be shorter than " + IDLE_TIMEOUT + " ("
              + idle + "): an idle customer's actor stops, and its pending cart timer with it");
    }
    return settings;
  }

  private static TriggerRules rules(Config triggers) {
    Config cart = triggers.getConfig("cart-abandoned");
    Config viewed = triggers.getConfig("category-viewed");
    Config stock = triggers.getConfig("back-in-stock");
    return new TriggerRules(
        new TriggerRules.CartAbandoned(
            cart.getBoolean("enabled"), cart.getDuration("after"), cart.getDuration("expire-after"),
            cart.getDuration("min-interval")),
        new TriggerRules.CategoryViewed(
            viewed.getBoolean("enabled"), viewed.getInt("times"), viewed.getDuration("min-interval")),
        new TriggerRules.BackInStock(
            stock.getBoolean("enabled"), stock.getDuration("check-every"), stock.getDuration("min-interval")),
        triggers.getInt("max-tracked"));
  }

  /** The rules customers evaluate: none while the triggers are off. */
  public TriggerRules activeRules() {
    return enabled ? rules : TriggerRules.OFF;
  }
}
