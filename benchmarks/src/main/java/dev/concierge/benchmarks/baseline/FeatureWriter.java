package dev.concierge.benchmarks.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.concierge.engine.catalog.CatalogView;
import dev.concierge.engine.logging.ThrottledWarning;
import dev.concierge.engine.model.TrendRecorder;
import dev.concierge.models.EventHorizon;
import dev.concierge.models.recommend.TrendingItems;
import dev.concierge.persistence.json.EventJson;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The baseline's stream processor, in a JVM of its own: the events topic into each customer's features,
 * kept in memory and written to Redis after every batch, and the live trends written to Redis on a
 * schedule.
 */
@Command(name = "FeatureWriter",
    description = {
        "The stream processor of the Redis baseline (benchmarks/README.md): reads the events topic under its own"
            + " consumer group, folds each event into the customer's features with the node's feature function and"
            + " dedupe window, writes every changed customer to Redis per batch and commits the offsets after Redis"
            + " acknowledged. Waits for the catalog topic first; then runs until SIGTERM."})
public final class FeatureWriter extends RoleCommand {

  private static final Logger log = LoggerFactory.getLogger(FeatureWriter.class);

  @Option(names = "--topic", paramLabel = "NAME", order = 10,
      description = "the events topic (kafka.events-topic, CONCIERGE_BASELINE_EVENTS_TOPIC; default customer-events)")
  private void topic(String topic) {
    set("kafka.events-topic", topic);
  }

  @Option(names = "--group", paramLabel = "ID", order = 11,
      description = "its consumer group (writer.group-id, CONCIERGE_BASELINE_WRITER_GROUP; default concierge-baseline)")
  private void group(String id) {
    set("writer.group-id", id);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new FeatureWriter()).execute(args));
  }

  @Override
  protected String systemName() {
    return "baseline-writer";
  }

  @Override
  protected void run(ActorSystem<?> system) {
    start(system);
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
