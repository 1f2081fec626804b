package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.Authorization;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/customers/{id}/features} is the secret surface: the server key opens it, nothing else. */
class FeaturesServerKeyTest extends RouteTestSupport {

  private static final String FEATURES = "/v1/customers/c-42/features";

  private static RouteFixture withServerKey(Optional<String> key) {
    AccessSettings open = RouteFixture.PRODUCTION_SETTINGS.access();
    return new RouteFixture().access(new AccessSettings(
        key, List.of(), open.perKey(), open.perAddress(), open.maxTracked(), open.cors()));
  }

  @Test
  void withoutAConfiguredServerKeyTheFeaturesAre403NamingTheSettingThatOpensThem() {
    RouteFixture fixture = withServerKey(Optional.empty());

    String message = assertError(getAsServer(fixture.route(), FEATURES), 403, "forbidden");

    assertMentions(message, "CONCIERGE_SERVER_KEY", "concierge.http.server-key");
    assertTrue(fixture.featureRequests.isEmpty(), "nothing was read");
  }

  @Test
  void withoutAKeyTheFeaturesAre401WithABearerChallenge() {
    RouteFixture fixture = new RouteFixture();

    TestRouteResult result = get(fixture.route(), FEATURES);

    assertError(result, 401, "unauthorized");
    result.assertHeaderKindExists("WWW-Authenticate");
    assertTrue(fixture.featureRequests.isEmpty(), "nothing was read");
  }

  @Test
  void withAnotherKeyTheFeaturesAre403() {
    RouteFixture fixture = new RouteFixture();

    assertError(testRoute(fixture.route()).run(HttpRequest.GET(FEATURES).addHeader(Authorization.oauth2("sk_guess"))),
        403, "forbidden");
    assertTrue(fixture.featureRequests.isEmpty(), "nothing was read");
  }

  @Test
  void aPublishableKeyDoesNotOpenTheFeatures() {
    RouteFixture fixture = new RouteFixture().access(BrowserRequests.generous());

    assertError(get(fixture.route(), FEATURES + "?key=" + BrowserRequests.DEMO_KEY), 401, "unauthorized");
  }

  @Test
  void theServerKeyAsConfiguredWithATrailingNewlineOpensTheFeatures() {
    RouteFixture fixture = withServerKey(Optional.of(" " + RouteFixture.SERVER_KEY + "\n"));

    getAsServer(fixture.route(), FEATURES).assertStatusCode(200);
  }
}
