package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.Identifiers;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a client that sends the wrong thing gets back: a 4xx that says what to fix, and nothing stored. */
class HostileInputTest extends RouteTestSupport {

  private static final String DECISION = "{\"customerId\":\"c-1\"}";
  private static final String EVENT =
      "{\"eventId\":\"e-1\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"sku-1\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";

  // the test instance lives as long as the class's actor system, so each test gets a fresh fixture
  private RouteFixture fixture;

  @BeforeEach
  void freshFixture() {
    fixture = new RouteFixture();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/v1/decisions", "/v1/events"})
  void aBodyThatIsNotSentAsJsonIs415NamingTheHeaderToSend(String path) {
    String body = path.endsWith("decisions") ? DECISION : EVENT;

    String message = assertError(
        testRoute(fixture.route()).run(HttpRequest.POST(path).withEntity(ContentTypes.TEXT_HTML_UTF8, body)),
        415, "unsupported_media_type");

    assertMentions(message, "Content-Type: application/json", "text/html");
    assertTrue(fixture.decisionQueries.isEmpty() && fixture.publishedBatches.isEmpty(), "nothing went further");
  }

  @Test
  void anEmptyBodyIsStill400SayingWhatTheBodyShouldBe() {
    assertMentions(assertError(testRoute(fixture.route()).run(HttpRequest.POST("/v1/decisions")), 400, "invalid_json"),
        "customerId");
  }

  @ParameterizedTest(name = "customerId \"{0}\"")
  @ValueSource(strings = {"c 1", "c/1", "c\\n1", "\\u001b[2J", "\\u00e9t\\u00e9"})
  void aCustomerIdOutsideTheIdCharactersIs400NamingTheFieldAndTheCharacter(String jsonEscapedId) {
    String message = assertError(
        post(fixture.route(), "/v1/decisions", "{\"customerId\":\"" + jsonEscapedId + "\"}"), 400, "invalid_request");

    assertMentions(message, "field 'customerId' may hold only letters, digits", "U+");
    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @Test
  void anOverlongCustomerIdIs400WithTheLimit() {
    String id = "c".repeat(Identifiers.MAX_LENGTH + 1);

    assertMentions(assertError(post(fixture.route(), "/v1/decisions", "{\"customerId\":\"" + id + "\"}"), 400,
        "invalid_request"), "1 to " + Identifiers.MAX_LENGTH);
  }

  @Test
  void tooManyCandidatesIs400WithTheLimit() {
    int max = RouteFixture.PRODUCTION_SETTINGS.limits().maxItemsPerList();
    String candidates = IntStream.range(0, max + 1).mapToObj(i -> "\"sku-" + i + "\"").collect(Collectors.joining(","));

    String message = assertError(post(fixture.route(), "/v1/decisions",
        "{\"customerId\":\"c-1\",\"candidates\":[" + candidates + "]}"), 400, "invalid_request");

    assertMentions(message, "'candidates'", "at most " + max);
  }

  @Test
  void anExcludedIdOutsideTheIdCharactersIs400NamingItsPosition() {
    assertMentions(assertError(post(fixture.route(), "/v1/decisions",
        "{\"customerId\":\"c-1\",\"exclude\":[\"sku-1\",\"sku 2\"]}"), 400, "invalid_request"), "'exclude[1]'");
  }

  @Test
  void anEventWithABadIdIsRefusedWholeNamingTheEventAndTheField() {
    String bad = EVENT.replace("\"customerId\":\"c-1\"", "\"customerId\":\"c 1\"");

    String message = assertError(post(fixture.route(), "/v1/events", "[" + EVENT + "," + bad + "]"), 400,
        "invalid_request");

    assertMentions(message, "customerId");
    assertTrue(fixture.publishedBatches.isEmpty(), "all or nothing: no event of the request was published");
  }

  @Test
  void theFeaturesOfAnIdOutsideTheIdCharactersAre400() {
    assertMentions(assertError(getAsServer(fixture.route(), "/v1/customers/c%20%0A1/features"), 400, "invalid_request"),
        "customerId");
    assertTrue(fixture.featureRequests.isEmpty());
  }

  @Test
  void unknownFieldsAreIgnoredSoThatNewerClientsKeepWorking() {
    var result = testRoute(fixture.route()).run(HttpRequest.POST("/v1/decisions")
        .withEntity(ContentTypes.APPLICATION_JSON, "{\"customerId\":\"c-1\",\"experimentHint\":\"b\",\"x\":[1,2]}")
        .addHeader(RawHeader.create("X-Request-Id", "r-1")));

    assertEquals(200, result.response().status().intValue(), result.entityString());
  }
}
