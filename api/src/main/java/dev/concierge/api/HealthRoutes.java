package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.onSuccess;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /health/alive} (the process answers) and {@code GET /health/ready} (cluster joined,
 * journal reachable, ingestion running; otherwise 503 listing what is not).
 */
public final class HealthRoutes {

  private final HealthCheck readiness;
  private final JsonResponses responses;

  public HealthRoutes(HealthCheck readiness, JsonResponses responses) {
    this.readiness = readiness;
    this.responses = responses;
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("health"),
        () ->
            get(
                () ->
                    concat(
                        path("alive", () -> complete(status("alive"))),
                        path("ready", this::ready))));
  }

  private Route ready() {
    return onSuccess(
        readiness.problems(),
        problems ->
            problems.isEmpty()
                ? complete(status("ready"))
                : complete(
                    responses.error(
                        StatusCodes.SERVICE_UNAVAILABLE, "not_ready", "not ready: " + String.join("; ", problems))));
  }

  private org.apache.pekko.http.javadsl.model.HttpResponse status(String status) {
    return responses.respond(
        StatusCodes.OK,
        json -> {
          json.writeStartObject();
          json.writeStringField("status", status);
          json.writeEndObject();
        });
  }
}
