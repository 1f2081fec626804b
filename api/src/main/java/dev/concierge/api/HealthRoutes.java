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
 * {@code GET /health/alive} (the process answers), {@code GET /health/ready} (cluster joined,
 * journal reachable, ingestion running; otherwise 503 listing what is not) and {@code GET
 * /health/ingestion} (ingestion moves; 503 when it is stalled). A stall does not make the node
 * unready: it still answers decisions.
 */
public final class HealthRoutes {

  private final HealthCheck readiness;
  private final HealthCheck ingestion;
  private final JsonResponses responses;

  public HealthRoutes(HealthCheck readiness, HealthCheck ingestion, JsonResponses responses) {
    this.readiness = readiness;
    this.ingestion = ingestion;
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
                        path("ready", () -> checked(readiness, "ready", "not_ready")),
                        path("ingestion", () -> checked(ingestion, "moving", "ingestion_stalled")))));
  }

  private Route checked(HealthCheck check, String healthy, String errorCode) {
    return onSuccess(
        check.problems(),
        problems ->
            problems.isEmpty()
                ? complete(status(healthy))
                : complete(
                    responses.error(
                        StatusCodes.SERVICE_UNAVAILABLE, errorCode,
                        errorCode.replace('_', ' ') + ": " + String.join("; ", problems))));
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
