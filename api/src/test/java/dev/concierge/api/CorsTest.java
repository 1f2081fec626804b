package dev.concierge.api;

import static dev.concierge.api.BrowserRequests.DEMO_KEY;
import static dev.concierge.api.BrowserRequests.EVENT;
import static dev.concierge.api.BrowserRequests.SHOP;
import static dev.concierge.api.BrowserRequests.fromShop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.AccessSettings.CorsSettings;
import dev.concierge.api.AccessSettings.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpMethods;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** CORS on the browser endpoints, for the configured origins only, on every answer, errors included. */
class CorsTest extends RouteTestSupport {

  private static final String OTHER = "https://elsewhere.example";

  private final Route route = new RouteFixture().access(BrowserRequests.generous()).route();

  private static HttpRequest preflight(String path, String origin) {
    return HttpRequest.create(path).withMethod(HttpMethods.OPTIONS)
        .addHeader(RawHeader.create("Origin", origin))
        .addHeader(RawHeader.create("Access-Control-Request-Method", "POST"))
        .addHeader(RawHeader.create("Access-Control-Request-Headers", "content-type"));
  }

  private static Optional<String> header(TestRouteResult result, String name) {
    return result.response().getHeader(name).map(HttpHeader::value);
  }

  private static void assertCorsFor(TestRouteResult result, String origin) {
    assertEquals(Optional.of(origin), header(result, "Access-Control-Allow-Origin"));
    assertEquals(Optional.of("Retry-After"), header(result, "Access-Control-Expose-Headers"));
  }

  private static void assertNoCors(TestRouteResult result) {
    assertTrue(StreamSupport.stream(result.response().getHeaders().spliterator(), false)
            .noneMatch(h -> h.lowercaseName().startsWith("access-control-")),
        "CORS headers: " + result.response().getHeaders());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/v1/events", "/v1/decisions"})
  void aPreflightFromAnAllowedOriginIs204WithWhatThePostNeeds(String path) {
    TestRouteResult result = testRoute(route).run(preflight(path, SHOP));

    result.assertStatusCode(204);
    assertEquals(Optional.of(SHOP), header(result, "Access-Control-Allow-Origin"));
    assertEquals(Optional.of("POST"), header(result, "Access-Control-Allow-Methods"));
    assertEquals(Optional.of("Content-Type"), header(result, "Access-Control-Allow-Headers"));
    assertEquals(Optional.of("600"), header(result, "Access-Control-Max-Age"));
    assertEquals(Optional.of("Origin"), header(result, "Vary"));
  }

  @Test
  void aPreflightFromAnotherOriginIs403WithoutCorsHeaders() {
    TestRouteResult result = testRoute(route).run(preflight("/v1/events", OTHER));

    assertMentions(assertError(result, 403, "forbidden"), "concierge.http.cors.allowed-origins");
    assertNoCors(result);
  }

  @Test
  void a400ToAnAllowedOriginCarriesTheCorsHeaders() {
    TestRouteResult result = testRoute(route).run(fromShop("/v1/events?key=" + DEMO_KEY, "[{}]"));

    assertError(result, 400, "invalid_request");
    assertCorsFor(result, SHOP);
  }

  @Test
  void a401ToAnAllowedOriginCarriesTheCorsHeaders() {
    TestRouteResult result = testRoute(route).run(fromShop("/v1/events", EVENT));

    assertError(result, 401, "unauthorized");
    assertCorsFor(result, SHOP);
  }

  @Test
  void a429ToAnAllowedOriginCarriesTheCorsHeadersAndExposesRetryAfter() {
    RateLimit one = new RateLimit(1, 1);
    Route limited = new RouteFixture().access(BrowserRequests.access(one, one)).nanoTime(() -> 0).route();
    testRoute(limited).run(fromShop("/v1/events?key=" + DEMO_KEY, EVENT)).assertStatusCode(202);

    TestRouteResult result = testRoute(limited).run(fromShop("/v1/events?key=" + DEMO_KEY, EVENT));

    assertError(result, 429, "rate_limited");
    assertCorsFor(result, SHOP);
    result.assertHeaderExists("Retry-After", "1");
  }

  @Test
  void anAnswerToAnotherOriginHasNoCorsHeaders() {
    TestRouteResult result = testRoute(route).run(
        fromShop("/v1/events?key=" + DEMO_KEY, EVENT).addHeader(RawHeader.create("Origin", OTHER)));

    result.assertStatusCode(202);
    assertNoCors(result);
  }

  @Test
  void otherEndpointsHaveNoCors() {
    assertNoCors(testRoute(route).run(HttpRequest.GET("/health/alive").addHeader(RawHeader.create("Origin", SHOP))));
    assertNoCors(testRoute(route).run(preflight("/v1/customers/c-42/features", SHOP)));
  }

  @Test
  void withoutAllowedOriginsCorsIsOff() {
    Route off = new RouteFixture().route();

    assertNoCors(testRoute(off).run(preflight("/v1/events", SHOP)));
    assertNoCors(testRoute(off).run(fromShop("/v1/events", EVENT)));
  }

  @Test
  void theWildcardAdmitsEveryOrigin() {
    AccessSettings shops = BrowserRequests.generous();
    Route any = new RouteFixture().access(new AccessSettings(shops.serverKey(), shops.storefronts(), shops.perKey(),
        shops.perAddress(), shops.maxTracked(), new CorsSettings(List.of(Cors.ANY_ORIGIN), Duration.ofMinutes(1)))).route();

    testRoute(any).run(preflight("/v1/decisions", OTHER)).assertStatusCode(204);
    assertCorsFor(testRoute(any).run(fromShop("/v1/events?key=" + DEMO_KEY, EVENT)), Cors.ANY_ORIGIN);
  }
}
