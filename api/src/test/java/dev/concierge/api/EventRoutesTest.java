package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.engine.ingestion.EventPublisher;
import dev.concierge.models.CustomerEvent;
import dev.concierge.models.EventType;
import dev.concierge.persistence.json.EventJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventRoutesTest extends RouteTestSupport {

  private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");

  private static String event(String eventId, String type, String itemId) {
    return "{\"eventId\":\"" + eventId + "\",\"customerId\":\"c-42\",\"type\":\"" + type + "\",\"itemId\":\""
        + itemId + "\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";
  }

  private static String array(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> event("e-" + i, "view", "sku-" + i))
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static void assertAccepted(TestRouteResult result, int count) {
    result.assertStatusCode(202).assertContentType(ContentTypes.APPLICATION_JSON);
    assertEquals("{\"accepted\":" + count + "}", result.entityString());
  }

  @Test
  void oneEventObjectIsAcceptedWith202AndReachesTheSink() {
    RouteFixture fixture = new RouteFixture();

    assertAccepted(post(fixture.route(), "/v1/events", event("e-1", "view", "sku-7")), 1);

    assertEquals(
        List.of(List.of(CustomerEvent.of("e-1", "c-42", EventType.VIEW, "sku-7", AT))), fixture.publishedBatches);
  }

  @Test
  void arrayOfThreeEventsIsAcceptedAsOneBatchInOrder() {
    RouteFixture fixture = new RouteFixture();
    String body =
        "[" + event("e-1", "view", "sku-1") + "," + event("e-2", "add_to_cart", "sku-2") + ","
            + event("e-3", "purchase", "sku-2") + "]";

    assertAccepted(post(fixture.route(), "/v1/events", body), 3);

    assertEquals(
        List.of(
            List.of(
                CustomerEvent.of("e-1", "c-42", EventType.VIEW, "sku-1", AT),
                CustomerEvent.of("e-2", "c-42", EventType.ADD_TO_CART, "sku-2", AT),
                CustomerEvent.of("e-3", "c-42", EventType.PURCHASE, "sku-2", AT))),
        fixture.publishedBatches);
  }

  @Test
  void everyContractTypeIsAccepted() {
    RouteFixture fixture = new RouteFixture();
    String body =
        "[" + event("e-1", "view", "sku-1") + "," + event("e-2", "click", "sku-1") + ","
            + event("e-3", "add_to_cart", "sku-1") + "," + event("e-4", "purchase", "sku-1") + "]";

    assertAccepted(post(fixture.route(), "/v1/events", body), 4);

    assertEquals(
        List.of(EventType.VIEW, EventType.CLICK, EventType.ADD_TO_CART, EventType.PURCHASE),
        fixture.publishedBatches.get(0).stream().map(CustomerEvent::type).toList());
  }

  @Test
  void optionalFieldsReachTheSink() {
    RouteFixture fixture = new RouteFixture();
    String body =
        """
        {"eventId":"e-1","customerId":"c-42","type":"purchase","itemId":"sku-7","timestamp":"2026-11-26T10:00:00Z",
         "price":59.0,"quantity":2,"sessionId":"s-1","context":{"page":"product","position":3}}""";

    assertAccepted(post(fixture.route(), "/v1/events", body), 1);

    assertEquals(
        new CustomerEvent(
            "e-1", "c-42", EventType.PURCHASE, "sku-7", AT, 59.0, 2, "s-1",
            Map.of("page", "product", "position", "3")),
        fixture.publishedBatches.get(0).get(0));
  }

  @Test
  void acceptedCountIsWhatTheSinkConfirmed() {
    RouteFixture fixture =
        new RouteFixture().publishing(events -> CompletableFuture.completedFuture(2));

    assertAccepted(post(fixture.route(), "/v1/events", array(2)), 2);
  }

  @Test
  void arrayWhereEventOneLacksItemIdIs400NamingItAndNothingIsPublished() {
    RouteFixture fixture = new RouteFixture();
    String body =
        "[" + event("e-0", "view", "sku-1") + ","
            + "{\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"view\",\"timestamp\":\"2026-11-26T10:00:00Z\"},"
            + event("e-2", "view", "sku-2") + "]";

    String message = assertError(post(fixture.route(), "/v1/events", body), 400, "invalid_request");

    assertMentions(message, "event [1]", "itemId");
    assertTrue(fixture.publishedBatches.isEmpty(), "all or nothing: the sink must get no event");
  }

  @Test
  void arrayElementThatIsNotAnObjectIs400NamingItsPosition() {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(
            post(fixture.route(), "/v1/events", "[" + event("e-0", "view", "sku-1") + ",42]"), 400, "invalid_request");

    assertMentions(message, "event [1]", "object");
    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @Test
  void singleEventLackingAFieldIs400NamingTheField() {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(
            post(
                fixture.route(),
                "/v1/events",
                "{\"customerId\":\"c-42\",\"type\":\"view\",\"itemId\":\"sku-7\","
                    + "\"timestamp\":\"2026-11-26T10:00:00Z\"}"),
            400,
            "invalid_request");

    assertMentions(message, "eventId");
    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @Test
  void unknownTypeIs400ListingTheValidTypes() {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(post(fixture.route(), "/v1/events", event("e-1", "like", "sku-7")), 400, "invalid_request");

    assertMentions(message, "type", "view", "click", "add_to_cart", "purchase", "like");
    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @ParameterizedTest(name = "timestamp {0} is 400")
  @ValueSource(strings = {"+1000000000-01-01T00:00:00Z", "9999-01-01T00:00:00Z", "2026-11-26T13:00:00.001Z"})
  void aTimestampFurtherAheadOfTheNodesClockThanTheSkewIs400NamingTheField(String timestamp) {
    RouteFixture fixture = new RouteFixture();
    String body = "[" + event("e-0", "view", "sku-1") + "," + eventAt("e-1", timestamp) + "]";

    String message = assertError(post(fixture.route(), "/v1/events", body), 400, "invalid_request");

    assertMentions(message, "event [1]", "field 'timestamp'", RouteFixture.NOW.plus(RouteFixture.MAX_FUTURE_SKEW).toString());
    assertTrue(fixture.publishedBatches.isEmpty(), "all or nothing: the sink must get no event");
  }

  @ParameterizedTest(name = "timestamp {0} is accepted")
  @ValueSource(strings = {"2026-11-26T13:00:00Z", "2001-01-01T00:00:00Z"})
  void aTimestampUpToTheSkewAheadOrAnyOlderOneIsAccepted(String timestamp) {
    RouteFixture fixture = new RouteFixture();

    assertAccepted(post(fixture.route(), "/v1/events", eventAt("e-1", timestamp)), 1);
  }

  @Test
  void anEventLargerThanTheTopicTakesIs400BeforeAnythingIsPublished() {
    RouteFixture fixture = new RouteFixture();
    String padding = "x".repeat(EventJson.MAX_EVENT_BYTES);
    String body = event("e-1", "view", "sku-1").replace("}", ",\"context\":{\"note\":\"" + padding + "\"}}");

    String message = assertError(post(fixture.route(), "/v1/events", body), 400, "invalid_request");

    assertMentions(message, "an event is at most " + EventJson.MAX_EVENT_BYTES + " bytes");
    assertTrue(fixture.publishedBatches.isEmpty(), "no 202 and nothing in Kafka that ingestion would dead-letter");
  }

  private static String eventAt(String eventId, String timestamp) {
    return event(eventId, "view", "sku-7").replace("2026-11-26T10:00:00Z", timestamp);
  }

  @ParameterizedTest(name = "timestamp {0} is 400")
  @ValueSource(strings = {"yesterday", "2026-11-26", "2026-11-26 10:00:00", "1764151200"})
  void badTimestampIs400(String timestamp) {
    RouteFixture fixture = new RouteFixture();
    String body =
        "{\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"view\",\"itemId\":\"sku-7\",\"timestamp\":\""
            + timestamp + "\"}";

    String message = assertError(post(fixture.route(), "/v1/events", body), 400, "invalid_request");

    assertMentions(message, "timestamp", "ISO-8601");
    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @Test
  void numericTimestampIs400() {
    RouteFixture fixture = new RouteFixture();
    String body =
        "{\"eventId\":\"e-1\",\"customerId\":\"c-42\",\"type\":\"view\",\"itemId\":\"sku-7\",\"timestamp\":1764151200}";

    String message = assertError(post(fixture.route(), "/v1/events", body), 400, "invalid_request");

    assertMentions(message, "timestamp");
  }

  @Test
  void emptyArrayIs400() {
    RouteFixture fixture = new RouteFixture();

    String message = assertError(post(fixture.route(), "/v1/events", "[]"), 400, "invalid_request");

    assertMentions(message, "no events");
    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @Test
  void exactlyMaxEventsIsAccepted() {
    RouteFixture fixture = new RouteFixture().maxEventsPerRequest(5);

    assertAccepted(post(fixture.route(), "/v1/events", array(5)), 5);
  }

  @Test
  void moreThanMaxEventsIs400AndNothingIsPublished() {
    RouteFixture fixture = new RouteFixture().maxEventsPerRequest(5);

    String message = assertError(post(fixture.route(), "/v1/events", array(6)), 400, "invalid_request");

    assertMentions(message, "6 events", "at most 5");
    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @Test
  void productionMaxEventsIs1000() {
    RouteFixture fixture = new RouteFixture();

    String message = assertError(post(fixture.route(), "/v1/events", array(1001)), 400, "invalid_request");

    assertMentions(message, "at most 1000");
    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @Test
  void notJsonIs400InvalidJson() {
    RouteFixture fixture = new RouteFixture();

    assertError(post(fixture.route(), "/v1/events", "eventId=e-1"), 400, "invalid_json");

    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @Test
  void emptyBodyIs400() {
    RouteFixture fixture = new RouteFixture();

    String message = assertError(testRoute(fixture.route()).run(HttpRequest.POST("/v1/events")), 400, "invalid_json");

    assertMentions(message, "empty");
    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @ParameterizedTest(name = "body {0} is 400")
  @ValueSource(strings = {"\"e-1\"", "42", "null", "true"})
  void bodyThatIsNeitherAnObjectNorAnArrayIs400(String body) {
    RouteFixture fixture = new RouteFixture();

    String message = assertError(post(fixture.route(), "/v1/events", body), 400, "invalid_request");

    assertMentions(message, "an array of them");
    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @Test
  void sinkWhoseStageFailsIs503UnavailableNot500() {
    RouteFixture fixture = new RouteFixture().sinkFailingWith(new TimeoutException("kafka did not acknowledge"));

    String message = assertError(post(fixture.route(), "/v1/events", array(2)), 503, "unavailable");

    assertMentions(message, "retry");
    assertEquals(1, fixture.publishedBatches.size(), "the events were offered to the sink once");
  }

  @Test
  void eventsKafkaRefusesAsTooLargeAre413NamingTheCustomerNot503() {
    EventPublisher publisher = RouteFixture.publisherTakingRecordsUpTo(100);
    try {
      RouteFixture fixture = new RouteFixture().publishing(publisher::publish);

      String message = assertError(post(fixture.route(), "/v1/events", array(1)), 413, "payload_too_large");

      assertMentions(message, "customer '", "max.request.size");
    } finally {
      publisher.stop().toCompletableFuture().join();
    }
  }

  @Test
  void concatenatedEventObjectsAre400NotSilentlyTruncated() {
    RouteFixture fixture = new RouteFixture();
    String ndjson = event("e-1", "view", "sku-1") + "\n" + event("e-2", "view", "sku-2") + "\n";

    assertError(post(fixture.route(), "/v1/events", ndjson), 400, "invalid_json");

    assertTrue(fixture.publishedBatches.isEmpty());
  }
}
