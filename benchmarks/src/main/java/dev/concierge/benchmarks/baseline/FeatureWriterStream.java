package dev.concierge.benchmarks.baseline;

import dev.concierge.engine.ingestion.RecordBatch;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.logging.ThrottledWarning;
import dev.concierge.models.CustomerEvent;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.kafka.CommitterSettings;
import org.apache.pekko.kafka.ConsumerMessage;
import org.apache.pekko.kafka.ConsumerMessage.CommittableMessage;
import org.apache.pekko.kafka.ConsumerMessage.CommittableOffsetBatch;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Committer;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream processor of the baseline: reads the events topic under its own consumer group, gathers
 * the records that arrive while the previous batch is being written (at most {@code max-batch}),
 * lets a {@link FeatureUpdater} fold them into the keyed state and write the changed customers to
 * Redis, and commits the batch's offsets only after Redis acknowledged it. A record that is not an
 * event is counted, logged (throttled) and skipped. Any failure restarts the stream with backoff from
 * the last committed offsets, with a new, empty keyed state that fills again from Redis.
 */
final class FeatureWriterStream {

  private static final Logger log = LoggerFactory.getLogger(FeatureWriterStream.class);

  private final KafkaSettings kafka;
  private final WriterSettings settings;
  private final EventJson json;
  private final Supplier<FeatureUpdater> updaters;
  private final WriterCounts counts;
  private final ThrottledWarning invalidWarning;
  private final Executor executor;
  private final AtomicReference<Consumer.Control> control = new AtomicReference<>();
  private volatile boolean stopping;
  private CompletionStage<Done> done;

  private FeatureWriterStream(
      ActorSystem<?> system, KafkaSettings kafka, WriterSettings settings, EventJson json,
      Supplier<FeatureUpdater> updaters, WriterCounts counts) {
    this.kafka = kafka;
    this.settings = settings;
    this.json = json;
    this.updaters = updaters;
    this.counts = counts;
    this.invalidWarning = new ThrottledWarning(log, settings.warningEvery());
    this.executor = system.executionContext();
  }

  /** @param updaters a new keyed state for each start of the stream */
  static FeatureWriterStream start(
      ActorSystem<?> system, KafkaSettings kafka, WriterSettings settings, EventJson json,
      Supplier<FeatureUpdater> updaters, WriterCounts counts) {
    FeatureWriterStream writer = new FeatureWriterStream(system, kafka, settings, json, updaters, counts);
    writer.run(system);
    return writer;
  }

  private void run(ActorSystem<?> system) {
    CommitterSettings committerSettings = CommitterSettings.create(system);
    done =
        RestartSource.onFailuresWithBackoff(
                settings.restart().toRestartSettings(),
                () -> stopping ? Source.<Done>empty() : written(system).via(Committer.flow(committerSettings)))
            .runWith(Sink.ignore(), system);
    log.info(
        "writing the features of {} (Kafka {}, group {}) to Redis, at most {} records per batch",
        kafka.eventsTopic(), kafka.bootstrapServers(), settings.groupId(), settings.maxBatch());
  }

  /** The offsets of each batch, once its customers are in Redis. */
  private Source<ConsumerMessage.Committable, NotUsed> written(ActorSystem<?> system) {
    FeatureUpdater updater = updaters.get();
    return Consumer.committableSource(
            kafka.consumerSettings(system).withGroupId(settings.groupId()), Subscriptions.topics(kafka.eventsTopic()))
        .mapMaterializedValue(this::remember)
        .batch(settings.maxBatch(), RecordBatch::first, RecordBatch::added)
        .mapAsync(1, batch -> written(updater, batch));
  }

  private CompletionStage<ConsumerMessage.Committable> written(
      FeatureUpdater updater, List<CommittableMessage<String, byte[]>> batch) {
    List<CustomerEvent> events = new ArrayList<>(batch.size());
    List<ConsumerMessage.CommittableOffset> offsets = new ArrayList<>(batch.size());
    for (CommittableMessage<String, byte[]> message : batch) {
      offsets.add(message.committableOffset());
      ConsumerRecord<String, byte[]> record = message.record();
      ParsedEvent parsed = json.parse(record.value());
      if (parsed instanceof ParsedEvent.Valid valid) {
        events.add(valid.event());
      } else {
        counts.invalid();
        invalidWarning.warn(
            "skipping {}, not an event: {}",
            record.topic() + "-" + record.partition() + "@" + record.offset(), ((ParsedEvent.Invalid) parsed).reason());
      }
    }
    CommittableOffsetBatch committable = ConsumerMessage.createCommittableOffsetBatch(offsets);
    return updater.update(events).thenApplyAsync(written -> committable, executor);
  }

  private NotUsed remember(Consumer.Control current) {
    control.set(current);
    return NotUsed.getInstance();
  }

  /**
   * Stops taking records and lets the batches in flight finish; the stage completes once their
   * offsets are committed.
   */
  CompletionStage<Done> stop() {
    stopping = true;
    Consumer.Control current = control.get();
    if (current != null) {
      current.stop();
    }
    return done;
  }
}
