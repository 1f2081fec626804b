package dev.concierge;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.kafka.KafkaTopics;
import org.apache.pekko.actor.typed.ActorSystem;

/** Starts one Concierge node: {@code java -Dconfig.resource=dev.conf dev.concierge.Main}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Config config = ConfigFactory.load();
    KafkaSettings kafka = KafkaSettings.fromConfig(config.getConfig("concierge"));
    if (kafka.createTopics()) {
      KafkaTopics.ensure(kafka.bootstrapServers(), kafka.topics(), kafka.topicReadyTimeout());
    }
    ActorSystem.create(Guardian.create(), config.getString("concierge.cluster.system-name"), config);
  }
}
