package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.models.rules.InvalidRuleException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of every request body is checked before anything is asked of an actor: null, negative,
 * zero and huge numbers, wrong types, unknown policies and bad ids are each a 400 that names the field
 * by its JSON path, and the request goes no further.
 */
class RequestValidationTest extends RouteTestSupport {

  private static final int MAX_ITEMS = RouteFixture.PRODUCTION_SETTINGS.limits().maxItemsPerList();
  private static final String EVENT =
      "{\"eventId\":\"e-1\",\"customerId\":\"c-1\",\"type\":\"view\",\"itemId\":\"sku-1\",\"timestamp\":\"2026-11-26T10:00:00Z\"}";

  private static Arguments refused(String path, String body) {
    return Arguments.of(path, body);
  }

  private static String decision(String fields) {
    return "{\"customerId\":\"c-1\"," + fields + "}";
  }

  private static String rules(String rules) {
    return decision("\"rules\":" + rules);
  }

  private static String ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> "\"sku-" + i + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  static Stream<Arguments> hostileDecisions() {
    return Stream.of(
        refused("customerId", "{\"customerId\":null}"),
        refused("customerId", "{\"customerId\":42}"),
        refused("customerId", "{\"customerId\":\"c 1\"}"),
        refused("limit", decision("\"limit\":0")),
        refused("limit", decision("\"limit\":-1")),
        refused("limit", decision("\"limit\":101")),
        refused("limit", decision("\"limit\":1e400")),
        refused("limit", decision("\"limit\":99999999999999999999")),
        refused("limit", decision("\"limit\":\"10\"")),
        refused("context", decision("\"context\":\"sku-7\"")),
        refused("context.itemId", decision("\"context\":{\"itemId\":7}")),
        refused("context.itemId", decision("\"context\":{\"itemId\":\"sku 7\"}")),
        refused("candidates", decision("\"candidates\":{}")),
        refused("candidates", decision("\"candidates\":" + ids(MAX_ITEMS + 1))),
        refused("candidates[1]", decision("\"candidates\":[\"sku-1\",7]")),
        refused("exclude[0]", decision("\"exclude\":[null]")),
        refused("rules", rules("[1]")),
        refused("rules.purchased", rules("{\"purchased\":\"sometimes\"}")),
        refused("rules.purchased", rules("{\"purchased\":5}")),
        refused("rules.purchasedByCategory.x", rules("{\"purchasedByCategory\":{\"x\":null}}")),
        refused("rules.purchased-by-category.x", rules("{\"purchased-by-category\":{\"x\":\"never\"}}")),
        refused("rules.purchasedByCategory", rules("{\"purchasedByCategory\":[\"keep\"]}")),
        refused("rules.purchasedByCategory.", rules("{\"purchasedByCategory\":{\"\":\"keep\"}}")),
        refused("rules.excludeOutOfStock", rules("{\"excludeOutOfStock\":\"yes\"}")),
        refused("rules.exclude-out-of-stock", rules("{\"excludeOutOfStock\":true,\"exclude-out-of-stock\":0}")),
        refused("rules.excludeItems", rules("{\"excludeItems\":\"sku-1\"}")),
        refused("rules.excludeItems[0]", rules("{\"excludeItems\":[null]}")),
        refused("rules.exclude-items[1]", rules("{\"exclude-items\":[\"sku-1\",\"sku 2\"]}")),
        refused("rules.excludeItems", rules("{\"excludeItems\":" + ids(MAX_ITEMS + 1) + "}")),
        refused("rules.boost", rules("{\"boost\":5}")),
        refused("rules.boost.items", rules("{\"boost\":{\"items\":[]}}")),
        refused("rules.boost.items.sku-1", rules("{\"boost\":{\"items\":{\"sku-1\":null}}}")),
        refused("rules.boost.items.sku-1", rules("{\"boost\":{\"items\":{\"sku-1\":0}}}")),
        refused("rules.boost.items.sku-1", rules("{\"boost\":{\"items\":{\"sku-1\":-1}}}")),
        refused("rules.boost.items.sku-1", rules("{\"boost\":{\"items\":{\"sku-1\":1e308}}}")),
        refused("rules.boost.items.sku-1", rules("{\"boost\":{\"items\":{\"sku-1\":\"2\"}}}")),
        refused("rules.boost.items.sku 1", rules("{\"boost\":{\"items\":{\"sku 1\":2}}}")),
        refused("rules.boost.categories.shoes", rules("{\"boost\":{\"categories\":{\"shoes\":1e400}}}")),
        refused("rules.pin", rules("{\"pin\":[\"sku-1\"]}")),
        refused("rules.pin.sku-1", rules("{\"pin\":{\"sku-1\":0}}")),
        refused("rules.pin.sku-1", rules("{\"pin\":{\"sku-1\":101}}")),
        refused("rules.pin.sku-1", rules("{\"pin\":{\"sku-1\":1.5}}")),
        refused("rules.pin.sku-1", rules("{\"pin\":{\"sku-1\":null}}")),
        refused("rules.diversity", rules("{\"diversity\":\"x\"}")),
        refused("rules.diversity.maxPerCategory", rules("{\"diversity\":{\"maxPerCategory\":-1}}")),
        refused("rules.diversity.maxPerCategory", rules("{\"diversity\":{\"maxPerCategory\":2147483648}}")),
        refused("rules.diversity.maxPerCategory", rules("{\"diversity\":{\"maxPerCategory\":101}}")),
        refused("rules.diversity.max-per-category", rules("{\"diversity\":{\"max-per-category\":-1}}")),
        refused("rules.diversity.withinTop", rules("{\"diversity\":{\"withinTop\":-1}}")),
        refused("rules.diversity.within-top", rules("{\"diversity\":{\"within-top\":true}}")));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("hostileDecisions")
  void aHostileDecisionFieldIs400NamingItAndNeverReachesTheDecider(String path, String body) {
    RouteFixture fixture = new RouteFixture();

    assertNames(path, assertError(post(fixture.route(), "/v1/decisions", body), 400, "invalid_request"));
    assertTrue(fixture.decisionQueries.isEmpty(), "nothing reached the decider");
  }

  static Stream<Arguments> hostileEvents() {
    return Stream.of(
        refused("eventId", EVENT.replace("\"e-1\"", "null")),
        refused("type", EVENT.replace("\"view\"", "\"stare\"")),
        refused("timestamp", EVENT.replace("\"2026-11-26T10:00:00Z\"", "\"yesterday\"")),
        refused("quantity", EVENT.replace("}", ",\"quantity\":0}")),
        refused("quantity", EVENT.replace("}", ",\"quantity\":99999999999}")),
        refused("price", EVENT.replace("}", ",\"price\":-1}")),
        refused("price", EVENT.replace("}", ",\"price\":1e400}")),
        refused("context", EVENT.replace("}", ",\"context\":[1]}")),
        refused("[1].itemId", "[" + EVENT + "," + EVENT.replace("\"sku-1\"", "\"sku 1\"") + "]"));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("hostileEvents")
  void aHostileEventFieldIs400NamingItAndNothingIsPublished(String path, String body) {
    RouteFixture fixture = new RouteFixture();

    assertNames(path, assertError(post(fixture.route(), "/v1/events", body), 400, "invalid_request"));
    assertTrue(fixture.publishedBatches.isEmpty(), "nothing was published");
  }

  static Stream<Arguments> hostileExperiments() {
    return Stream.of(
        refused("arms", "{\"arms\":null}"),
        refused("arms", "{\"arms\":[1]}"),
        refused("arms.v2", "{\"arms\":{\"v1\":1,\"v2\":null}}"),
        refused("arms.v2", "{\"arms\":{\"v1\":1,\"v2\":-1}}"),
        refused("arms.v2", "{\"arms\":{\"v1\":1,\"v2\":0}}"),
        refused("arms.v2", "{\"arms\":{\"v1\":1,\"v2\":1e400}}"),
        refused("arms.v2", "{\"arms\":{\"v1\":1,\"v2\":\"1\"}}"),
        refused("arms.", "{\"arms\":{\"\":1}}"),
        refused("arms", "{\"arms\":" + ids(MAX_ITEMS + 1).replace("[", "{").replace("\",", "\":1,")
            .replace("\"]", "\":1}") + "}"));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("hostileExperiments")
  void aHostileExperimentFieldIs400NamingItAndNeverReachesTheRegistry(String path, String body) {
    FakeModelAdmin models = new FakeModelAdmin();

    assertNames(path, assertError(admin(new RouteFixture().modelAdmin(models),
        HttpRequest.PUT("/admin/experiments/ab").withEntity(ContentTypes.APPLICATION_JSON, body)), 400, "invalid_request"));
    assertTrue(models.experimentArms.isEmpty(), "nothing reached the model registry");
  }

  @Test
  void anExperimentNameThatIsNotAnIdIs400NamingIt() {
    FakeModelAdmin models = new FakeModelAdmin();

    assertNames("experiment name", assertError(admin(new RouteFixture().modelAdmin(models),
        HttpRequest.PUT("/admin/experiments/a%20b").withEntity(ContentTypes.APPLICATION_JSON, "{\"arms\":{\"v1\":1}}")),
        400, "invalid_request"));
    assertTrue(models.experimentArms.isEmpty());
  }

  static Stream<Arguments> hostileNodeAddresses() {
    return Stream.of("null", "\"\"", "7", "{}", "\"pekko://concierge@host:1 \"", "\"pekko://concierge@h\\u0000st:1\"",
        "\"" + "a".repeat(RouteFixture.PRODUCTION_SETTINGS.limits().maxAddressLength() + 1) + "\"")
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "to {0}")
  @MethodSource("hostileNodeAddresses")
  void aHostileMoveTargetIs400NamingItAndNeverReachesTheCluster(String address) {
    FakeClusterAdmin cluster = new FakeClusterAdmin();

    assertNames("to", assertError(admin(new RouteFixture().clusterAdmin(cluster),
        HttpRequest.POST("/admin/shards/7/move").withEntity(ContentTypes.APPLICATION_JSON, "{\"to\":" + address + "}")),
        400, "invalid_request"));
    assertTrue(cluster.moves.isEmpty());
  }

  @ParameterizedTest(name = "address {0}")
  @MethodSource("hostileNodeAddresses")
  void aHostileDrainAddressIs400NamingItAndNeverReachesTheCluster(String address) {
    FakeClusterAdmin cluster = new FakeClusterAdmin();

    assertNames("address", assertError(admin(new RouteFixture().clusterAdmin(cluster),
        HttpRequest.POST("/admin/nodes/drain").withEntity(ContentTypes.APPLICATION_JSON, "{\"address\":" + address + "}")),
        400, "invalid_request"));
    assertTrue(cluster.drains.isEmpty());
  }

  /** The second line: rules that slipped past the reader and cannot exist are still the client's 400. */
  @Test
  void rulesThatBreakAnInvariantAre400NotAServerFault() {
    RouteFixture fixture = new RouteFixture().deciding(query -> CompletableFuture.failedFuture(
        new InvalidRuleException("max-per-category must be >= 0 (0 = no cap), was -1")));

    assertNames("rules", assertError(post(fixture.route(), "/v1/decisions", "{\"customerId\":\"c-1\"}"), 400,
        "invalid_request"));
  }

  private org.apache.pekko.http.javadsl.testkit.TestRouteResult admin(RouteFixture fixture, HttpRequest request) {
    return testRoute(fixture.route()).run(request.addHeader(Authorization.oauth2(RouteFixture.ADMIN_TOKEN)));
  }

  /** The message names the field as {@code 'path'}; an event of an array as {@code event [i]: field 'rest'}. */
  private static void assertNames(String path, String message) {
    if (path.startsWith("[")) {
      int end = path.indexOf(']');
      assertMentions(message, "event " + path.substring(0, end + 1), "'" + path.substring(end + 2) + "'");
    } else {
      assertMentions(message, "'" + path + "'");
    }
  }
}
