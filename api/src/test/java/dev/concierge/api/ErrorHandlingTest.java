package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.headers.Allow;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorHandlingTest extends RouteTestSupport {

  @Test
  void unknownPathIs404Json() {
    RouteFixture fixture = new RouteFixture();

    assertError(get(fixture.route(), "/v1/recommendations"), 404, "not_found");
    assertError(get(fixture.route(), "/nope"), 404, "not_found");
    assertError(get(fixture.route(), "/"), 404, "not_found");
  }

  @Test
  void getOnDecisionsIs405JsonAndSaysPostIsAllowed() {
    RouteFixture fixture = new RouteFixture();

    TestRouteResult result = get(fixture.route(), "/v1/decisions");

    String message = assertError(result, 405, "method_not_allowed");
    assertMentions(message, "POST");
    assertEquals("Allow: POST", result.header(Allow.class).toString(), "the Allow header survives the JSON mapping");
    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @Test
  void getOnEventsAndPostOnFeaturesAre405Json() {
    RouteFixture fixture = new RouteFixture();

    assertMentions(assertError(get(fixture.route(), "/v1/events"), 405, "method_not_allowed"), "POST");
    assertMentions(
        assertError(post(fixture.route(), "/v1/customers/c-42/features", "{}"), 405, "method_not_allowed"), "GET");
    assertTrue(fixture.publishedBatches.isEmpty());
    assertTrue(fixture.featureRequests.isEmpty());
  }

  @Test
  void bodyOverMaxContentLengthIs413Json() {
    RouteFixture fixture = new RouteFixture();

    TestRouteResult result = testRoute(fixture.route()).run(oversizedEvents());

    result.assertStatusCode(413).assertContentType(ContentTypes.APPLICATION_JSON);
    JsonNode body = json(result);
    assertEquals(List.of("error", "message"), fieldNames(body), body.toString());
    assertMentions(body.get("message").asText(), "1048576");
    assertTrue(fixture.publishedBatches.isEmpty());
  }

  @Test
  void bodyOverMaxContentLengthIs413PayloadTooLargeSayingSendFewerEvents() {
    RouteFixture fixture = new RouteFixture();

    TestRouteResult result = testRoute(fixture.route()).run(oversizedEvents());

    String message = assertError(result, 413, "payload_too_large");
    assertMentions(message, "send less per request");
  }

  /**
   * A 1.2 MB body, over reference.conf's {@code pekko.http.server.parsing.max-content-length}
   * (1m). The entity carries that limit as the server's parser attaches it to every request entity;
   * in-process, because through a real socket the server's early close races the client's upload.
   */
  private HttpRequest oversizedEvents() {
    long limit = system().settings().config().getBytes("pekko.http.server.parsing.max-content-length");
    assertEquals(1_048_576L, limit, "reference.conf's limit");
    String tooBig = "[" + "\"x\",".repeat(300_000) + "\"x\"]";
    return HttpRequest.POST("/v1/events")
        .withEntity((RequestEntity) HttpEntities.create(ContentTypes.APPLICATION_JSON, tooBig).withSizeLimit(limit));
  }

  /** Requests that must fail, each with the status the contract gives it. */
  Stream<Arguments> failingRequests() {
    return Stream.of(
        Arguments.of("unknown path", HttpRequest.GET("/v1/unknown"), 404),
        Arguments.of("wrong method", HttpRequest.GET("/v1/decisions"), 405),
        Arguments.of("empty decision body", HttpRequest.POST("/v1/decisions"), 400),
        Arguments.of("decision body not JSON", postJson("/v1/decisions", "{oops"), 400),
        Arguments.of("decision missing customerId", postJson("/v1/decisions", "{}"), 400),
        Arguments.of(
            "decision limit out of range", postJson("/v1/decisions", "{\"customerId\":\"c\",\"limit\":0}"), 400),
        Arguments.of("events empty array", postJson("/v1/events", "[]"), 400),
        Arguments.of("event missing fields", postJson("/v1/events", "{\"type\":\"view\"}"), 400),
        Arguments.of(
            "events sink down",
            postJson(
                "/v1/events",
                "{\"eventId\":\"e\",\"customerId\":\"c\",\"type\":\"view\",\"itemId\":\"i\","
                    + "\"timestamp\":\"2026-11-26T10:00:00Z\"}"),
            503),
        Arguments.of("features reader down", asServer(HttpRequest.GET("/v1/customers/c-42/features")), 503),
        Arguments.of("not ready", HttpRequest.GET("/health/ready"), 503),
        Arguments.of("journal unreachable", HttpRequest.GET("/health/journal"), 503));
  }

  @ParameterizedTest(name = "{0} → {2} application/json with error and message")
  @MethodSource("failingRequests")
  void everyErrorIsJsonWithErrorAndMessage(String what, HttpRequest request, int status) {
    Route route =
        new RouteFixture()
            .sinkFailingWith(new TimeoutException("kafka"))
            .featuresFailWith(new TimeoutException("ask"))
            .readinessProblems("cluster member is Joining, not Up")
            .journalProblems("the Cassandra journal does not answer")
            .route();

    TestRouteResult result = testRoute(route).run(request);

    result.assertStatusCode(status).assertContentType(ContentTypes.APPLICATION_JSON);
    JsonNode body = json(result);
    assertEquals(List.of("error", "message"), fieldNames(body), what + ": " + body);
    assertTrue(body.get("error").isTextual() && !body.get("error").asText().isBlank(), what + ": " + body);
    assertTrue(body.get("message").isTextual() && !body.get("message").asText().isBlank(), what + ": " + body);
    assertTrue(
        status >= 500 || !body.get("error").asText().equals("internal_error"),
        "client mistakes are never internal errors");
  }

  private static HttpRequest postJson(String path, String body) {
    return HttpRequest.POST(path).withEntity(ContentTypes.APPLICATION_JSON, body);
  }
}
