package dev.concierge.benchmarks.load;

import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Option;

/** Kafka and its events topic: options of the commands that read or write the topic (a picocli mixin). */
public final class EventsTopic {

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092",
      description = "Kafka (default ${DEFAULT-VALUE})")
  String bootstrap;

  @Option(names = "--topic", paramLabel = "T", defaultValue = "customer-events",
      description = "the events topic (default ${DEFAULT-VALUE})")
  String topic;

  public String topic() {
    return topic;
  }

  /** An admin client of the brokers, for the caller to close. */
  public Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    return Admin.create(props);
  }
}
