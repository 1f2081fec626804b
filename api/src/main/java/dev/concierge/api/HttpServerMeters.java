package dev.concierge.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.japi.function.Function;

/**
 * {@code http_server_requests}: every request the API answered, timed until its response, by method,
 * route template ({@link RouteTemplates}) and status. It wraps the sealed route's handler, so that
 * rejections and errors are counted with the status they were answered with, and no directive is
 * added to the route tree. Each timer is looked up once: a request finds it by index, and only the
 * first request of its method, route and status registers it.
 */
public final class HttpServerMeters {

  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  private static final String OTHER_METHOD = "other";
  private static final int STATUSES = 600;

  private final MeterRegistry registry;
  private final RouteTemplates routes;
  // per route (its templates and other) and method (METHODS and other), the timers by status
  private final AtomicReferenceArray<AtomicReferenceArray<Timer>> timers;

  public HttpServerMeters(MeterRegistry registry, RouteTemplates routes) {
    this.registry = registry;
    this.routes = routes;
    this.timers = new AtomicReferenceArray<>((routes.all().size() + 1) * (METHODS.size() + 1));
  }

  public Function<HttpRequest, CompletionStage<HttpResponse>> measured(
      Function<HttpRequest, CompletionStage<HttpResponse>> handler) {
    return request -> {
      long started = System.nanoTime();
      // not an ask's stage: the sealed route's answer, completed on the dispatcher that rendered it (the
      // decision path's one task on the system's executor); a timer's record is a few nanoseconds, which a
      // hand-off to another task per request would cost many times over
      return handler.apply(request).thenApply(response -> {
        timer(request, response.status().intValue()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return response;
      });
    };
  }

  private Timer timer(HttpRequest request, int status) {
    int route = routes.indexOf(request.getUri().path());
    int method = METHODS.indexOf(request.method().name());
    int methodIndex = method < 0 ? METHODS.size() : method;
    int slot = route * (METHODS.size() + 1) + methodIndex;
    AtomicReferenceArray<Timer> byStatus = timers.get(slot);
    if (byStatus == null) {
      timers.compareAndSet(slot, null, new AtomicReferenceArray<>(STATUSES));
      byStatus = timers.get(slot);
    }
    int code = Math.floorMod(status, STATUSES);
    Timer timer = byStatus.get(code);
    if (timer == null) {
      // registering the same name and tags again returns the meter registered first
      timer = Timer.builder("http.server.requests")
          .description("requests the HTTP API answered, until the response, by method, route template and status")
          .tag("method", method < 0 ? OTHER_METHOD : METHODS.get(method))
          .tag("route", routes.label(route))
          .tag("status", Integer.toString(status))
          .register(registry);
      byStatus.set(code, timer);
    }
    return timer;
  }
}
