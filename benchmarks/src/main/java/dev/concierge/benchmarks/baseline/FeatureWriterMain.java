package dev.concierge.benchmarks.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.catalog.CatalogView;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.logging.ThrottledWarning;
import dev.concierge.engine.model.TrendRecorder;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.persistence.json.EventJson;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline's stream processor, in a JVM of its own: the events topic into each customer's features,
 * kept in memory and written to Redis after every batch, and the live trends written to Redis on a
 * schedule.
 */
public final class FeatureWriterMain {

  private static final Logger log = LoggerFactory.getLogger(FeatureWriterMain.class);

  static final CommandLine COMMAND_LINE = new CommandLine(String.join("\n",
      "Usage: java -cp <benchmarks classpath> " + FeatureWriterMain.class.getName() + " [options]",
      "",
      "The stream processor of the Redis baseline (benchmarks/README.md): reads the events topic under its own",
      "consumer group, folds each event into the customer's features with the node's feature function and",
      "dedupe window, writes every changed customer to Redis per batch and commits the offsets after Redis",
      "acknowledged. Waits for the catalog topic first; then runs until SIGTERM.",
      "",
      "Options (each sets a key of concierge.baseline; the environment variable sets it too):",
      "  --bootstrap HOST:PORT  Kafka (kafka.bootstrap-servers, CONCIERGE_BASELINE_KAFKA_BOOTSTRAP or",
      "                         CONCIERGE_KAFKA_BOOTSTRAP; default 127.0.0.1:9092)",
      "  --topic NAME           the events topic (kafka.events-topic, CONCIERGE_BASELINE_EVENTS_TOPIC;",
      "                         default customer-events)",
      "  --catalog-topic NAME   the catalog topic (kafka.catalog-topic, CONCIERGE_BASELINE_CATALOG_TOPIC; default catalog)",
      "  --group ID             its consumer group (writer.group-id, CONCIERGE_BASELINE_WRITER_GROUP;",
      "                         default concierge-baseline-writer)",
      "  --redis URI            Redis (redis.uri, CONCIERGE_BASELINE_REDIS_URI or CONCIERGE_REDIS_URI;",
      "                         default redis://127.0.0.1:6380)",
      "  --help                 this text"),
      Map.of(
          "--bootstrap", "concierge.baseline.kafka.bootstrap-servers",
          "--topic", "concierge.baseline.kafka.events-topic",
          "--catalog-topic", "concierge.baseline.kafka.catalog-topic",
          "--group", "concierge.baseline.writer.group-id",
          "--redis", "concierge.baseline.redis.uri"));

  private FeatureWriterMain() {}

  public static void main(String[] args) throws Exception {
    Config config = COMMAND_LINE.configOrExit(args);
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "baseline-writer", config);
    try {
      start(system);
    } catch (Exception e) {
      system.terminate();
      throw e;
    }
  }

  /** Starts everything the writer runs in {@code system}. */
  static FeatureWriter start(ActorSystem<?> system) throws InterruptedException {
    Config concierge = system.settings().config().getConfig("concierge");
    KafkaSettings kafka = BaselineKafka.fromConfig(concierge);
    WriterSettings settings = WriterSettings.fromConfig(concierge);
    RedisSettings redisSettings = RedisSettings.fromConfig(concierge);
    CustomerSettings customer = CustomerSettings.fromConfig(concierge);
    Executor executor = system.executionContext();

    RedisConnection redis = RedisConnection.open(redisSettings).closedOnShutdownOf(system);
    CatalogView catalog = CatalogCopy.start(system, concierge, kafka, updated -> { }, settings.catalogWait());
    Vocabulary vocabulary =
        new Vocabulary(concierge.getInt("vocabulary.max-items"), concierge.getInt("vocabulary.max-categories"));
    RedisStateStore store = new RedisStateStore(redis, redisSettings, FeatureCodec.of(system), executor);
    Config trending = concierge.getConfig("trending");
    TrendingItems trends = new TrendingItems(trending.getDuration("half-life").toMillis(), trending.getInt("top"));
    TrendRecorder trendRecorder = new TrendRecorder(trends, vocabulary, customer.features());
    WriterCounts counts = new WriterCounts();
    FeatureWriter writer =
        FeatureWriter.start(
            system, kafka, settings, new EventJson(new ObjectMapper()),
            () -> new FeatureUpdater(store, catalog, vocabulary, customer, trendRecorder, counts, executor),
            counts);

    ThrottledWarning trendsWarning = new ThrottledWarning(log, settings.warningEvery());
    RepeatedTask.start(
        system, "trends-publisher", settings.trendsPublishEvery(), settings.trendsPublishEvery(),
        () -> store.saveTrends(TrendsSnapshot.of(trends, vocabulary.items())).whenCompleteAsync(
            (saved, failure) -> {
              if (failure != null) {
                trendsWarning.warn("could not write the trends to Redis at {}: {}", redisSettings.uri(), failure.toString());
              }
            },
            executor));
    RepeatedTask.start(system, "report", settings.reportEvery(), settings.reportEvery(), () -> counts.report(log));
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseServiceRequestsDone(), "baseline-stop-writer",
        () -> writer.stop().thenApplyAsync(
            stopped -> {
              counts.report(log);
              return stopped;
            },
            executor));
    return writer;
  }
}
