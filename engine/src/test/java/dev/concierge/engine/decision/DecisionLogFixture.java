package dev.concierge.engine.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.models.RankedItem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;

/** A {@link KafkaDecisionLog} with {@code reference.conf}'s settings on a topic of its own, and its counters. */
final class DecisionLogFixture {

  final String topic = "decisions-" + Long.toString(System.nanoTime(), Character.MAX_RADIX);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final ObjectMapper mapper = new ObjectMapper();

  KafkaDecisionLog start(ActorSystem<?> system, String bootstrapServers) {
    return start(system, bootstrapServers, settings().closeTimeout());
  }

  /** With {@code closeTimeout} for a broker that is not there: stopping waits for it in vain. */
  KafkaDecisionLog start(ActorSystem<?> system, String bootstrapServers, Duration closeTimeout) {
    return KafkaDecisionLog.start(
        system, bootstrapServers, new DecisionLogSettings(topic, settings().producer(), closeTimeout),
        mapper.getFactory(), Clock.systemUTC(), new NodeMetrics(meters));
  }

  private DecisionLogSettings settings() {
    return DecisionLogSettings.fromConfig(topic, ConfigFactory.load().getConfig("concierge.decisions.log"));
  }

  double unlogged() {
    return meters.get("concierge.decisions.unlogged").counter().count();
  }

  static DecisionOutcome decision(String decisionId, String customerId) {
    return new DecisionOutcome(
        decisionId, customerId, "model-v1", null, null, false, List.of(new RankedItem("sku-1", 0.5, List.of())), null);
  }
}
