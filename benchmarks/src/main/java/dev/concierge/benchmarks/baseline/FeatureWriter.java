package dev.concierge.benchmarks.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.engine.catalog.CatalogView;
import dev.concierge.engine.logging.ThrottledWarning;
import dev.concierge.engine.model.TrendRecorder;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.persistence.json.EventJson;
import java.util.List;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline's stream processor, in a JVM of its own: the events topic into each customer's features,
 * kept in memory and written to Redis after every batch, and the live trends written to Redis on a
 * schedule.
 */
public final class FeatureWriter {

  private static final Logger log = LoggerFactory.getLogger(FeatureWriter.class);

  static final RoleOptions COMMAND_LINE = RoleOptions.of(
      FeatureWriter.class,
      List.of(
          "The stream processor of the Redis baseline (benchmarks/README.md): reads the events topic under its own",
          "consumer group, folds each event into the customer's features with the node's feature function and",
          "dedupe window, writes every changed customer to Redis per batch and commits the offsets after Redis",
          "acknowledged. Waits for the catalog topic first; then runs until SIGTERM."),
      List.of(
          new RoleOptions.Option("--topic NAME", "concierge.baseline.kafka.events-topic",
              "the events topic (kafka.events-topic, CONCIERGE_BASELINE_EVENTS_TOPIC;\ndefault customer-events)"),
          new RoleOptions.Option("--group ID", "concierge.baseline.writer.group-id",
              "its consumer group (writer.group-id, CONCIERGE_BASELINE_WRITER_GROUP;\ndefault concierge-baseline)")));

  private FeatureWriter() {}

  public static void main(String[] args) throws Exception {
    COMMAND_LINE.run(args, "baseline-writer", FeatureWriter::start);
  }

  /** Starts everything the writer runs in {@code system}. */
  static FeatureWriterStream start(ActorSystem<?> system) {
    RoleSetup role = RoleSetup.of(system);
    WriterSettings settings = WriterSettings.fromConfig(role.concierge());
    CatalogView catalog = CatalogCopy.start(system, role.concierge(), role.kafka(), updated -> { }, settings.catalogWait());
    Config trending = role.concierge().getConfig("trending");
    TrendingItems trends = new TrendingItems(trending.getDuration("half-life").toMillis(), trending.getInt("top"));
    TrendRecorder trendRecorder = new TrendRecorder(trends, role.vocabulary(), role.customer().features(), EventHorizon.NONE);
    WriterCounts counts = new WriterCounts();
    FeatureWriterStream writer =
        FeatureWriterStream.start(
            system, role.kafka(), settings, new EventJson(new ObjectMapper()),
            () -> new FeatureUpdater(
                role.redis(), catalog, role.vocabulary(), role.customer(), trendRecorder, counts, role.executor()),
            counts);

    ThrottledWarning trendsWarning = new ThrottledWarning(log, settings.warningEvery());
    RepeatedTask.start(
        system, "trends-publisher", settings.trendsPublishEvery(), settings.trendsPublishEvery(),
        () -> role.redis().saveTrends(TrendsSnapshot.of(trends, role.vocabulary().items())).whenCompleteAsync(
            (saved, failure) -> {
              if (failure != null) {
                trendsWarning.warn(
                    "could not write the trends to Redis at {}: {}", role.redisSettings().uri(), failure.toString());
              }
            },
            role.executor()));
    RepeatedTask.start(system, "report", settings.reportEvery(), settings.reportEvery(), () -> counts.report(log));
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseServiceRequestsDone(), "baseline-stop-writer",
        () -> writer.stop().thenApplyAsync(
            stopped -> {
              counts.report(log);
              return stopped;
            },
            role.executor()));
    return writer;
  }
}
