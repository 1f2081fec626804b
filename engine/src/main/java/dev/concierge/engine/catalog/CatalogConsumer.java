package dev.concierge.engine.catalog;

import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.kafka.KafkaTopics;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.persistence.json.CatalogJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.kafka.ConsumerSettings;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's {@link CatalogView} in step with the compacted {@code catalog} topic: it reads
 * every partition from the beginning by assignment, not as a consumer group, because every node
 * needs every item; it applies upserts and tombstones in batches. Partitions added to the topic later
 * are picked up at the next restart of the stream.
 */
public final class CatalogConsumer {

  private static final Logger log = LoggerFactory.getLogger(CatalogConsumer.class);

  private CatalogConsumer() {}

  public static UniqueKillSwitch start(
      ActorSystem<?> system, KafkaSettings kafka, CatalogSettings settings, CatalogView view, CatalogJson json) {
    // no consumer group and nothing committed: every node reads every partition from the start
    ConsumerSettings<String, byte[]> consumerSettings =
        kafka.consumerSettings(system).withProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return RestartSource.onFailuresWithBackoff(
            settings.restart().toRestartSettings(),
            () -> Source.completionStageSource(
                    KafkaTopics.partitionsOf(kafka.bootstrapServers(), kafka.catalogTopic())
                        .thenApplyAsync(
                            partitions -> Consumer.plainSource(consumerSettings, Subscriptions.assignment(partitions)),
                            system.executionContext()))
                .groupedWithin(settings.batchSize(), settings.batchWindow())
                .map(batch -> applyBatch(view, json, batch)))
        .viaMat(KillSwitches.single(), Keep.right())
        .to(Sink.ignore())
        .run(system);
  }

  // package-private for its test: the batches a stream would hand it
  static Catalog applyBatch(CatalogView view, CatalogJson json, List<ConsumerRecord<String, byte[]>> batch) {
    // last record per item wins, as compaction would have it; null marks a tombstone
    Map<String, CatalogItem> latest = new LinkedHashMap<>();
    int skipped = 0;
    for (ConsumerRecord<String, byte[]> record : batch) {
      if (record.value() == null) {
        if (record.key() != null) {
          latest.put(record.key(), null);
        }
        continue;
      }
      Optional<CatalogItem> item = json.parse(record.value());
      if (item.isPresent()) {
        latest.put(item.get().itemId(), item.get());
      } else {
        skipped++;
      }
    }
    List<CatalogItem> upserts = new ArrayList<>(latest.size());
    List<String> removals = new ArrayList<>();
    latest.forEach((itemId, item) -> {
      if (item == null) {
        removals.add(itemId);
      } else {
        upserts.add(item);
      }
    });
    Catalog catalog = view.apply(upserts, removals);
    if (skipped > 0) {
      log.warn("skipped {} catalog records that are not valid catalog items", skipped);
    }
    log.debug("catalog now holds {} items in {} categories", catalog.size(), catalog.categoryCount());
    return catalog;
  }
}
