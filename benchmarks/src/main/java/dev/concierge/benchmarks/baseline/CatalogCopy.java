package dev.concierge.benchmarks.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.engine.catalog.CatalogConsumer;
import dev.concierge.engine.catalog.CatalogSettings;
import dev.concierge.engine.catalog.CatalogView;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.Catalog;
import dev.concierge.persistence.json.CatalogJson;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's copy of the catalog topic, kept by the node's own {@link CatalogConsumer}, and a
 * wait for it at start. A node starts ingesting and deciding at once; a baseline role first waits
 * (at most {@code wait}) until the copy has caught up, so that a benchmark does not depend on which
 * of its processes read the catalog first.
 */
final class CatalogCopy {

  private static final Logger log = LoggerFactory.getLogger(CatalogCopy.class);
  private static final Duration POLL = Duration.ofMillis(50);

  private CatalogCopy() {}

  /** @param onChange told of every new catalog, as {@link CatalogView} tells */
  static CatalogView start(
      ActorSystem<?> system, Config concierge, KafkaSettings kafka, Consumer<Catalog> onChange, Duration wait)
      throws InterruptedException {
    CatalogSettings settings = CatalogSettings.fromConfig(concierge);
    CatalogView view = new CatalogView(onChange);
    UniqueKillSwitch consumer = CatalogConsumer.start(system, kafka, settings, view, new CatalogJson(new ObjectMapper()));
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseServiceStop(), "baseline-stop-catalog", () -> {
          consumer.shutdown();
          return CompletableFuture.completedFuture(Done.getInstance());
        });
    awaitSettled(view, settings.batchWindow(), wait, kafka.catalogTopic());
    return view;
  }

  /**
   * Until the catalog holds items and a whole batch window went by without a change: while records
   * keep coming, the consumer applies a batch at least once per window.
   */
  private static void awaitSettled(CatalogView view, Duration batchWindow, Duration wait, String topic)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    int size = 0;
    long unchangedSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      int now = view.get().size();
      if (now != size) {
        size = now;
        unchangedSince = System.nanoTime();
      } else if (size > 0 && System.nanoTime() - unchangedSince > batchWindow.toNanos()) {
        log.info("catalog from topic {}: {} items in {} categories", topic, size, view.get().categoryCount());
        return;
      }
      Thread.sleep(POLL.toMillis());
    }
    log.warn(
        "the catalog topic {} gave {} items within {}; going on (items without a category count no category"
            + " interest, as on a node without a catalog)", topic, size, wait);
  }
}
