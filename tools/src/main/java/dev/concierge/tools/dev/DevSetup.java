package dev.concierge.tools.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.kafka.KafkaTopics;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.DemoCatalog;
import dev.concierge.persistence.json.CatalogJson;
import dev.concierge.tools.cli.Tool;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code concierge dev-setup}, the one-off preparation of {@code bin/concierge dev}: trains the dev
 * bundles if there are none yet, creates the topics and, when the catalog topic is still empty,
 * loads the demo catalog. Running it again changes nothing.
 */
@Command(
    name = "dev-setup",
    description = {
      "The one-off preparation of bin/concierge dev: trains the dev bundles into BUNDLES_DIR unless it holds some,"
          + " creates the topics and, when the catalog topic is still empty, loads the demo catalog. Running it"
          + " again changes nothing. Kafka at CONCIERGE_KAFKA_BOOTSTRAP."
    })
public final class DevSetup extends Tool {

  @Parameters(paramLabel = "BUNDLES_DIR", description = "the directory for the trained dev bundles")
  private Path bundles;

  @Override
  protected void run() throws Exception {
    setUp(ConfigFactory.load().getConfig("concierge"), bundles, out());
  }

  /** The setup with these settings (a node configuration's {@code concierge} block); progress to {@code out}. */
  static void setUp(Config settings, Path bundles, PrintStream out) throws Exception {
    Config demo = settings.getConfig("dev.demo-catalog");
    List<CatalogItem> items = DemoCatalog.generate(demo.getInt("items"), demo.getLong("seed"));
    DevBundles.ensure(bundles, settings, items, out);
    KafkaSettings kafka = KafkaSettings.fromConfig(settings);
    KafkaTopics.ensure(kafka.bootstrapServers(), kafka.topics(), kafka.topicReadyTimeout());
    out.println("topics ready: " + kafka.topics().stream().map(t -> t.name()).collect(Collectors.joining(", ")));

    long existing = recordsIn(kafka.bootstrapServers(), kafka.catalogTopic());
    if (existing > 0) {
      out.println("catalog topic already holds " + existing + " records; leaving it as it is");
      return;
    }
    load(kafka, items);
    out.println(
        "loaded the demo catalog: " + items.size() + " items in " + DemoCatalog.categories().size()
            + " categories into topic '" + kafka.catalogTopic() + "'");
  }

  private static long recordsIn(String bootstrapServers, String topic) throws ExecutionException, InterruptedException {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    try (Admin admin = Admin.create(props)) {
      int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      Map<TopicPartition, OffsetSpec> latest =
          java.util.stream.IntStream.range(0, partitions)
              .boxed()
              .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }
  }

  private static void load(KafkaSettings kafka, List<CatalogItem> items) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    CatalogJson json = new CatalogJson(new ObjectMapper());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (CatalogItem item : items) {
        producer.send(new ProducerRecord<>(kafka.catalogTopic(), item.itemId(), json.write(item)));
      }
      producer.flush();
    }
  }
}
