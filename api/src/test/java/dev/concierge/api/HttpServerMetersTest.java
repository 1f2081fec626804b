package dev.concierge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerMetersTest extends RouteTestSupport {

  private static final RouteTemplates ROUTES = RouteTemplates.of(OpenApiDocument.load());

  private SimpleMeterRegistry registry;
  private Function<HttpRequest, CompletionStage<HttpResponse>> handler;

  // the actor system starts with the class, after the fields are set
  @BeforeEach
  void measureTheApi() {
    registry = new SimpleMeterRegistry();
    handler = new HttpServerMeters(registry, ROUTES).measured(new RouteFixture().route().handler(system()));
  }

  @Test
  void aRequestIsCountedUnderItsDocumentedTemplateNotItsPath() throws Exception {
    serve(HttpRequest.GET("/v1/customers/c-42/features"));
    serve(HttpRequest.GET("/v1/customers/c-43/features"));

    assertEquals(2, requests("GET", "/v1/customers/{customerId}/features", "401").count());
    assertNull(registry.find("http.server.requests").tag("route", "/v1/customers/c-42/features").timer());
  }

  @Test
  void eachStatusAndMethodIsItsOwnSeries() throws Exception {
    serve(HttpRequest.POST("/v1/decisions").withEntity(ContentTypes.APPLICATION_JSON, "{\"customerId\":\"c-1\"}"));
    serve(HttpRequest.POST("/v1/decisions").withEntity(ContentTypes.APPLICATION_JSON, "{not json"));
    serve(HttpRequest.GET("/v1/decisions"));

    assertEquals(1, requests("POST", "/v1/decisions", "200").count());
    assertEquals(1, requests("POST", "/v1/decisions", "400").count());
    assertEquals(1, requests("GET", "/v1/decisions", "405").count());
  }

  @Test
  void pathsOutsideTheDocumentShareOneLabel() throws Exception {
    serve(HttpRequest.GET("/no/such/path"));
    serve(HttpRequest.GET("/v1/customers/c-1/features/extra"));
    serve(HttpRequest.GET("/v1/customers//features"));

    long others = registry.find("http.server.requests").tag("route", RouteTemplates.OTHER).timers().stream()
        .mapToLong(Timer::count).sum();
    assertEquals(3, others);
    assertEquals(1, requests("GET", RouteTemplates.OTHER, "404").count());
  }

  private Timer requests(String method, String route, String status) {
    return registry.get("http.server.requests").tag("method", method).tag("route", route).tag("status", status).timer();
  }

  private void serve(HttpRequest request) throws Exception {
    handler.apply(request).toCompletableFuture().get(10, TimeUnit.SECONDS).discardEntityBytes(system());
  }
}
