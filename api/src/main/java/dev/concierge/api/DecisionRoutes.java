package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.handle;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import dev.concierge.api.dto.DecisionRequests;
import dev.concierge.api.dto.ResponseBodies;
import dev.concierge.engine.decision.DecisionOutcome;
import io.opentelemetry.api.trace.Span;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code POST /v1/decisions}: ranked items for one shopper, behind the storefronts' keys and rate limits
 * ({@link StorefrontAccess}). The route is built once; a request is
 * parsed, decided, and answered with bytes rendered where the decision completes, with no stage of the
 * routing DSL between. With tracing on, the request is a server span ({@link ServerSpans}), ended as the
 * answer is rendered.
 */
public final class DecisionRoutes {

  /** The route, as its span names it. */
  public static final String ROUTE = "/v1/decisions";

  private final Decider decider;
  private final DecisionRequests requests;
  private final JsonResponses responses;
  private final ServerSpans spans;
  private final Route route;

  public DecisionRoutes(
      Decider decider, DecisionRequests requests, JsonResponses responses, StorefrontAccess access,
      ServerSpans spans) {
    this.decider = decider;
    this.spans = spans;
    this.requests = requests;
    this.responses = responses;
    Route decide = access.guarded(handle(this::decide));
    Route posted = post(() -> decide);
    this.route = path("decisions", () -> posted);
  }

  public Route route() {
    return route;
  }

  private CompletionStage<HttpResponse> decide(HttpRequest request) {
    return spans.enabled() ? spans.within(request, ROUTE, span -> decided(request, span)) : decided(request, Span.getInvalid());
  }

  private CompletionStage<HttpResponse> decided(HttpRequest request, Span span) {
    DecisionRequests.DecisionRequest decision = requests.parse(JsonEntity.JSON.bytes(request));
    // rendered in the decider's own task, which handles the customer's answer: no stage of its own
    return decider.decide(decision.query(), decision.rules(), outcome -> ServerSpans.answered(span, rendered(outcome)));
  }

  private HttpResponse rendered(DecisionOutcome outcome) {
    return responses.respond(StatusCodes.OK, json -> ResponseBodies.decision(json, outcome));
  }
}
