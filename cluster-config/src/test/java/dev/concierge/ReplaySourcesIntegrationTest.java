package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.kafka.KafkaTopics;
import dev.concierge.engine.kafka.TopicSpec;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.EventType;
import dev.concierge.offline.replay.JournalEventSource;
import dev.concierge.offline.replay.KafkaEventSource;
import dev.concierge.offline.replay.ReplayEvents;
import dev.concierge.offline.replay.ReplayReport;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.RealServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The replay sources on the real Kafka and Cassandra: a time window of a topic, and the journal a
 * real node wrote, replay exactly their events in merge order, and so does a journal whose customers
 * span the journal's partitions. The throughput test, run on request, prints the numbers for BENCHMARKS.md.
 */
class ReplaySourcesIntegrationTest {

  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
  private static final List<CatalogItem> CATALOG = DemoCatalog.generate(200, 7);
  private static final Map<String, String> CATEGORY_OF =
      CATALOG.stream().collect(Collectors.toMap(CatalogItem::itemId, CatalogItem::category));
  private static final String UNKNOWN_ITEM = "sku-not-in-the-catalog";
  private static final String CUSTOMER_ENTITY = CustomerEntity.ENTITY_KEY.name();
  private static final int PARTITIONS = 3;
  private static final double NANOS_PER_SECOND = 1e9;
  private static final int MEASURED_RUNS = 5;

  private final EventJson json = new EventJson(new ObjectMapper());

  @Test
  void aTimeWindowOfTheTopicReplaysExactlyItsEventsMergedByTime() {
    String topic = topic("window");
    Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    List<CustomerEvent> events = interleavedHistory(start, 40, 15);
    Instant from = start.plus(Duration.ofMinutes(5));
    Instant to = start.plus(Duration.ofMinutes(10));
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (int i = 0; i < events.size(); i++) {
        CustomerEvent event = events.get(i);
        send(producer, topic, event.customerId(), json.write(event), event.timestamp());
        if (event.timestamp().equals(from.plusSeconds(60)) && event.customerId().equals("c-00")) {
          // a redelivery, and two records ingestion would dead-letter, inside the window
          send(producer, topic, event.customerId(), json.write(event), event.timestamp());
          send(producer, topic, "c-01", bytes("this is not json"), event.timestamp());
          send(producer, topic, "c-02", bytes("{\"eventId\":\"x\",\"customerId\":\"c-02\"}"), event.timestamp());
        }
      }
    }
    KafkaEventSource.Settings settings =
        KafkaEventSource.Settings.of(RealServices.kafkaBootstrap(), topic)
            .withLateness(Duration.ofMinutes(1))
            .withDedupeWindow(32);

    List<String> replayed;
    ReplayReport report;
    try (ReplayEvents replay = new KafkaEventSource(settings).open(TimeRange.between(from, to))) {
      replayed = eventIds(replay);
      report = replay.report();
    }

