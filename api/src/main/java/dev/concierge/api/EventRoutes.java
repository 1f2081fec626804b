package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import dev.concierge.api.dto.EventRequests;
import dev.concierge.api.dto.ResponseBodies;
import dev.concierge.models.CustomerEvent;
import io.opentelemetry.api.trace.Span;
import java.util.List;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/events}: validates events and hands them to Kafka; 202 once they are durable. Behind the
 * storefronts' keys and rate limits ({@link StorefrontAccess}); a beacon's {@code text/plain} body is
 * JSON too. With tracing on, the request is a server span ({@link ServerSpans}), and its publish a child.
 */
public final class EventRoutes {

  /** The route, as its span names it. */
  public static final String ROUTE = "/v1/events";

  private static final Logger log = LoggerFactory.getLogger(EventRoutes.class);

  private final EventSink sink;
  private final EventRequests requests;
  private final JsonResponses responses;
  private final ServerSpans spans;
  private final Route route;

  public EventRoutes(
      EventSink sink, EventRequests requests, JsonResponses responses, StorefrontAccess access, ServerSpans spans) {
    this.sink = sink;
    this.spans = spans;
    this.requests = requests;
    this.responses = responses;
    Route accept = access.guarded(extractRequest(this::accept));
    Route posted = post(() -> accept);
    this.route = path("events", () -> posted);
  }

  public Route route() {
    return route;
  }

  private Route accept(HttpRequest request) {
    return spans.enabled() ? spans.within(request, ROUTE, span -> published(request, span)) : published(request, Span.getInvalid());
  }

  private Route published(HttpRequest request, Span span) {
    List<CustomerEvent> events = requests.parse(JsonEntity.JSON_OR_BEACON.bytes(request));
    return onComplete(
        sink.publish(events),
        result -> {
          HttpResponse response;
          if (result.isSuccess()) {
            response = responses.respond(StatusCodes.ACCEPTED, json -> ResponseBodies.accepted(json, result.get()));
          } else {
            log.warn("could not publish {} events", events.size(), result.failed().get());
            response = responses.error(PublishFailures.answer(
                result.failed().get(), "customer", "the events could not be stored in Kafka; retry the request"));
          }
          return complete(ServerSpans.answered(span, response));
        });
  }
}
