package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The route tree and the error handlers are built once, when the routes are, and not again for every
 * request: Pekko's Java DSL calls each directive's {@code Supplier<Route>} per request, so a tree whose
 * suppliers build directives is rebuilt per request. Every directive of the Java DSL makes a {@code
 * RouteAdapter}, and every handler a Java {@code ExceptionHandler} or {@code RejectionHandler}; the JVM's
 * class histogram of all objects, dead ones included, counts what serving requests made.
 */
@Isolated("counts objects on the whole heap")
class RoutesBuiltOnceTest extends RouteTestSupport {

  private static final List<String> ROUTE_BUILDING = List.of(
      "org.apache.pekko.http.javadsl.server.directives.RouteAdapter",
      "org.apache.pekko.http.javadsl.server.ExceptionHandler",
      "org.apache.pekko.http.javadsl.server.RejectionHandler");
  private static final int REQUESTS = 20;
  private static final int ATTEMPTS_WITHOUT_GC = 5;

  @Test
  void answeringDecisionsBuildsNoRouteAndNoHandler() throws Exception {
    assertNothingBuiltWhileServing(new RouteFixture(), decision("c-1"));
  }

  @Test
  void aDecisionThatFailsIsAnsweredWithoutBuildingAnything() throws Exception {
    RouteFixture failing = new RouteFixture().deciding(query -> {
      throw new IllegalStateException("the decider broke");
    });

    assertNothingBuiltWhileServing(failing, decision("c-1"));
  }

  @Test
  void aBrowsersDecisionWithAKeyBucketsAndCorsIsAnsweredWithoutBuildingAnything() throws Exception {
    RouteFixture browserSurface = new RouteFixture().access(BrowserRequests.generous());

    assertNothingBuiltWhileServing(browserSurface,
        BrowserRequests.fromShop("/v1/decisions?key=" + BrowserRequests.DEMO_KEY, BrowserRequests.DECISION));
  }

  @Test
  void healthAndUnknownPathsAreAnsweredWithoutBuildingAnything() throws Exception {
    assertNothingBuiltWhileServing(new RouteFixture(), HttpRequest.GET("/health/alive"));
    assertNothingBuiltWhileServing(new RouteFixture(), HttpRequest.GET("/no/such/path"));
  }

  @Test
  void theOpenApiDocumentIsServedWithoutBuildingAnything() throws Exception {
    assertNothingBuiltWhileServing(new RouteFixture(), HttpRequest.GET("/v1/openapi.json"));
  }

  private static HttpRequest decision(String customerId) {
    return HttpRequest.POST("/v1/decisions")
        .withEntity(ContentTypes.APPLICATION_JSON, "{\"customerId\":\"" + customerId + "\",\"limit\":2}");
  }

  private void assertNothingBuiltWhileServing(RouteFixture fixture, HttpRequest request) throws Exception {
    var handler = fixture.route().handler(system());
    // the first requests load classes and fill caches; they are not what a request costs
    serve(handler, request);
    for (int attempt = 1; ; attempt++) {
      long collections = collections();
      Map<String, Long> before = instances();
      serve(handler, request);
      Map<String, Long> after = instances();
      if (collections() == collections || attempt == ATTEMPTS_WITHOUT_GC) {
        assertEquals(collections, collections(), "a garbage collection ran during every attempt; counts are void");
        for (String type : ROUTE_BUILDING) {
          assertEquals(0, after.get(type) - before.get(type), type + " made while serving " + REQUESTS + " requests");
        }
        return;
      }
    }
  }

  private void serve(Function<HttpRequest, CompletionStage<HttpResponse>> handler, HttpRequest request)
      throws Exception {
    for (int i = 0; i < REQUESTS; i++) {
      CompletableFuture<HttpResponse> answer = handler.apply(request).toCompletableFuture();
      answer.get(10, TimeUnit.SECONDS).discardEntityBytes(system());
    }
  }

  private static long collections() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  /** Instances of each route-building type on the heap, unreachable ones included (no collection runs). */
  private static Map<String, Long> instances() throws JMException {
    String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
        new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
        new Object[] {new String[] {"-all"}}, new String[] {String[].class.getName()});
    Map<String, Long> counted = histogram.lines()
        .map(String::trim)
        .map(line -> line.split("\\s+"))
        .filter(columns -> columns.length >= 4 && ROUTE_BUILDING.contains(columns[3]))
        .collect(Collectors.toMap(columns -> columns[3], columns -> Long.parseLong(columns[1])));
    return ROUTE_BUILDING.stream().collect(Collectors.toMap(type -> type, type -> counted.getOrDefault(type, 0L)));
  }
}
