package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.onSuccess;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.post;

import dev.concierge.api.dto.DecisionRequests;
import dev.concierge.api.dto.ResponseBodies;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code POST /v1/decisions}: ranked items for one shopper. */
public final class DecisionRoutes {

  private final Decider decider;
  private final DecisionRequests requests;
  private final JsonResponses responses;

  public DecisionRoutes(Decider decider, DecisionRequests requests, JsonResponses responses) {
    this.decider = decider;
    this.requests = requests;
    this.responses = responses;
  }

  public Route route() {
    return path("decisions", () -> post(() -> JsonEntity.of(this::decide)));
  }

  private Route decide(byte[] body) {
    DecisionRequests.DecisionRequest request = requests.parse(body);
    return onSuccess(
        decider.decide(request.query(), request.rules()),
        outcome -> complete(responses.respond(StatusCodes.OK, json -> ResponseBodies.decision(json, outcome))));
  }
}
