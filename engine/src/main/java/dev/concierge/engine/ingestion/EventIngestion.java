package dev.concierge.engine.ingestion;

import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.models.CustomerEvent;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.kafka.AutoSubscription;
import org.apache.pekko.kafka.CommitterSettings;
import org.apache.pekko.kafka.ConsumerMessage;
import org.apache.pekko.kafka.ConsumerMessage.Committable;
import org.apache.pekko.kafka.ConsumerMessage.CommittableMessage;
import org.apache.pekko.kafka.ConsumerMessage.CommittableOffsetBatch;
import org.apache.pekko.kafka.ConsumerRebalanceEvent;
import org.apache.pekko.kafka.ConsumerSettings;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Committer;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code customer-events} and asks each customer's actor to record its events. Records that
 * arrive while the customers are busy with earlier ones wait as one batch; each customer's events in
 * a batch go to its actor as commands of at most so many events and bytes (small enough for one
 * remoting frame), each persisted in one write. A batch's offsets are committed only
 * after every actor in it confirmed the persist (or the dedupe), so a crash redelivers rather than
 * loses; the actors' dedupe windows make the redelivery harmless. Events whose persist is not
 * confirmed in time (Cassandra down or slow) are asked again with backoff while the stream waits, so
 * that an outage pauses ingestion instead of failing it. A record that is not a valid event
 * ({@link EventJson}: malformed, too large, or dated beyond this node's horizon) goes to the
 * dead-letter topic with the reason in a header, and the partition moves on. Any other failure
 * restarts the stream with backoff from the last committed offset.
 */
public final class EventIngestion {

  private static final Logger log = LoggerFactory.getLogger(EventIngestion.class);
  private static final String SOURCE_HEADER = "concierge-source";

  private final ClusterSharding sharding;
  private final IngestionSettings settings;
  private final KafkaSettings kafka;
  private final EventJson json;
  private final SendProducer<String, byte[]> producer;
  private final Executor executor;
  private final RecordedEventListener onRecorded;
  private final Optional<ActorRef<ConsumerRebalanceEvent>> rebalanceListener;
  private final NodeMetrics metrics;
  private final PersistRetry retry;
  private final ActorSystem<?> system;
  private final AtomicInteger starts = new AtomicInteger();
  private final AtomicReference<Consumer.Control> control = new AtomicReference<>();
  private volatile boolean stopping;
  private CompletionStage<Done> done;

  private EventIngestion(
      ActorSystem<?> system,
      KafkaSettings kafka,
      IngestionSettings settings,
      EventJson json,
      SendProducer<String, byte[]> producer,
      RecordedEventListener onRecorded,
      Optional<ActorRef<ConsumerRebalanceEvent>> rebalanceListener,
      NodeMetrics metrics) {
    this.sharding = ClusterSharding.get(system);
    this.kafka = kafka;
    this.settings = settings;
    this.json = json;
    this.producer = producer;
    this.executor = system.executionContext();
    this.onRecorded = onRecorded;
    this.rebalanceListener = rebalanceListener;
    this.metrics = metrics;
    this.retry = settings.persistRetry();
    this.system = system;
  }

  /** @param rebalanceListener told which partitions this node consumes, when shards follow partitions */
  public static EventIngestion start(
      ActorSystem<?> system,
      KafkaSettings kafka,
      IngestionSettings settings,
      EventJson json,
      SendProducer<String, byte[]> producer,
      RecordedEventListener onRecorded,
      Optional<ActorRef<ConsumerRebalanceEvent>> rebalanceListener,
      NodeMetrics metrics) {
    EventIngestion ingestion =
        new EventIngestion(system, kafka, settings, json, producer, onRecorded, rebalanceListener, metrics);
    ingestion.run(system);
    return ingestion;
  }

  private void run(ActorSystem<?> system) {
    ConsumerSettings<String, byte[]> consumerSettings = kafka.consumerSettings(system).withGroupId(settings.groupId());
    CommitterSettings committerSettings = CommitterSettings.create(system);
    done =
        RestartSource.onFailuresWithBackoff(
                settings.restart().toRestartSettings(),
                () -> stopping
                    ? Source.<Done>empty()
                    : Consumer.committableSource(consumerSettings, restartCounted())
                        .mapMaterializedValue(this::remember)
                        .batch(settings.maxBatch(), RecordBatch::first, RecordBatch::added)
                        .mapAsync(settings.parallelism(), this::process)
                        .via(Committer.flow(committerSettings)))
            .runWith(Sink.ignore(), system);
    log.info(
        "ingesting {} as group {}: {} batches of up to {} records in flight",
        kafka.eventsTopic(), settings.groupId(), settings.parallelism(), settings.maxBatch());
  }

  // the source is made once at start and again at every restart
  private AutoSubscription restartCounted() {
    if (starts.getAndIncrement() > 0) {
      metrics.ingestionRestarted();
    }
    return subscription();
  }

  private AutoSubscription subscription() {
    AutoSubscription topic = Subscriptions.topics(kafka.eventsTopic());
    return rebalanceListener.map(listener -> topic.withRebalanceListener(Adapter.toClassic(listener))).orElse(topic);
  }

  private NotUsed remember(Consumer.Control current) {
    control.set(current);
    return NotUsed.getInstance();
  }

  private CompletionStage<Committable> process(List<CommittableMessage<String, byte[]>> batch) {
    CustomerGroups groups = new CustomerGroups(settings.perCommand());
    List<CompletableFuture<?>> handled = new ArrayList<>();
    for (CommittableMessage<String, byte[]> message : batch) {
      ConsumerRecord<String, byte[]> record = message.record();
      ParsedEvent parsed = json.parse(record.value());
      if (parsed instanceof ParsedEvent.Valid valid) {
        groups.add(valid.event(), record.value().length);
      } else {
        handled.add(deadLettered(record, ((ParsedEvent.Invalid) parsed).reason()).toCompletableFuture());
      }
    }
    for (List<CustomerEvent> group : groups.groups()) {
      handled.add(recorded(group).thenAcceptAsync(acks -> counted(group, acks), executor).toCompletableFuture());
    }
    CommittableOffsetBatch offsets =
        ConsumerMessage.createCommittableOffsetBatch(batch.stream().map(CommittableMessage::committableOffset).toList());
    return CompletableFuture.allOf(handled.toArray(CompletableFuture<?>[]::new))
        .thenApplyAsync(all -> offsets, executor);
  }

  private CompletionStage<?> deadLettered(ConsumerRecord<String, byte[]> record, String reason) {
    log.warn(
        "dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
    metrics.deadLettered();
    return producer.send(deadLetter(record, reason));
  }

  private void counted(List<CustomerEvent> group, CustomerEntity.EventAcks acks) {
    for (int i = 0; i < group.size(); i++) {
      boolean duplicate = acks.acks().get(i).duplicate();
      metrics.eventRecorded(duplicate);
      if (!duplicate) {
        onRecorded.recorded(group.get(i));
      }
    }
  }

  private CompletionStage<CustomerEntity.EventAcks> recorded(List<CustomerEvent> group) {
    return ask(group).exceptionallyComposeAsync(failure -> askedAgain(group, failure), executor);
  }

  private CompletionStage<CustomerEntity.EventAcks> ask(List<CustomerEvent> group) {
    return sharding
        .entityRefFor(CustomerEntity.ENTITY_KEY, group.get(0).customerId())
        .ask(replyTo -> new CustomerEntity.RecordEvents(group, replyTo), settings.askTimeout());
  }

  // Cassandra is down or slow. Holding these events holds their batch, and the batches after it
  // (mapAsync keeps order), so nothing later is committed past them; the Kafka consumer stays in its
  // group while it waits.
  private CompletionStage<CustomerEntity.EventAcks> askedAgain(List<CustomerEvent> group, Throwable failure) {
    if (metrics.persistWaitStarted() == 0) {
      log.warn(
          "ingestion is waiting: customer {} did not confirm {} events from {} on ({}); asking again every {} at"
              + " most, committing nothing past them until they are confirmed",
          group.get(0).customerId(), group.size(), group.get(0).eventId(), failure.toString(),
          retry.maxBackoff());
    }
    return Patterns.retry(
            () -> {
              metrics.persistRetried();
              return ask(group);
            },
            retry.attempts(), retry.minBackoff(), retry.maxBackoff(), retry.randomFactor(), system)
        .whenCompleteAsync(
            (acks, failed) -> {
              if (metrics.persistWaitEnded() == 0) {
                log.info(failed == null
                    ? "ingestion resumed: customers confirm their events again"
                    : "ingestion gives up waiting and restarts from the last committed offsets");
              }
            },
            executor);
  }

  private ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
    ProducerRecord<String, byte[]> dead =
        new ProducerRecord<>(kafka.deadLetterTopic(), record.key(), record.value());
    dead.headers().add(settings.reasonHeader(), reason.getBytes(StandardCharsets.UTF_8));
    String source = record.topic() + "-" + record.partition() + "@" + record.offset();
    dead.headers().add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
    return dead;
  }

  /** True while a consumer is attached to the topic (false during a restart backoff). */
  public boolean isRunning() {
    Consumer.Control current = control.get();
    return current != null && !current.isShutdown().toCompletableFuture().isDone() && !done.toCompletableFuture().isDone();
  }

  /**
   * Stops taking new records and lets those in flight finish; the stage completes once their offsets
   * are committed. A restart that was waiting in backoff does not start again.
   */
  public CompletionStage<Done> stop() {
    stopping = true;
    Consumer.Control current = control.get();
    if (current != null) {
      current.stop();
    }
    return done;
  }
}
