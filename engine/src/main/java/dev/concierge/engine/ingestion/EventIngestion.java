package dev.concierge.engine.ingestion;

import dev.concierge.engine.CustomerEntity.SourcedEvent;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.engine.model.RecordedEventListener;
import dev.concierge.engine.tracing.Tracing;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.persistence.json.ParsedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.kafka.AutoSubscription;
import org.apache.pekko.kafka.CommitterSettings;
import org.apache.pekko.kafka.ConsumerMessage;
import org.apache.pekko.kafka.ConsumerMessage.Committable;
import org.apache.pekko.kafka.ConsumerMessage.CommittableMessage;
import org.apache.pekko.kafka.ConsumerMessage.CommittableOffset;
import org.apache.pekko.kafka.ConsumerMessage.CommittableOffsetBatch;
import org.apache.pekko.kafka.ConsumerRebalanceEvent;
import org.apache.pekko.kafka.ConsumerSettings;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Committer;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code customer-events} and asks each customer's actor to record its events. The records that
 * arrive while the customers are busy with earlier batches (and, when {@code batch-window} is set, those
 * read within it) form one batch; each customer's events in a batch go to its actor as commands of at most so many events and
 * bytes (small enough for one remoting frame), each persisted in one write, each event with its partition
 * and offset. A batch's
 * offsets are committed only after every actor in it confirmed the persist (or the dedupe), so a crash
 * redelivers rather than loses; each customer drops a redelivered record by its offset, since it keeps
 * the highest offset it persisted per partition. For that a customer's commands go one at a time, in
 * offset order ({@link CustomerTurns}): its next command waits until the one before is settled, its
 * events recorded or, when poison, in the dead-letter topic. Events whose persist is not
 * confirmed in time (Cassandra down or slow) are asked again with backoff while the stream waits, so
 * that an outage pauses ingestion instead of failing it. A record that is not a valid event
 * ({@link EventJson}: malformed, too large, or dated beyond this node's horizon) goes to the
 * dead-letter topic with the reason in a header, and the partition moves on; so does an event its
 * customer's actor cannot take ({@link CustomerRecorder}). Any other failure restarts the stream with
 * backoff from the last committed offset.
 *
 * <p>With tracing on, each record is a consumer span ({@link IngestionSpans}), continuing the trace its
 * {@code traceparent} header names.
 */
public final class EventIngestion {

  private static final Logger log = LoggerFactory.getLogger(EventIngestion.class);

  private final IngestionSettings settings;
  private final KafkaSettings kafka;
  private final EventJson json;
  private final DeadLetters deadLetters;
  private final Executor executor;
  private final RecordedEventListener onRecorded;
  private final Optional<ActorRef<ConsumerRebalanceEvent>> rebalanceListener;
  private final NodeMetrics metrics;
  private final Tracing tracing;
  private final CustomerRecorder recorder;
  private final IngestionProgress progress;
  private final StallWatch stallWatch;
  private final Cancellable stallChecks;
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
      Supplier<CompletionStage<Boolean>> journalReachable,
      NodeMetrics metrics,
      Tracing tracing) {
    this.kafka = kafka;
    this.tracing = tracing;
    this.settings = settings;
    this.json = json;
    this.executor = system.executionContext();
    this.deadLetters = new DeadLetters(producer, kafka.deadLetterTopic(), settings.deadLetters(), metrics, executor);
    this.onRecorded = onRecorded;
    this.rebalanceListener = rebalanceListener;
    this.metrics = metrics;
    this.recorder = new CustomerRecorder(
        new ShardedCustomers(system, settings.askTimeout()), journalReachable, settings.persistRetry(), system,
        executor, metrics);
    this.progress = new IngestionProgress(System::nanoTime, settings.stallAfter());
    this.stallWatch = new StallWatch(progress, settings.stallAfter());
    metrics.watchIngestionStall(stallWatch::stalledFor);
    this.stallChecks = system.scheduler().scheduleAtFixedRate(
        settings.stallCheckEvery(), settings.stallCheckEvery(), stallWatch::check, system.executionContext());
  }

  /**
   * @param rebalanceListener told which partitions this node consumes, when shards follow partitions
   * @param journalReachable  completes true when the journal's Cassandra answers: an unconfirmed event is
   *     then suspected of being poison rather than waiting out an outage
   */
  public static EventIngestion start(
      ActorSystem<?> system,
      KafkaSettings kafka,
      IngestionSettings settings,
      EventJson json,
      SendProducer<String, byte[]> producer,
      RecordedEventListener onRecorded,
      Optional<ActorRef<ConsumerRebalanceEvent>> rebalanceListener,
      Supplier<CompletionStage<Boolean>> journalReachable,
      NodeMetrics metrics,
      Tracing tracing) {
    EventIngestion ingestion = new EventIngestion(
        system, kafka, settings, json, producer, onRecorded, rebalanceListener, journalReachable, metrics, tracing);
    ingestion.run(system);
    return ingestion;
  }

  private void run(ActorSystem<?> system) {
    ConsumerSettings<String, byte[]> consumerSettings =
        metrics.kafkaClients().metered(kafka.consumerSettings(system).withGroupId(settings.groupId()), "ingestion");
    CommitterSettings committerSettings = CommitterSettings.create(system);
    done =
        RestartSource.onFailuresWithBackoff(
                settings.restart().toRestartSettings(),
                () -> stopping
                    ? Source.<Done>empty()
                    : Consumer.committableSource(consumerSettings, restartCounted())
                        .mapMaterializedValue(this::remember)
                        .via(batches())
                        .mapAsync(settings.parallelism(), inTurns(new CustomerTurns()))
                        .map(this::done)
                        .via(Committer.flow(committerSettings)))
            .runWith(Sink.ignore(), system);
    log.info(
        "ingesting {} as group {}: {} batches of up to {} records in flight, each gathered for up to {} ms",
        kafka.eventsTopic(), settings.groupId(), settings.parallelism(), settings.maxBatch(),
        settings.batchWindow().toMillis());
  }

  // by demand alone, a batch waits for nothing; by time as well, for Pekko's timer, which fires on the
  // scheduler's tick (docs/durability.md, "Batches by time")
  private Flow<CommittableMessage<String, byte[]>, List<CommittableMessage<String, byte[]>>, NotUsed> batches() {
    Flow<CommittableMessage<String, byte[]>, CommittableMessage<String, byte[]>, NotUsed> records = Flow.create();
    return settings.gathersByTime()
        ? records.groupedWithin(settings.maxBatch(), settings.batchWindow())
        : records.batch(settings.maxBatch(), RecordBatch::first, RecordBatch::added);
  }

  // the source is made once at start and again at every restart
  private AutoSubscription restartCounted() {
    if (starts.getAndIncrement() > 0) {
      metrics.ingestionRestarted();
    }
    progress.streamStarted();
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

  private Committable done(Committable offsets) {
    progress.batchDone();
    return offsets;
  }

  // each run of the stream takes its own turns: a restart forgets the customers whose group failed
  private Function<List<CommittableMessage<String, byte[]>>, CompletionStage<Committable>> inTurns(CustomerTurns turns) {
    return batch -> process(batch, turns);
  }

  private CompletionStage<Committable> process(List<CommittableMessage<String, byte[]>> batch, CustomerTurns turns) {
    progress.batchTaken();
    metrics.ingestionBatchTaken(batch.size());
    List<SourcedEvent> events = new ArrayList<>(batch.size());
    // the record each event came from, at the same index: a refused event goes to the dead letters as it came
    List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(batch.size());
    CustomerGroups groups = new CustomerGroups(settings.perCommand(), json::writtenSize);
    List<CompletableFuture<?>> handled = new ArrayList<>();
    List<CommittableOffset> offsets = new ArrayList<>(batch.size());
    IngestionSpans spans = IngestionSpans.of(tracing);
    for (CommittableMessage<String, byte[]> message : batch) {
      offsets.add(message.committableOffset());
      ConsumerRecord<String, byte[]> record = message.record();
      ParsedEvent parsed = json.parse(record.value());
      if (parsed instanceof ParsedEvent.Valid valid) {
        SourcedEvent event = spans.started(record, valid.event());
        groups.add(event);
        events.add(event);
        sources.add(record);
      } else {
        handled.add(deadLetters.send(record, ((ParsedEvent.Invalid) parsed).reason()).toCompletableFuture());
      }
    }
    // a poison event is dead-lettered before its customer's next event is asked, and a group is settled
    // (its customer's turn over) only when its events are recorded or dead-lettered. The recorder's stage
    // completes on the executor, never on the thread of the actor that answered, so counting goes on there
    // without another hop
    CustomerRecorder.Refusals refusals = refused -> {
      spans.refused(refused.sourced(), refused.reason());
      return deadLetters.send(sources.get(indexOf(refused.sourced(), events)), refused.reason());
    };
    for (List<SourcedEvent> group : groups.groups()) {
      handled.add(turns.take(group.get(0).event().customerId(), () -> recorder.record(group, refusals)
              .thenApply(outcomes -> counted(outcomes, spans)))
          .toCompletableFuture());
    }
    CommittableOffsetBatch committable = ConsumerMessage.createCommittableOffsetBatch(offsets);
    // on whichever thread settled the batch's last group or dead letter: it only hands the offsets to
    // mapAsync, which passes them to the stream's own actor
    return CompletableFuture.allOf(handled.toArray(CompletableFuture<?>[]::new)).thenApply(all -> committable);
  }

  // counts the recorded events; the refused ones were dead-lettered as they were refused
  private List<CustomerRecorder.Outcome> counted(List<CustomerRecorder.Outcome> outcomes, IngestionSpans spans) {
    for (CustomerRecorder.Outcome outcome : outcomes) {
      if (outcome instanceof CustomerRecorder.Recorded recorded) {
        metrics.eventRecorded(recorded.duplicate());
        spans.applied(recorded.sourced(), recorded.duplicate());
        if (!recorded.duplicate()) {
          onRecorded.recorded(recorded.sourced().event());
        }
      }
    }
    return outcomes;
  }

  // the refused events (rare) are found among the batch's by identity
  private static int indexOf(SourcedEvent event, List<SourcedEvent> events) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) == event) {
        return i;
      }
    }
    throw new IllegalStateException("event " + event.event().eventId() + " is not in its batch");
  }

  /** Whether ingestion moves, for {@code GET /health/ingestion}. */
  public StallWatch stallWatch() {
    return stallWatch;
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
    stallChecks.cancel();
    Consumer.Control current = control.get();
    if (current != null) {
      current.stop();
    }
    return done;
  }
}
