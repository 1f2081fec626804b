package dev.concierge.api;

import static dev.concierge.api.BrowserRequests.DECISION;
import static dev.concierge.api.BrowserRequests.DEMO_KEY;
import static dev.concierge.api.BrowserRequests.EVENT;
import static dev.concierge.api.BrowserRequests.GENEROUS;
import static dev.concierge.api.BrowserRequests.OUTLET_KEY;
import static dev.concierge.api.BrowserRequests.access;
import static dev.concierge.api.BrowserRequests.from;
import static dev.concierge.api.BrowserRequests.fromShop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.api.AccessSettings.RateLimit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Publishable keys and the token buckets of {@code /v1/events} and {@code /v1/decisions}. */
class StorefrontAccessTest extends RouteTestSupport {

  /** Two requests at once, then one every two seconds: the third at once waits two seconds. */
  private static final RateLimit TWO_THEN_ONE_PER_TWO_SECONDS = new RateLimit(2, 0.5);

  private final AtomicLong nanos = new AtomicLong();

  private TestRouteResult run(Route route, HttpRequest request) {
    return testRoute(route).run(request);
  }

  private static HttpRequest event(String key, String address) {
    return from(fromShop("/v1/events?key=" + key, EVENT), address);
  }

  private static String bodyOf(String path) {
    return path.endsWith("events") ? EVENT : DECISION;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/v1/events", "/v1/decisions"})
  void withKeysConfiguredARequestWithoutOneIs401SayingWhatToSend(String path) {
    RouteFixture fixture = new RouteFixture().access(BrowserRequests.generous());

    String message = assertError(run(fixture.route(), fromShop(path, bodyOf(path))), 401, "unauthorized");

    assertMentions(message, "?key=pk_", "Authorization: Bearer");
    assertTrue(fixture.publishedBatches.isEmpty() && fixture.decisionQueries.isEmpty(), "nothing went further");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/v1/events", "/v1/decisions"})
  void anUnknownPublishableKeyIs401(String path) {
    RouteFixture fixture = new RouteFixture().access(BrowserRequests.generous());

    assertError(run(fixture.route(), fromShop(path + "?key=pk_someone-elses", bodyOf(path))), 401, "unauthorized");
  }

  @Test
  void aKnownPublishableKeyIsAcceptedOnBothEndpointsAndOnABeacon() {
    RouteFixture fixture = new RouteFixture().access(BrowserRequests.generous());

    run(fixture.route(), fromShop("/v1/events?key=" + DEMO_KEY, EVENT)).assertStatusCode(202);
    run(fixture.route(), fromShop("/v1/decisions?key=" + OUTLET_KEY, DECISION)).assertStatusCode(200);
    run(fixture.route(), HttpRequest.POST("/v1/events?key=" + DEMO_KEY).withEntity(ContentTypes.TEXT_PLAIN_UTF8, EVENT))
        .assertStatusCode(202);

    assertEquals(2, fixture.publishedBatches.size());
  }

  @Test
  void theServerKeyIsAcceptedWithoutAPublishableKeyAndAnotherBearerIsNot() {
    RouteFixture fixture = new RouteFixture().access(BrowserRequests.generous());

    run(fixture.route(), asServer(fromShop("/v1/decisions", DECISION))).assertStatusCode(200);
    assertError(run(fixture.route(), fromShop("/v1/decisions", DECISION).addHeader(Authorization.oauth2("sk_guess"))),
        401, "unauthorized");
  }

  @Test
  void withoutKeysConfiguredTheEndpointsStayOpen() {
    run(new RouteFixture().route(), fromShop("/v1/events", EVENT)).assertStatusCode(202);
  }

  @Test
  void aKeyOverItsLimitIs429WithRetryAfterWhileAnotherKeyPasses() {
    Route route = new RouteFixture().access(access(TWO_THEN_ONE_PER_TWO_SECONDS, GENEROUS)).nanoTime(nanos::get).route();
    run(route, event(DEMO_KEY, "203.0.113.1")).assertStatusCode(202);
    run(route, event(DEMO_KEY, "203.0.113.2")).assertStatusCode(202);

    TestRouteResult limited = run(route, event(DEMO_KEY, "203.0.113.3"));

    assertMentions(assertError(limited, 429, "rate_limited"), "demo");
    limited.assertHeaderExists("Retry-After", "2");
    run(route, event(OUTLET_KEY, "203.0.113.3")).assertStatusCode(202);
  }

  @Test
  void anAddressOverItsLimitIs429WithRetryAfterWhileAnotherAddressPasses() {
    Route route = new RouteFixture().access(access(GENEROUS, TWO_THEN_ONE_PER_TWO_SECONDS)).nanoTime(nanos::get).route();
    run(route, event(DEMO_KEY, "203.0.113.1")).assertStatusCode(202);
    run(route, event(OUTLET_KEY, "203.0.113.1")).assertStatusCode(202);

    TestRouteResult limited = run(route, event(DEMO_KEY, "203.0.113.1"));

    assertMentions(assertError(limited, 429, "rate_limited"), "address");
    limited.assertHeaderExists("Retry-After", "2");
    run(route, event(DEMO_KEY, "203.0.113.2")).assertStatusCode(202);
  }

  @Test
  void aLimitedClientPassesAgainOnceItsBucketRefilled() {
    Route route = new RouteFixture().access(access(GENEROUS, TWO_THEN_ONE_PER_TWO_SECONDS)).nanoTime(nanos::get).route();
    run(route, event(DEMO_KEY, "203.0.113.1"));
    run(route, event(DEMO_KEY, "203.0.113.1"));
    run(route, event(DEMO_KEY, "203.0.113.1")).assertStatusCode(429);

    nanos.addAndGet(Duration.ofSeconds(2).toNanos());

    run(route, event(DEMO_KEY, "203.0.113.1")).assertStatusCode(202);
  }

  @Test
  void addressesOfOneIpv6SubscriberShareABucket() {
    Route route = new RouteFixture().access(access(GENEROUS, TWO_THEN_ONE_PER_TWO_SECONDS)).nanoTime(nanos::get).route();
    run(route, event(DEMO_KEY, "2001:db8:1:2::1")).assertStatusCode(202);
    run(route, event(DEMO_KEY, "2001:db8:1:2::2")).assertStatusCode(202);

    run(route, event(DEMO_KEY, "2001:db8:1:2:ffff::3")).assertStatusCode(429);
    run(route, event(DEMO_KEY, "2001:db8:1:3::1")).assertStatusCode(202);
  }

  @Test
  void theServerKeyIsNotRateLimited() {
    Route route = new RouteFixture().access(access(TWO_THEN_ONE_PER_TWO_SECONDS, TWO_THEN_ONE_PER_TWO_SECONDS))
        .nanoTime(nanos::get).route();

    for (int i = 0; i < 5; i++) {
      run(route, asServer(from(fromShop("/v1/events", EVENT), "203.0.113.1"))).assertStatusCode(202);
    }
  }
}
