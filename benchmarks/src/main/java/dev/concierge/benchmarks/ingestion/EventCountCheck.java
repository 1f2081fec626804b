package dev.concierge.benchmarks.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.models.CatalogItem;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventCounts;
import dev.concierge.models.EventType;
import dev.concierge.offline.simulation.ShopperSimulation;
import dev.concierge.offline.simulation.SimulationSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * After a run, compares a sample of customers' event counts on the node ({@code GET
 * /v1/customers/{id}/features}) with what the simulator produced for them, replayed from the same
 * settings: a lost event shows as a count too low, a double-counted one as a count too high.
 */
final class EventCountCheck {

  /** The customers compared, and a line for each whose counts differed. */
  record Result(int checked, List<String> differences) {}

  private static final String CUSTOMER_PREFIX = "sim-c-";
  private static final int HTTP_OK = 200;

  private final SimulationSettings settings;
  private final List<CatalogItem> catalog;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Duration timeout;
  private final Optional<String> serverKey;

  EventCountCheck(SimulationSettings settings, List<CatalogItem> catalog, Duration timeout, Optional<String> serverKey) {
    this.settings = settings;
    this.catalog = catalog;
    this.timeout = timeout;
    this.serverKey = serverKey;
  }

  Result check(URI node, int sampleSize, long sampleSeed) throws IOException, InterruptedException {
    Map<String, EventCounts> expected = expected(sample(sampleSize, sampleSeed));
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, EventCounts> customer : expected.entrySet()) {
      EventCounts actual = counts(node, customer.getKey());
      if (!actual.equals(customer.getValue())) {
        differences.add(customer.getKey() + ": the simulation produced " + customer.getValue() + ", the node counts "
            + actual);
      }
    }
    return new Result(expected.size(), differences);
  }

  /** Distinct customers drawn from the whole population, the same ones for the same seed. */
  Set<String> sample(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Set<String> customers = new LinkedHashSet<>();
    int wanted = Math.min(size, settings.customers());
    while (customers.size() < wanted) {
      customers.add(CUSTOMER_PREFIX + (1 + random.nextInt(settings.customers())));
    }
    return customers;
  }

  /** Each sampled customer's counts over the whole simulated history (zero for one without events). */
  Map<String, EventCounts> expected(Set<String> customers) {
    Map<String, EventCounts> counts = new HashMap<>();
    customers.forEach(customer -> counts.put(customer, EventCounts.ZERO));
    Iterator<CustomerEvent> events = ShopperSimulation.of(settings, catalog).events();
    while (events.hasNext()) {
      CustomerEvent event = events.next();
      counts.computeIfPresent(event.customerId(), (customer, sofar) -> sofar.plus(event.type()));
    }
    return counts;
  }

  private EventCounts counts(URI node, String customerId) throws IOException, InterruptedException {
    HttpRequest.Builder features = HttpRequest.newBuilder(node.resolve("/v1/customers/" + customerId + "/features"))
        .timeout(timeout).GET();
    serverKey.ifPresent(key -> features.header("Authorization", "Bearer " + key));
    HttpRequest request = features.build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != HTTP_OK) {
      throw new IOException("GET " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return parseCounts(json.readTree(response.body()).path("events"));
  }

  static EventCounts parseCounts(JsonNode events) {
    return new EventCounts(events.path(EventType.VIEW.wireName()).asLong(),
        events.path(EventType.CLICK.wireName()).asLong(), events.path(EventType.ADD_TO_CART.wireName()).asLong(),
        events.path(EventType.PURCHASE.wireName()).asLong());
  }
}
