package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.testkit.ActorSystemResource;
import org.apache.pekko.http.javadsl.testkit.JUnitRouteTestBase;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * pekko-http-testkit under JUnit 5: the testkit's JUnit 4 rule is driven by hand, one actor system
 * per test class. Routes run sealed, as {@code Http.newServerAt(...).bind(route)} runs them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RouteTestSupport extends JUnitRouteTestBase {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ActorSystemResource actorSystem =
      new ActorSystemResource(getClass().getSimpleName(), ConfigFactory.empty());

  @Override
  public ActorSystemResource systemResource() {
    return actorSystem;
  }

  @BeforeAll
  void startActorSystem() {
    actorSystem.before();
  }

  @AfterAll
  void stopActorSystem() {
    actorSystem.after();
  }

  TestRouteResult post(Route route, String path, String json) {
    return testRoute(route).run(HttpRequest.POST(path).withEntity(ContentTypes.APPLICATION_JSON, json));
  }

  TestRouteResult get(Route route, String path) {
    return testRoute(route).run(HttpRequest.GET(path));
  }

  /** A GET as the shop's servers send it, with the server key. */
  TestRouteResult getAsServer(Route route, String path) {
    return testRoute(route).run(asServer(HttpRequest.GET(path)));
  }

  static HttpRequest asServer(HttpRequest request) {
    return request.addHeader(Authorization.oauth2(RouteFixture.SERVER_KEY));
  }

  static JsonNode json(TestRouteResult result) {
    try {
      return MAPPER.readTree(result.entityString());
    } catch (IOException e) {
      throw new UncheckedIOException("response body is not JSON: " + result.entityString(), e);
    }
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Asserts the contract's error shape, {@code {"error":"<code>","message":"<what to fix>"}} as
   * application/json with exactly those two non-blank string fields, and returns the message.
   */
  static String assertError(TestRouteResult result, int status, String code) {
    result.assertStatusCode(status).assertContentType(ContentTypes.APPLICATION_JSON);
    JsonNode body = json(result);
    assertEquals(List.of("error", "message"), fieldNames(body), "error body fields: " + body);
    assertTrue(body.get("error").isTextual(), "error must be a string: " + body);
    assertTrue(body.get("message").isTextual(), "message must be a string: " + body);
    assertFalse(body.get("message").asText().isBlank(), "message must say what to fix: " + body);
    assertEquals(code, body.get("error").asText(), "error code in " + body);
    return body.get("message").asText();
  }

  static void assertMentions(String message, String... fragments) {
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), "expected the message to mention '" + fragment + "': " + message);
    }
  }
}
