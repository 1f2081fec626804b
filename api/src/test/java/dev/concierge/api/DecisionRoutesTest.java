package dev.concierge.api;

import dev.concierge.models.rules.PurchasedPolicy;
import dev.concierge.models.rules.RuleOverrides;
import java.util.Map;
import java.util.Set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.engine.decision.DecisionOutcome;
import dev.concierge.models.DecisionQuery;
import dev.concierge.models.RankedItem;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionRoutesTest extends RouteTestSupport {

  @Test
  void validRequestReturns200WithTheContractShape() {
    RouteFixture fixture = new RouteFixture();

    TestRouteResult result = post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"limit\":2}");

    result.assertStatusCode(200).assertContentType(ContentTypes.APPLICATION_JSON);
    JsonNode body = json(result);
    assertEquals(
        List.of("decisionId", "customerId", "modelVersion", "experiment", "arm", "fallback", "items"), fieldNames(body));
    assertEquals("trees-vs-linear", body.get("experiment").asText());
    assertEquals("model-v3", body.get("arm").asText());
    assertEquals("d-1", body.get("decisionId").asText());
    assertEquals("c-42", body.get("customerId").asText());
    assertEquals("model-v3", body.get("modelVersion").asText());
    assertTrue(body.get("fallback").isBoolean());
    assertFalse(body.get("fallback").asBoolean());
    JsonNode items = body.get("items");
    assertEquals(2, items.size());
    JsonNode first = items.get(0);
    assertEquals(List.of("itemId", "score", "reasons"), fieldNames(first));
    assertEquals("sku-9", first.get("itemId").asText());
    assertTrue(first.get("score").isNumber());
    assertEquals(0.83, first.get("score").asDouble(), 1e-12);
    assertEquals("you viewed shoes", first.get("reasons").get(0).asText());
    assertEquals("popular in shoes", first.get("reasons").get(1).asText());
    assertEquals("sku-11", items.get(1).get("itemId").asText());
    assertTrue(items.get(1).get("reasons").isArray(), "reasons is an array even when empty");
    assertEquals(0, items.get(1).get("reasons").size());
  }

  @Test
  void queryPassedToTheDeciderCarriesEveryRequestField() {
    RouteFixture fixture = new RouteFixture();

    post(
            fixture.route(),
            "/v1/decisions",
            """
            {"customerId":"c-42","limit":5,"context":{"itemId":"sku-7","page":"product"},
             "candidates":["sku-1","sku-2","sku-3"],"exclude":["sku-2","sku-8"]}""")
        .assertStatusCode(200);

    assertEquals(
        List.of(new DecisionQuery("c-42", 5, "sku-7", List.of("sku-1", "sku-2", "sku-3"), Set.of("sku-2", "sku-8"))),
        fixture.decisionQueries);
  }

  @Test
  void limitDefaultsToTenWhenAbsent() {
    RouteFixture fixture = new RouteFixture();

    post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\"}").assertStatusCode(200);

    assertEquals(1, fixture.decisionQueries.size());
    DecisionQuery query = fixture.decisionQueries.get(0);
    assertEquals(10, query.limit());
    assertEquals(null, query.contextItemId(), "no context means no context item");
    assertEquals(List.of(), query.candidates(), "no candidates means generate them");
    assertEquals(Set.of(), query.exclude());
  }

  @Test
  void limitNullAlsoMeansTheDefault() {
    RouteFixture fixture = new RouteFixture();

    post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"limit\":null}").assertStatusCode(200);

    assertEquals(10, fixture.decisionQueries.get(0).limit());
  }

  @ParameterizedTest(name = "limit {0} is accepted")
  @ValueSource(ints = {1, 100})
  void limitBoundariesAreAccepted(int limit) {
    RouteFixture fixture = new RouteFixture();

    post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"limit\":" + limit + "}").assertStatusCode(200);

    assertEquals(limit, fixture.decisionQueries.get(0).limit());
  }

  @Test
  void fallbackOutcomeIsRenderedWithFallbackTrue() {
    RouteFixture fixture =
        new RouteFixture()
            .deciding(
                query ->
                    CompletableFuture.completedFuture(
                        new DecisionOutcome(
                            "d-2",
                            query.customerId(),
                            "popularity",
                            null,
                            null,
                            true,
                            List.of(new RankedItem("sku-1", 1.0, List.of("popular"))), null)));

    TestRouteResult result = post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\"}");

    result.assertStatusCode(200).assertContentType(ContentTypes.APPLICATION_JSON);
    JsonNode body = json(result);
    assertTrue(body.get("fallback").isBoolean());
    assertTrue(body.get("fallback").asBoolean());
    assertEquals("popularity", body.get("modelVersion").asText());
    assertEquals("sku-1", body.get("items").get(0).get("itemId").asText());
  }

  @Test
  void emptyObjectIs400NamingCustomerId() {
    RouteFixture fixture = new RouteFixture();

    String message = assertError(post(fixture.route(), "/v1/decisions", "{}"), 400, "invalid_request");

    assertMentions(message, "customerId");
    assertTrue(fixture.decisionQueries.isEmpty(), "an invalid request never reaches the decider");
  }

  @ParameterizedTest(name = "customerId {0} is 400")
  @ValueSource(strings = {"\"\"", "\"   \"", "42", "null", "[\"c-42\"]"})
  void customerIdMustBeANonEmptyString(String customerId) {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(
            post(fixture.route(), "/v1/decisions", "{\"customerId\":" + customerId + "}"), 400, "invalid_request");

    assertMentions(message, "customerId");
    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @Test
  void bodyThatIsNotJsonIs400InvalidJson() {
    RouteFixture fixture = new RouteFixture();

    String message = assertError(post(fixture.route(), "/v1/decisions", "customerId=c-42"), 400, "invalid_json");

    assertMentions(message, "not valid JSON");
    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @Test
  void truncatedJsonIs400InvalidJson() {
    RouteFixture fixture = new RouteFixture();

    assertError(post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\""), 400, "invalid_json");

    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @Test
  void emptyBodyIs400() {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(testRoute(fixture.route()).run(HttpRequest.POST("/v1/decisions")), 400, "invalid_json");

    assertMentions(message, "empty");
    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @Test
  void whitespaceOnlyBodyIs400() {
    RouteFixture fixture = new RouteFixture();

    String message = assertError(post(fixture.route(), "/v1/decisions", "  \n "), 400, "invalid_json");

    assertMentions(message, "empty");
  }

  @ParameterizedTest(name = "body {0} is 400")
  @ValueSource(strings = {"[]", "[{\"customerId\":\"c-42\"}]", "\"c-42\"", "42", "null"})
  void bodyThatIsNotAnObjectIs400(String body) {
    RouteFixture fixture = new RouteFixture();

    String message = assertError(post(fixture.route(), "/v1/decisions", body), 400, "invalid_request");

    assertMentions(message, "customerId");
    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @ParameterizedTest(name = "limit {0} is 400 naming limit")
  @ValueSource(strings = {"0", "101", "\"ten\"", "\"10\"", "-1", "2.5", "10000000000", "true"})
  void limitOutOfRangeOrNotAnIntegerIs400NamingLimit(String limit) {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(
            post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"limit\":" + limit + "}"),
            400,
            "invalid_request");

    assertMentions(message, "limit", "1 to 100");
    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @ParameterizedTest(name = "candidates {0} is 400")
  @ValueSource(strings = {"\"sku-1\"", "{\"itemId\":\"sku-1\"}", "42"})
  void candidatesThatAreNotAnArrayAre400(String candidates) {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(
            post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"candidates\":" + candidates + "}"),
            400,
            "invalid_request");

    assertMentions(message, "candidates", "array");
    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @Test
  void candidatesHoldingNonStringsAre400() {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(
            post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"candidates\":[\"sku-1\",7]}"),
            400,
            "invalid_request");

    assertMentions(message, "candidates");
  }

  @Test
  void excludeThatIsNotAnArrayOfStringsIs400() {
    RouteFixture fixture = new RouteFixture();

    String notArray =
        assertError(
            post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"exclude\":\"sku-1\"}"),
            400,
            "invalid_request");
    String notStrings =
        assertError(
            post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"exclude\":[{}]}"),
            400,
            "invalid_request");

    assertMentions(notArray, "exclude");
    assertMentions(notStrings, "exclude");
    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @ParameterizedTest(name = "context {0} is 400")
  @ValueSource(strings = {"\"sku-7\"", "[\"sku-7\"]", "7", "true"})
  void contextThatIsNotAnObjectIs400(String context) {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(
            post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"context\":" + context + "}"),
            400,
            "invalid_request");

    assertMentions(message, "context", "object");
    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @Test
  void contextItemIdThatIsNotAStringIs400() {
    RouteFixture fixture = new RouteFixture();

    String message =
        assertError(
            post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"context\":{\"itemId\":7}}"),
            400,
            "invalid_request");

    assertMentions(message, "context.itemId");
  }

  @Test
  void contextWithoutItemIdIsAccepted() {
    RouteFixture fixture = new RouteFixture();

    post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\",\"context\":{\"page\":\"home\"}}")
        .assertStatusCode(200);

    assertEquals(null, fixture.decisionQueries.get(0).contextItemId());
  }

  @Test
  void deciderThatBreaksItsNeverFailPromiseIsAJson500NotAClientError() {
    RouteFixture fixture =
        new RouteFixture().deciding(query -> CompletableFuture.failedFuture(new IllegalStateException("boom")));

    String message =
        assertError(post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\"}"), 500, "internal_error");

    assertFalse(message.contains("boom"), "internal details stay in the log: " + message);
  }

  @Test
  void bodyWithTrailingContentAfterTheJsonObjectIs400InvalidJson() {
    RouteFixture fixture = new RouteFixture();

    assertError(
        post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\"} {\"customerId\":\"c-43\"}"),
        400,
        "invalid_json");

    assertTrue(fixture.decisionQueries.isEmpty());
  }

  @Test
  void ruleOverridesInTheRequestReachTheDeciderInEitherSpelling() {
    RouteFixture fixture = new RouteFixture();

    post(
            fixture.route(),
            "/v1/decisions",
            "{\"customerId\":\"c-42\",\"rules\":{\"purchased\":\"keep\",\"purchased-by-category\":{\"tents\":\"exclude-category\"},"
                + "\"excludeOutOfStock\":false,\"exclude-items\":[\"sku-9\"],\"boost\":{\"items\":{\"sku-1\":1.5},"
                + "\"categories\":{\"socks\":0.5}},\"pin\":{\"sku-2\":1},\"diversity\":{\"maxPerCategory\":2,\"within-top\":5}}}")
        .assertStatusCode(200);

    assertEquals(
        new RuleOverrides(
            PurchasedPolicy.KEEP, Map.of("tents", PurchasedPolicy.EXCLUDE_CATEGORY), false, Set.of("sku-9"),
            Map.of("sku-1", 1.5), Map.of("socks", 0.5), Map.of("sku-2", 1), 2, 5),
        fixture.ruleOverrides.get(0));
  }

  @Test
  void aRequestWithoutRulesKeepsTheConfiguredOnes() {
    RouteFixture fixture = new RouteFixture();

    post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-42\"}").assertStatusCode(200);

    assertEquals(RuleOverrides.NONE, fixture.ruleOverrides.get(0));
  }

  @Test
  void badRuleOverridesAre400NamingTheKey() {
    RouteFixture fixture = new RouteFixture();

    assertMentions(
        assertError(post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c\",\"rules\":{\"boost\":{\"items\":{\"sku-1\":0}}}}"), 400, "invalid_request"),
        "rules.boost.items.sku-1");
    assertMentions(
        assertError(post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c\",\"rules\":{\"purchased\":\"sometimes\"}}"), 400, "invalid_request"),
        "rules.purchased", "exclude-item");
    assertMentions(
        assertError(post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c\",\"rules\":{\"pin\":{\"sku-2\":0}}}"), 400, "invalid_request"),
        "rules.pin.sku-2");
    assertMentions(
        assertError(post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c\",\"rules\":[1]}"), 400, "invalid_request"),
        "rules");
    assertTrue(fixture.decisionQueries.isEmpty());
  }
}
