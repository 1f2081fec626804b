package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.models.CategoryAffinity;
import dev.concierge.models.CustomerFeatures;
import dev.concierge.models.EventCounts;
import dev.concierge.models.RecentItems;
import dev.concierge.models.SessionFeatures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.StreamSupport;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;

class CustomerRoutesTest extends RouteTestSupport {

  private static final Instant LAST = Instant.parse("2026-11-26T10:00:00Z");

  private static final Instant SESSION_START = Instant.parse("2026-11-26T09:50:00Z");

  private static final CustomerFeatures FEATURES =
      new CustomerFeatures(
          new EventCounts(5, 2, 1, 1),
          118.0,
          2,
          LAST,
          new CategoryAffinity(Map.of("shoes", 3.0, "socks", 1.0), LAST),
          new RecentItems(List.of("sku-7", "sku-3")),
          new RecentItems(List.of("sku-7", "sku-3")),
          new RecentItems(List.of("sku-3")),
          new RecentItems(List.of("sku-3")),
          new RecentItems(List.of("sku-3")),
          List.of("shoes"),
          new SessionFeatures(SESSION_START, 4, List.of("shoes", "socks"), 7));

  @Test
  void featuresAreReturnedPerContract() {
    RouteFixture fixture = new RouteFixture().featuresAre(FEATURES);

    TestRouteResult result = getAsServer(fixture.route(), "/v1/customers/c-42/features");

    result.assertStatusCode(200).assertContentType(ContentTypes.APPLICATION_JSON);
    JsonNode body = json(result);
    assertTrue(
        fieldNames(body).containsAll(List.of("customerId", "events", "lastEventAt", "recentItems", "categoryAffinity")),
        "contract fields in " + body);
    assertEquals("c-42", body.get("customerId").asText());
    JsonNode events = body.get("events");
    assertEquals(List.of("view", "click", "add_to_cart", "purchase"), fieldNames(events));
    assertEquals(5, events.get("view").asLong());
    assertEquals(2, events.get("click").asLong());
    assertEquals(1, events.get("add_to_cart").asLong());
    assertEquals(1, events.get("purchase").asLong());
    assertEquals("2026-11-26T10:00:00Z", body.get("lastEventAt").asText());
    assertEquals(List.of("sku-7", "sku-3"), texts(body.get("recentItems")));
    JsonNode affinity = body.get("categoryAffinity");
    assertEquals(List.of("shoes", "socks"), fieldNames(affinity), "strongest category first");
    assertEquals(0.75, affinity.get("shoes").asDouble(), 1e-12);
    assertEquals(0.25, affinity.get("socks").asDouble(), 1e-12);
    assertEquals(List.of("c-42"), fixture.featureRequests, "the reader is asked for the customer in the path");
  }

  @Test
  void featuresAlsoShowSpendPerTypeItemListsTheSessionAndTimeSinceTheLastEvent() {
    RouteFixture fixture = new RouteFixture().featuresAre(FEATURES);

    JsonNode body = json(getAsServer(fixture.route(), "/v1/customers/c-42/features"));

    assertEquals(118.0, body.get("totalSpend").asDouble(), 1e-12);
    assertEquals(59.0, body.get("averagePricePaid").asDouble(), 1e-12);
    assertEquals(List.of("sku-7", "sku-3"), texts(body.get("viewedItems")));
    assertEquals(List.of("sku-3"), texts(body.get("clickedItems")));
    assertEquals(List.of("sku-3"), texts(body.get("cartedItems")));
    assertEquals(List.of("sku-3"), texts(body.get("purchasedItems")));
    assertEquals(List.of("shoes"), texts(body.get("purchasedCategories")));
    assertEquals(SESSION_START.toString(), body.get("session").get("startedAt").asText());
    assertEquals(4, body.get("session").get("events").asInt());
    assertEquals(List.of("shoes", "socks"), texts(body.get("session").get("categories")));
    assertEquals(
        Duration.between(LAST, RouteFixture.NOW).toSeconds(), body.get("secondsSinceLastEvent").asLong(),
        "time since the last event is measured at the moment of the request");
  }

  @Test
  void customerWithNoEventsHasZeroCountsNullLastEventAtAndEmptyCollections() {
    RouteFixture fixture = new RouteFixture().featuresAre(CustomerFeatures.EMPTY);

    TestRouteResult result = getAsServer(fixture.route(), "/v1/customers/c-new/features");

    result.assertStatusCode(200).assertContentType(ContentTypes.APPLICATION_JSON);
    JsonNode body = json(result);
    assertEquals("c-new", body.get("customerId").asText());
    body.get("events").forEach(count -> assertEquals(0, count.asLong()));
    assertEquals(4, body.get("events").size());
    assertTrue(body.has("lastEventAt") && body.get("lastEventAt").isNull(), "lastEventAt is present and null");
    assertTrue(body.get("secondsSinceLastEvent").isNull());
    assertTrue(body.get("recentItems").isArray() && body.get("recentItems").isEmpty());
    assertTrue(body.get("categoryAffinity").isObject() && body.get("categoryAffinity").isEmpty());
  }

  @Test
  void percentEncodedCustomerIdIsDecodedBeforeAskingTheReader() {
    RouteFixture fixture = new RouteFixture();

    getAsServer(fixture.route(), "/v1/customers/shop%3Ac-42/features").assertStatusCode(200);

    assertEquals(List.of("shop:c-42"), fixture.featureRequests);
  }

  @Test
  void readerThatTimesOutIs503Json() {
    RouteFixture fixture = new RouteFixture().featuresFailWith(new TimeoutException("ask timed out after 2s"));

    String message = assertError(getAsServer(fixture.route(), "/v1/customers/c-42/features"), 503, "unavailable");

    assertMentions(message, "c-42", "retry");
  }

  @Test
  void readerThatFailsOtherwiseIsAlso503Json() {
    RouteFixture fixture = new RouteFixture().featuresFailWith(new IllegalStateException("shard region stopped"));

    assertError(getAsServer(fixture.route(), "/v1/customers/c-42/features"), 503, "unavailable");
  }

  @Test
  void featuresPathWithoutCustomerIdIs404Json() {
    RouteFixture fixture = new RouteFixture();

    assertError(getAsServer(fixture.route(), "/v1/customers/features"), 404, "not_found");
    assertError(getAsServer(fixture.route(), "/v1/customers/c-42"), 404, "not_found");
    assertTrue(fixture.featureRequests.isEmpty());
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
