package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.engine.CustomerSettings;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.DemoCatalog;
import dev.concierge.models.EventRecorded;
import dev.concierge.models.Vocabulary;
import dev.concierge.models.recommend.HistoryReplay;
import dev.concierge.offline.replay.JournalEventSource;
import dev.concierge.offline.replay.ReplayEvents;
import dev.concierge.offline.replay.TimeRange;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import dev.concierge.persistence.json.EventJson;
import dev.concierge.testing.Eventually;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Replay computes exactly what production computes: events go through a real node (Kafka, the
 * sharded actor, the Cassandra journal); replaying that journal offline through the feature function
 * must give each customer features equal, as objects, to what their live actor holds, merges of one
 * customer's history into another's included.
 */
class ReplayParityIntegrationTest {

  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final List<CatalogItem> ITEMS = DemoCatalog.generate(200, 7);
  private static final int CUSTOMERS = 12;
  private static final long EVENTS = 600;
  private static final int MERGES = 3;

  @Test
  void featuresReplayedFromTheJournalEqualTheLiveActorsFeatures() {
    TestNode.Namespace namespace = TestNode.Namespace.unique();
    KafkaSettings topics = TestNode.prepareTopics(namespace);
    // the catalog knows all items but the last ten, so some events are recorded without a category
    List<CatalogItem> known = ITEMS.subList(0, ITEMS.size() - 10);
    List<CustomerEvent> history =
        ShopperSimulation.of(SimulationSettings.of(CUSTOMERS, EVENTS, 5), ITEMS).stream().toList();
    Map<String, Long> perCustomer = history.stream().collect(Collectors.groupingBy(CustomerEvent::customerId, Collectors.counting()));

    try (TestKafka kafka = new TestKafka(topics); TestNode node = TestNode.start(namespace)) {
      kafka.loadCatalog(known);
      Eventually.within(SETTLE, "the node has read the catalog",
          () -> node.postJson("/v1/decisions", "{\"customerId\":\"warm\"}").get("items").size() > 0);
      EventJson json = new EventJson(new ObjectMapper());
      for (CustomerEvent event : history) {
        kafka.produceEvent(event.customerId(), new String(json.write(event), StandardCharsets.UTF_8));
      }
      // a redelivery of a recent event (as after a crash before the commit): the actor drops it and
      // the journal never sees it
      CustomerEvent last = history.get(history.size() - 1);
      kafka.produceEvent(last.customerId(), new String(json.write(last), StandardCharsets.UTF_8));
      Eventually.within(SETTLE, "every event is in the live features",
          () -> perCustomer.entrySet().stream().allMatch(c -> node.featuresOf(c.getKey()).events().total() == c.getValue()),
          () -> perCustomer.entrySet().stream()
              .map(c -> c.getKey() + " live " + node.featuresOf(c.getKey()).events().total() + " sent " + c.getValue())
              .collect(Collectors.joining(", ")));

      // then some shoppers log in as others (a merge after all their events, as the SDK sends it at login):
      // each known customer takes over the other's history, live and in replay alike
      Instant afterAll = history.stream().map(CustomerEvent::timestamp).max(Instant::compareTo).orElseThrow().plusSeconds(60);
      List<String> customers = perCustomer.keySet().stream().sorted().toList();
      Map<String, Long> expected = new HashMap<>(perCustomer);
      for (int pair = 0; pair < MERGES; pair++) {
        String into = customers.get(2 * pair);
        String from = customers.get(2 * pair + 1);
        CustomerEvent merge = CustomerEvent.merge("merge-" + pair, into, from, afterAll.plusSeconds(pair));
        kafka.produceEvent(into, new String(json.write(merge), StandardCharsets.UTF_8));
        expected.merge(into, perCustomer.get(from), Long::sum);
      }
      Eventually.within(SETTLE, "every merge is in the live features",
          () -> expected.entrySet().stream().allMatch(c -> node.featuresOf(c.getKey()).events().total() == c.getValue()));

      List<EventRecorded> journal = new ArrayList<>();
      try (ReplayEvents events =
          new JournalEventSource(node.system(), JournalEventSource.Settings.of(CustomerEntity.ENTITY_KEY.name())).open(TimeRange.all())) {
        events.forEachRemaining(journal::add);
      }
      CustomerSettings settings =
          CustomerSettings.fromConfig(node.system().settings().config().getConfig("concierge"));
      HistoryReplay replay = new HistoryReplay(settings.features(), new Vocabulary(1_000, 100), Catalog.of(ITEMS));
      replay.replayRecorded(journal, Instant.MAX, (event, state) -> { });

      assertEquals(EVENTS, journal.stream()
              .filter(e -> perCustomer.containsKey(e.event().customerId()) && !e.event().isMerge()).count(),
          "the journal holds each event once");
      assertEquals(MERGES, journal.stream().filter(e -> e.event().isMerge()).count(), "and each merge");
      assertTrue(journal.stream().anyMatch(e -> e.category() == null), "some events were recorded without a category");
      for (String customer : perCustomer.keySet()) {
        CustomerFeatures live = node.featuresOf(customer);
        CustomerFeatures replayed = replay.customers().get(customer).view(replay.vocabulary());
        assertEquals(live, replayed, "replayed features of " + customer);
      }
    }
  }
}