    List<String> expected =
        events.stream()
            .filter(event -> !event.timestamp().isBefore(from) && event.timestamp().isBefore(to))
            .sorted(Comparator.comparing(CustomerEvent::timestamp).thenComparing(CustomerEvent::customerId))
            .map(CustomerEvent::eventId)
            .toList();
    assertEquals(expected, replayed);
    assertEquals(2, report.invalid().total(), report.describe());
    assertEquals(1, report.duplicatesSkipped());
    assertEquals(0, report.outOfTimeOrder());
    assertTrue(report.recordsRead() < events.size() / 2, "offsetsForTimes skips the hours before: " + report.describe());
  }

  @Test
  void theJournalOfARealNodeReplaysTheRecordedEventsWithTheirCategoriesInPersistedOrder() {
    TestNode.Namespace namespace = TestNode.Namespace.unique();
    KafkaSettings topics = TestNode.prepareTopics(namespace);
    Instant start = Instant.parse("2026-11-20T08:00:00Z");
    List<CustomerEvent> events = new ArrayList<>();
    try (TestKafka kafka = new TestKafka(topics)) {
      kafka.loadCatalog(CATALOG);
      try (TestNode node = TestNode.start(namespace)) {
        Eventually.within(SETTLE, "the node has read the catalog",
            () -> node.postJson("/v1/decisions", "{\"customerId\":\"c-anonymous\",\"limit\":10}").get("items").size() == 10);
        events.addAll(journalHistory(start));
        events.forEach(event -> kafka.produceEvent(event.customerId(), new String(json.write(event), StandardCharsets.UTF_8)));
        Map<String, Long> perCustomer = events.stream().collect(Collectors.groupingBy(CustomerEvent::customerId, Collectors.counting()));
        perCustomer.forEach((customerId, count) ->
            Eventually.within(SETTLE, customerId + " shows all " + count + " events", () -> eventCount(node, customerId) == count));
      }
    }
    List<EventRecorded> recorded = events.stream().map(event -> new EventRecorded(event, CATEGORY_OF.get(event.itemId()))).toList();
    Comparator<EventRecorded> mergeOrder =
        Comparator.comparing((EventRecorded r) -> r.event().timestamp()).thenComparing(r -> r.event().customerId());

    ActorSystem<Void> replaySystem = replaySystem(namespace.config());
    try {
      JournalEventSource.Settings all = JournalEventSource.Settings.of(CUSTOMER_ENTITY).withParallelism(4);
      List<EventRecorded> replayed = replayAll(new JournalEventSource(replaySystem, all), TimeRange.all());
      assertEquals(recorded.stream().sorted(mergeOrder).toList(), withoutSources(replayed));
      assertTrue(replayed.stream().allMatch(r -> r.source() != null), "each came from Kafka, and says from where");
      assertTrue(replayed.stream().anyMatch(r -> r.category() == null), "an unknown item keeps its unknown category");

      TimeRange morning = TimeRange.until(start.plus(Duration.ofMinutes(30)));
      JournalEventSource.Settings two = all.withCustomers(List.of("j-1", "j-3"));
      assertEquals(
          recorded.stream()
              .filter(r -> List.of("j-1", "j-3").contains(r.event().customerId()) && morning.contains(r.event().timestamp()))
              .sorted(mergeOrder)
              .toList(),
          withoutSources(replayAll(new JournalEventSource(replaySystem, two), morning)));
    } finally {
      terminate(replaySystem);
    }
  }

  @Test
  void aJournalWhoseCustomersGoOnIntoFurtherPartitionsReplaysInPersistedOrder() {
    // four events a partition: the long customer's later events are in partitions the scan meets apart
    Config smallPartitions = ConfigFactory.parseString("pekko.persistence.cassandra.journal.target-partition-size = 4")
        .withFallback(TestNode.Namespace.unique().config());
    ActorSystem<Void> system = replaySystem(smallPartitions);
    try {
      Instant start = Instant.parse("2026-11-20T08:00:00Z");
      List<CustomerEvent> events = new ArrayList<>();
      // times go back across partition boundaries (5 after 40, 45 after 70), as a backfill's would
      int[] longMinutes = {10, 20, 30, 40, 5, 50, 60, 70, 45, 80, 90};
      for (int e = 0; e < longMinutes.length; e++) {
        events.add(CustomerEvent.of("long-" + e, "s-long", EventType.VIEW, CATALOG.get(e).itemId(),
            start.plus(Duration.ofMinutes(longMinutes[e]))));
      }
      for (int e = 0; e < 6; e++) {
        events.add(CustomerEvent.of("short-" + e, "s-short", EventType.CLICK, CATALOG.get(e).itemId(),
            start.plus(Duration.ofMinutes(e * 15L + 1))));
      }
      writeJournal(system, events);
      List<String> expected = laneMergeOrder(events);

      JournalEventSource.Settings scan = JournalEventSource.Settings.of(CUSTOMER_ENTITY).withSortBuffer(3);
      assertEquals(expected, idsOf(replayAll(new JournalEventSource(system, scan), TimeRange.all())),
          "scanned by token range, sorted through run files");
      assertEquals(expected,
          idsOf(replayAll(new JournalEventSource(system, scan.withCustomers(List.of("s-short", "s-long"))), TimeRange.all())),
          "read customer by customer");
    } finally {
      terminate(system);
    }
  }

  /** Each customer's events in the order given, merged by the earliest head (time, then customer). */
  private static List<String> laneMergeOrder(List<CustomerEvent> events) {
    Map<String, List<CustomerEvent>> lanes = new LinkedHashMap<>();
    events.forEach(event -> lanes.computeIfAbsent(event.customerId(), id -> new ArrayList<>()).add(event));
    List<String> merged = new ArrayList<>();
    while (!lanes.isEmpty()) {
      String earliest = lanes.keySet().stream()
          .min(Comparator.comparing((String c) -> lanes.get(c).get(0).timestamp()).thenComparing(c -> c))
          .orElseThrow();
      List<CustomerEvent> lane = lanes.get(earliest);
      merged.add(lane.remove(0).eventId());
      if (lane.isEmpty()) {
        lanes.remove(earliest);
      }
    }
    return merged;
  }

  private static List<String> idsOf(List<EventRecorded> replayed) {
    return replayed.stream().map(r -> r.event().eventId()).toList();
  }

  // the Kafka record each came from is the node's, not part of what the test sent
  private static List<EventRecorded> withoutSources(List<EventRecorded> replayed) {
    return replayed.stream().map(r -> new EventRecorded(r.event(), r.category())).toList();
  }

  /**
   * Prints the Kafka replay rate (median of warm runs); asserts only that every event came back. A
   * benchmark, not a check, and over a minute long: it runs only with {@code -Dreplay.throughput=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "replay.throughput", matches = "true")
  void replayThroughputOfKafka() {
    int kafkaEvents = Integer.getInteger("replay.kafka.events", 200_000);
    String topic = topic("throughput");
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (CustomerEvent event : simulate(20_000, kafkaEvents)) {
        producer.send(new ProducerRecord<>(topic, event.customerId(), json.write(event)));
      }
      producer.flush();
    }
    KafkaEventSource kafka = new KafkaEventSource(KafkaEventSource.Settings.of(RealServices.kafkaBootstrap(), topic));
    Rate kafkaRate = median(() -> drain(kafka::open));
    assertEquals(kafkaEvents, kafkaRate.events());
    System.out.printf("replay throughput: Kafka, %d partitions: %,.0f events/s (%,d events in %.2f s)%n",
        PARTITIONS, kafkaRate.eventsPerSecond(), kafkaRate.events(), kafkaRate.seconds());

    // the journal's rate is measured by the benchmarks' JournalReplayThroughput on a journal of a million events
  }

  private record Rate(long events, double seconds) {
    double eventsPerSecond() {
      return events / seconds;
    }
  }

  /** The median of {@value #MEASURED_RUNS} runs after one that warms the JIT up. */
  private static Rate median(Supplier<Rate> run) {
    run.get();
    List<Rate> rates = new ArrayList<>();
    for (int i = 0; i < MEASURED_RUNS; i++) {
      rates.add(run.get());
    }
    rates.sort(Comparator.comparingDouble(Rate::seconds));
    return rates.get(MEASURED_RUNS / 2);
  }

  private static Rate drain(Function<TimeRange, ReplayEvents> open) {
    long began = System.nanoTime();
    try (ReplayEvents replay = open.apply(TimeRange.all())) {
      while (replay.hasNext()) {
        replay.next();
      }
      ReplayReport report = replay.report();
      return new Rate(report.eventsYielded(), (System.nanoTime() - began) / NANOS_PER_SECOND);
    }
  }

  /** Customers c-00.. each with events a minute apart, staggered so that seconds tie across customers. */
  private static List<CustomerEvent> interleavedHistory(Instant start, int customers, int eventsEach) {
    List<CustomerEvent> events = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      String customerId = String.format("c-%02d", c);
      for (int e = 0; e < eventsEach; e++) {
        Instant time = start.plusSeconds(e * 60L + (c % 4) * 15L + 60L * (c % 3));
        events.add(CustomerEvent.of(customerId + "-e" + e, customerId, EventType.VIEW, CATALOG.get(c).itemId(), time));
      }
    }
    events.sort(Comparator.comparing(CustomerEvent::timestamp));
    // slight disorder between customers, as producers on several machines give
    for (int i = 0; i + 1 < events.size(); i += 3) {
      if (!events.get(i).customerId().equals(events.get(i + 1).customerId())) {
        events.set(i, events.set(i + 1, events.get(i)));
      }
    }
    return events;
  }

  /** Six customers, their events minutes apart; two share each instant; one item the catalog lacks. */
  private static List<CustomerEvent> journalHistory(Instant start) {
    List<CustomerEvent> events = new ArrayList<>();
    EventType[] types = EventType.interactions().toArray(new EventType[0]);
    for (int c = 1; c <= 6; c++) {
      for (int e = 0; e < 8; e++) {
        String itemId = c == 2 && e == 3 ? UNKNOWN_ITEM : CATALOG.get(c * 10 + e).itemId();
        Instant time = start.plus(Duration.ofMinutes(e * 10L + c / 2));
        events.add(new CustomerEvent(
            "j-" + c + "-" + e, "j-" + c, types[e % types.length], itemId, time, 10.0 + e, 1, "s-" + c,
            Map.of("page", "product")));
      }
    }
    return events;
  }

  private static List<CustomerEvent> simulate(int customers, int events) {
    return ShopperSimulation.of(SimulationSettings.of(customers, events, 42), CATALOG).stream().toList();
  }

  private static long eventCount(TestNode node, String customerId) {
    JsonNode counts = node.featuresJson(customerId).get("events");
    long total = 0;
    for (JsonNode count : counts) {
      total += count.asLong();
    }
    return total;
  }

  private static List<EventRecorded> replayAll(JournalEventSource source, TimeRange range) {
    try (ReplayEvents replay = source.open(range)) {
      List<EventRecorded> events = new ArrayList<>();
      replay.forEachRemaining(events::add);
      return events;
    }
  }

  private static List<String> eventIds(ReplayEvents replay) {
    List<String> ids = new ArrayList<>();
    replay.forEachRemaining(recorded -> ids.add(recorded.event().eventId()));
    return ids;
  }

  /** A topic of its own, with every partition answering before anything is produced (KAFKA-15591). */
  private static String topic(String purpose) {
    String topic = "replay-" + purpose + "-" + TestNode.Namespace.unique().id();
    KafkaTopics.ensure(RealServices.kafkaBootstrap(), List.of(TopicSpec.regular(topic, PARTITIONS)), SETTLE);
    return topic;
  }

  private static KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealServices.kafkaBootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value, Instant time) {
    try {
      producer.send(new ProducerRecord<>(topic, null, time.toEpochMilli(), key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not produce to " + topic, e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A local actor system on the namespace's keyspace, as the replay tools run one. */
  private static ActorSystem<Void> replaySystem(Config namespace) {
    Config config =
        ConfigFactory.load(
            ConfigFactory.parseString(
                    String.join(
                        "\n",
                        "pekko.actor.provider = local",
                        "datastax-java-driver.basic.contact-points = [\"" + RealServices.cassandraContactPoint() + "\"]"))
                .withFallback(namespace)
                .withFallback(ConfigFactory.parseResources("integration-test.conf")));
    return ActorSystem.create(Behaviors.empty(), "replay", config);
  }

  private static void terminate(ActorSystem<?> system) {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }

  /**
   * Persists each customer's events in order under the entity's persistence ids, one write each, so
   * that a customer's events go on into the journal's next partition when its partition is full.
   */
  private static void writeJournal(ActorSystem<?> system, List<CustomerEvent> events) {
    Map<String, List<EventRecorded>> byCustomer = new LinkedHashMap<>();
    events.forEach(event -> byCustomer.computeIfAbsent(event.customerId(), id -> new ArrayList<>())
        .add(new EventRecorded(event, CATEGORY_OF.get(event.itemId()))));
    List<CompletableFuture<Done>> written = new ArrayList<>();
    byCustomer.forEach((customerId, recorded) -> {
      ActorRef<JournalWriter.Write> writer =
          system.systemActorOf(JournalWriter.create(customerId), "writer-" + customerId, Props.empty());
      CompletionStage<Done> done = CompletableFuture.completedStage(Done.getInstance());
      for (EventRecorded event : recorded) {
        done = done.thenCompose(previous -> AskPattern.ask(
            writer, replyTo -> new JournalWriter.Write(List.of(event), replyTo), SETTLE, system.scheduler()));
      }
      written.add(done.toCompletableFuture());
    });
    CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).join();
  }

  /** Writes a customer's journal directly, with the entity's persistence id. */
  private static final class JournalWriter extends EventSourcedBehavior<JournalWriter.Write, EventRecorded, Integer> {

    record Write(List<EventRecorded> events, ActorRef<Done> replyTo) {}

    static Behavior<Write> create(String customerId) {
      return new JournalWriter(customerId);
    }

    private JournalWriter(String customerId) {
      super(PersistenceId.of(CUSTOMER_ENTITY, customerId));
    }

    @Override
    public Integer emptyState() {
      return 0;
    }

    @Override
    public CommandHandler<Write, EventRecorded, Integer> commandHandler() {
      return newCommandHandlerBuilder()
          .forAnyState()
          .onCommand(Write.class, (state, write) ->
              Effect().persist(write.events()).thenRun(written -> write.replyTo().tell(Done.getInstance())))
          .build();
    }

    @Override
    public EventHandler<Integer, EventRecorded> eventHandler() {
      return newEventHandlerBuilder().forAnyState().onAnyEvent((count, event) -> count + 1);
    }
  }
}
