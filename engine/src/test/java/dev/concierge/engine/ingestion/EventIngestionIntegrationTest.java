package dev.concierge.engine.ingestion;

import dev.concierge.engine.tracing.Tracing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.health.JournalProbe;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.kafka.KafkaTopics;
import dev.concierge.engine.metrics.NodeMetrics;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.RealServices;
import dev.concierge.testing.TopicRecords;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.kafka.ProducerSettings;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ingestion on a real Kafka broker, against a stand-in customer entity that stays silent for the
 * first deliveries of an event, as a customer whose persist does not complete would (Cassandra down),
 * and never confirms a poison event although it answers reads and the real Cassandra answers; and at a
 * low rate, where records produced together must still go to their customers together.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventIngestionIntegrationTest {

  // fewer silences than retries: the event waits in the stream; more: the stream gives up and restarts
  private static final int RETRIES = 3;
  private static final Map<String, Integer> SILENT_DELIVERIES =
      Map.of("e-1", 2, "e-2", RETRIES + 2, "e-stall", RETRIES + 1);
  // e-stall's silent asks take 4 x the ask timeout at least: longer than this
  private static final Duration STALL_AFTER = Duration.ofMillis(800);
  // never confirmed, while the stand-in answers reads: what an event its actor fails on looks like
  private static final String POISON = "poison-";
  private static final String POISONED_CUSTOMER = "c-poisoned-";
  private static final int ISOLATE_AFTER = 1;
  private static final Duration DEAD_LETTERS_READ = Duration.ofSeconds(5);
  private static final Duration SETTLE = Duration.ofSeconds(30);

  private final String id = Long.toString(System.nanoTime(), Character.MAX_RADIX);
  private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
  private final List<CustomerEvent> recorded = new CopyOnWriteArrayList<>();
  // the event ids of every RecordEvents command the stand-in was sent, in the order it got them
  private final List<List<String>> commands = new CopyOnWriteArrayList<>();
  private ActorTestKit testKit;
  private KafkaSettings kafka;
  private IngestionSettings settings;
  private EventIngestion ingestion;
  private SendProducer<String, byte[]> producer;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeAll
  void startIngestion() {
    Config config =
        ConfigFactory.parseString(
                String.join(
                    "\n",
                    "pekko.actor.provider = cluster",
                    "pekko.remote.artery.canonical.port = 0",
                    "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on",
                    "concierge.kafka.bootstrap-servers = \"" + RealServices.kafkaBootstrap() + "\"",
                    "concierge.kafka.topics.events = \"ingestion-" + id + "\"",
                    "concierge.kafka.topics.dead-letters = \"ingestion-" + id + ".dlq\"",
                    "concierge.kafka.topics.catalog = \"ingestion-catalog-" + id + "\"",
                    "concierge.kafka.topics.decisions = \"ingestion-decisions-" + id + "\"",
                    "concierge.kafka.topics.events-partitions = 1",
                    "concierge.ingestion.group-id = \"ingestion-it-" + id + "\"",
                    "concierge.ingestion.ask-timeout = 300ms",
                    // records produced together gather into one batch only within a window (off by default)
                    "concierge.ingestion.batch-window = 20ms",
                    "concierge.ingestion.persist-retry.attempts = " + RETRIES,
                    "concierge.ingestion.persist-retry.isolate-after = " + ISOLATE_AFTER,
                    "concierge.ingestion.stall-after = " + STALL_AFTER.toMillis() + "ms",
                    "concierge.ingestion.stall-check-every = 100ms",
                    "concierge.cassandra.contact-point = \"" + RealServices.cassandraContactPoint() + "\"",
                    "concierge.ingestion.persist-retry.min-backoff = 50ms",
                    "concierge.ingestion.persist-retry.max-backoff = 200ms",
                    "concierge.ingestion.restart.min-backoff = 100ms",
                    "concierge.ingestion.restart.max-backoff = 500ms"))
            .withFallback(ConfigFactory.load())
            .resolve();
    testKit = ActorTestKit.create("ingestion", config);
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    ClusterSharding.get(testKit.system()).init(Entity.of(CustomerEntity.ENTITY_KEY, ctx -> silentAtFirst(ctx.getEntityId())));

    Config concierge = config.getConfig("concierge");
    kafka = KafkaSettings.fromConfig(concierge);
    settings = IngestionSettings.fromConfig(config);
    KafkaTopics.ensure(kafka.bootstrapServers(), kafka.topics(), kafka.topicReadyTimeout());
    producer =
        new SendProducer<>(
            ProducerSettings.create(testKit.system(), new StringSerializer(), new ByteArraySerializer())
                .withBootstrapServers(kafka.bootstrapServers()),
            testKit.system());
    ingestion =
        EventIngestion.start(
            testKit.system(), kafka, settings, new EventJson(new ObjectMapper()), producer, recorded::add, Optional.empty(),
            new JournalProbe(testKit.system())::reachable, new NodeMetrics(meters), Tracing.off());
  }

  @AfterAll
  void stop() throws Exception {
    ingestion.stop().toCompletableFuture().get(SETTLE.toSeconds(), TimeUnit.SECONDS);
    producer.close().toCompletableFuture().get(SETTLE.toSeconds(), TimeUnit.SECONDS);
    testKit.shutdownTestKit();
  }

  @Test
  void anUnconfirmedEventIsAskedAgainWhileItsPartitionWaitsAndItsOffsetIsCommittedOnlyOnceConfirmed() throws Exception {
    double restartsBefore = count("concierge.ingestion.restarts");
    double retriesBefore = count("concierge.ingestion.retries");
    long offset = produce("c-1", event("e-1", "c-1"));

    // until the delivery that is confirmed, its offset must not be committed (a commit stays, so any look
    // after a premature one sees it)
    int confirmedDelivery = SILENT_DELIVERIES.get("e-1") + 1;
    List<Long> committedWhileUnconfirmed = new ArrayList<>();
    Eventually.within(SETTLE, "the event is delivered for the confirmed time", () -> {
      committedWhileUnconfirmed.add(committedOffset());
      return deliveries.getOrDefault("e-1", new AtomicInteger()).get() >= confirmedDelivery;
    });
    Eventually.within(SETTLE, "the event's offset is committed", () -> committedOffset() == offset + 1);

    assertTrue(committedWhileUnconfirmed.size() > 1, "the offsets were looked at while the event was unconfirmed");
    assertTrue(committedWhileUnconfirmed.stream().allMatch(committed -> committed <= offset),
        "nothing past the event was committed before it was confirmed: " + committedWhileUnconfirmed);
    assertEquals(confirmedDelivery, deliveries.get("e-1").get());
    assertEquals((double) SILENT_DELIVERIES.get("e-1"), count("concierge.ingestion.retries") - retriesBefore);
    assertEquals(restartsBefore, count("concierge.ingestion.restarts"), "the stream waited instead of restarting");
    assertEquals(0, meters.get("concierge.ingestion.waiting").gauge().value(), "nothing waits any more");
    assertTrue(recorded.stream().filter(event -> event.eventId().equals("e-1")).count() == 1, "listeners hear of it once");
  }

  @Test
  void anEventWaitedForLongerThanStallAfterShowsAsAStallUntilItIsConfirmed() throws Exception {
    Eventually.within(SETTLE, "what earlier tests left in flight is done", () -> ingestion.stallWatch().problem().isEmpty());
    long offset = produce("c-stall", event("e-stall", "c-stall"));

    Eventually.within(SETTLE, "ingestion is reported stalled, in the health check and the metric",
        () -> ingestion.stallWatch().problem().isPresent()
            && meters.get("concierge.ingestion.stalled").gauge().value() >= STALL_AFTER.toMillis() / 1000.0);
    Eventually.within(SETTLE, "the event's offset is committed", () -> committedOffset() == offset + 1);

    assertTrue(ingestion.stallWatch().problem().isEmpty(), "no stall once the event is confirmed");
    assertEquals(0, meters.get("concierge.ingestion.stalled").gauge().value());
  }

  @Test
  void anEventStillUnconfirmedAfterTheLastRetryRestartsTheStreamWhichReadsItAgainFromTheCommittedOffset()
      throws Exception {
    double restartsBefore = count("concierge.ingestion.restarts");
    long offset = produce("c-2", event("e-2", "c-2"));

    Eventually.within(SETTLE, "the event's offset is committed", () -> committedOffset() == offset + 1);

    assertEquals(SILENT_DELIVERIES.get("e-2") + 1, deliveries.get("e-2").get());
    assertEquals(restartsBefore + 1, count("concierge.ingestion.restarts"), "one restart, after the first "
        + (RETRIES + 1) + " asks");
    assertTrue(ingestion.isRunning(), "the restarted stream keeps running");
  }

  @Test
  void anEventItsActorNeverTakesWhileCassandraAndTheActorAnswerGoesToTheDeadLettersAndThePartitionMovesOn()
      throws Exception {
    double restartsBefore = count("concierge.ingestion.restarts");
    String customer = POISONED_CUSTOMER + "1";
    produce(customer, event("before-poison", customer));
    long poison = produce(customer, event(POISON + "1", customer));
    produce(customer, event("after-poison", customer));
    long last = produce("c-5", event("e-5", "c-5"));

    Eventually.within(SETTLE, "every offset is committed, past the poison event", () -> committedOffset() == last + 1);

    // the offsets are committed only once the dead letter is sent: a second one, if any, is there by now
    List<ConsumerRecord<byte[], byte[]>> deadLetters =
        TopicRecords.fromStart(kafka.bootstrapServers(), kafka.deadLetterTopic(), 2, DEAD_LETTERS_READ);
    assertEquals(1, deadLetters.size(), "only the poison event is dead-lettered");
    ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
    assertEquals(event(POISON + "1", customer), new String(deadLetter.value(), StandardCharsets.UTF_8));
    String reason = new String(deadLetter.headers().lastHeader(settings.deadLetters().reasonHeader()).value(), StandardCharsets.UTF_8);
    assertTrue(reason.contains(POISON + "1") && reason.contains(customer), reason);
    assertEquals(kafka.eventsTopic() + "-0@" + poison,
        new String(deadLetter.headers().lastHeader("concierge-source").value(), StandardCharsets.UTF_8));
    List<String> recordedIds = recorded.stream().map(CustomerEvent::eventId).toList();
    assertTrue(recordedIds.containsAll(List.of("before-poison", "after-poison", "e-5")), recordedIds.toString());
    assertTrue(recordedIds.indexOf("before-poison") < recordedIds.indexOf("after-poison"),
        "the customer's events keep their order: " + recordedIds);
    assertFalse(recordedIds.contains(POISON + "1"));
    assertEquals(restartsBefore, count("concierge.ingestion.restarts"), "the partition moved on without a restart");
  }

  @Test
  void recordsProducedCloseTogetherAtALowRateGoAsOneBatchAndOneCommandPerCustomerInTheirOrderOnce()
      throws Exception {
    Eventually.within(SETTLE, "what earlier tests left in flight is done", () -> ingestion.stallWatch().problem().isEmpty());
    DistributionSummary batches = meters.get("concierge.ingestion.batch.records").summary();
    long batchesBefore = batches.count();
    double recordsBefore = batches.totalAmount();
    List<String> ids = List.of("close-a1", "close-b1", "close-a2", "close-b2", "close-a3", "close-b3", "close-a4");
    List<Map.Entry<String, String>> records = ids.stream()
        .map(eventId -> Map.entry("c-" + eventId.substring(0, eventId.length() - 1), eventId))
        .map(keyed -> Map.entry(keyed.getKey(), event(keyed.getValue(), keyed.getKey())))
        .toList();

    // a trickle, not a flood: seven records in one produce request, then nothing
    long last = produceTogether(records);
    Eventually.within(SETTLE, "every offset is committed", () -> committedOffset() == last + 1);

    assertEquals(1, batches.count() - batchesBefore, "one batch");
    assertEquals(ids.size(), batches.totalAmount() - recordsBefore, "of all the records");
    List<List<String>> closeCommands =
        commands.stream().filter(command -> command.get(0).startsWith("close-")).toList();
    // the two customers' actors are asked at once, so either may be first
    assertEquals(2, closeCommands.size(), "one command per customer: " + closeCommands);
    assertEquals(Set.of(List.of("close-a1", "close-a2", "close-a3", "close-a4"), List.of("close-b1", "close-b2",
        "close-b3")), Set.copyOf(closeCommands), "each customer's events in their order");
    List<String> heard = recorded.stream().map(CustomerEvent::eventId).filter(id -> id.startsWith("close-")).toList();
    assertEquals(List.of("close-a1", "close-a2", "close-a3", "close-a4"),
        heard.stream().filter(id -> id.startsWith("close-a")).toList(), "listeners hear each once, in order");
    assertEquals(List.of("close-b1", "close-b2", "close-b3"),
        heard.stream().filter(id -> id.startsWith("close-b")).toList(), "listeners hear each once, in order");
  }

  private static String event(String eventId, String customerId) {
    return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"" + customerId + "\",\"type\":\"view\","
        + "\"itemId\":\"sku-1\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";
  }

  private double count(String counter) {
    return meters.get(counter).counter().count();
  }

  private Behavior<CustomerEntity.Command> silentAtFirst(String customerId) {
    boolean answersReads = customerId.startsWith(POISONED_CUSTOMER);
    return Behaviors.receiveMessage(
        command -> {
          // the customers silent on e-1 and e-2 stand for a Cassandra outage: they cannot recover to answer reads
          if (command instanceof CustomerEntity.GetFeatures read && answersReads) {
            read.replyTo().tell(CustomerFeatures.EMPTY);
          }
          if (command instanceof CustomerEntity.RecordEvents record) {
            commands.add(record.events().stream().map(event -> event.event().eventId()).toList());
            boolean silent = false;
            for (CustomerEvent event : record.events().stream().map(CustomerEntity.SourcedEvent::event).toList()) {
              int delivery = deliveries.computeIfAbsent(event.eventId(), e -> new AtomicInteger()).incrementAndGet();
              silent |= delivery <= SILENT_DELIVERIES.getOrDefault(event.eventId(), 0)
                  || event.eventId().startsWith(POISON);
            }
            if (!silent) {
              record.replyTo().tell(new CustomerEntity.EventAcks(
                  record.events().stream().map(event -> new CustomerEntity.EventAck(event.event().eventId(), false))
                      .toList()));
            }
          }
          return Behaviors.same();
        });
  }

  /** Returns the record's offset. */
  private long produce(String key, String value) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (KafkaProducer<String, byte[]> raw =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      return raw.send(new ProducerRecord<>(kafka.eventsTopic(), key, value.getBytes(StandardCharsets.UTF_8)))
          .get().offset();
    }
  }

  /** Sends the records in one produce request, as a producer that lingers does; returns the last one's offset. */
  private long produceTogether(List<Map.Entry<String, String>> records) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(ProducerConfig.LINGER_MS_CONFIG, (int) SETTLE.toMillis());
    try (KafkaProducer<String, byte[]> raw =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (Map.Entry<String, String> record : records) {
        sent.add(raw.send(new ProducerRecord<>(
            kafka.eventsTopic(), record.getKey(), record.getValue().getBytes(StandardCharsets.UTF_8))));
      }
      raw.flush();
      return sent.get(sent.size() - 1).get().offset();
    }
  }

  private long committedOffset() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (Admin admin = Admin.create(props)) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(settings.groupId()).partitionsToOffsetAndMetadata().get();
      OffsetAndMetadata offset = offsets.get(new TopicPartition(kafka.eventsTopic(), 0));
      return offset == null ? -1 : offset.offset();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
