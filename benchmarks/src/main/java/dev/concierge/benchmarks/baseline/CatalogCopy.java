package dev.concierge.benchmarks.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.engine.catalog.CatalogConsumer;
import dev.concierge.engine.catalog.CatalogSettings;
import dev.concierge.engine.catalog.CatalogView;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.offline.replay.ReplaySourceException;
import dev.concierge.offline.replay.TopicRead;
import dev.concierge.persistence.json.CatalogJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's copy of the catalog topic. A node starts its {@link CatalogConsumer} and serves at
 * once; a baseline role first reads the topic to its end (at most {@code wait}), so that a benchmark
 * does not depend on which of its processes read the catalog first and a bundle is indexed against
 * the whole catalog; then the node's consumer keeps the copy up to date.
 */
final class CatalogCopy {

  private static final Logger log = LoggerFactory.getLogger(CatalogCopy.class);
  private static final IntPredicate NONE_PAUSED = partition -> false;

  private CatalogCopy() {}

  /** @param onChange told of every new catalog, as {@link CatalogView} tells */
  static CatalogView start(
      ActorSystem<?> system, Config concierge, KafkaSettings kafka, Consumer<Catalog> onChange, Duration wait) {
    CatalogJson json = new CatalogJson(new ObjectMapper());
    CatalogView view = new CatalogView(onChange);
    loadToEnd(view, kafka, json, wait);
    UniqueKillSwitch consumer = CatalogConsumer.start(system, kafka, CatalogSettings.fromConfig(concierge), view, json);
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseServiceStop(), "baseline-stop-catalog", () -> {
          consumer.shutdown();
          return CompletableFuture.completedFuture(Done.getInstance());
        });
    return view;
  }

  /**
   * Every partition from its start to the end it had when reading began, through the offline module's one
   * reader of whole topics; the last record per item wins.
   */
  private static void loadToEnd(CatalogView view, KafkaSettings kafka, CatalogJson json, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    Map<String, CatalogItem> latest = new LinkedHashMap<>();
    try (TopicRead read = TopicRead.open(kafka.bootstrapServers(), kafka.catalogTopic(), null, wait)) {
      while (!read.isDone() && System.nanoTime() < deadline) {
        read.poll(NONE_PAUSED, (partition, record) -> add(latest, record, json));
      }
      if (!read.isDone()) {
        log.warn("the catalog topic {} was not read to its end within {}; going on with what was read",
            kafka.catalogTopic(), wait);
      }
    } catch (ReplaySourceException e) {
      log.warn("the catalog topic {} could not be read within {} ({}); going on without a catalog until the"
          + " consumer gets one", kafka.catalogTopic(), wait, e.getMessage());
    }
    List<CatalogItem> items = latest.values().stream().filter(Objects::nonNull).toList();
    Catalog catalog = view.apply(items, List.of());
    log.info(
        "catalog from topic {}: {} items in {} categories", kafka.catalogTopic(), catalog.size(), catalog.categoryCount());
  }

  /** As the node's consumer applies a record: null marks a tombstone, a record that is not an item is skipped. */
  private static void add(Map<String, CatalogItem> latest, ConsumerRecord<byte[], byte[]> record, CatalogJson json) {
    if (record.value() == null) {
      if (record.key() != null) {
        latest.put(new String(record.key(), StandardCharsets.UTF_8), null);
      }
    } else {
      json.parse(record.value()).ifPresent(item -> latest.put(item.itemId(), item));
    }
  }
}
