package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.Test;

class MetricsRoutesTest extends RouteTestSupport {

  private static final String SCRAPE = "# TYPE concierge_dead_letters_total counter\nconcierge_dead_letters_total 2.0\n";

  @Test
  void metricsAreTheRegistrysScrapeAsPlainTextWithoutAToken() {
    TestRouteResult result = get(new RouteFixture().metrics(() -> SCRAPE).route(), "/metrics");

    assertEquals(200, result.response().status().intValue());
    assertTrue(result.response().entity().getContentType().toString().startsWith("text/plain"));
    assertEquals(SCRAPE, result.entityString());
  }

  @Test
  void eachRequestScrapesAfresh() {
    int[] scrapes = {0};
    var route = new RouteFixture().metrics(() -> "scrape " + ++scrapes[0]).route();

    get(route, "/metrics");

    assertEquals("scrape 2", get(route, "/metrics").entityString());
  }
}
