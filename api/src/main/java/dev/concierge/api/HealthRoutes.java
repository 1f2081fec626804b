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
 * {@code GET /health/alive} (the process answers), {@code GET /health/ready} (cluster joined and
 * ingestion running; otherwise 503 listing what is not), {@code GET /health/ingestion} (ingestion moves;
 * 503 when it is stalled) and {@code GET /health/journal} (the Cassandra journal answers; 503 when it does
 * not). Neither a stall nor a journal outage makes the node unready: it still answers decisions, with
 * fallbacks for the customers it cannot recover, and taking it out of its Service would only move the
 * same outage onto the other nodes.
 */
public final class HealthRoutes {

  private final JsonResponses responses;
  private final Route route;

  public HealthRoutes(HealthCheck readiness, HealthCheck ingestion, HealthCheck journal, JsonResponses responses) {
    this.responses = responses;
    // the healthy answers never change: rendered once, as the routes are built
    Route alive = complete(status("alive"));
    Route ready = complete(status("ready"));
    Route moving = complete(status("moving"));
    Route reachable = complete(status("reachable"));
    Route checks = concat(
        path("alive", () -> alive),
        // a check's answer is the only part made per request: the check runs then
        path("ready", () -> checked(readiness, ready, "not_ready")),
        path("ingestion", () -> checked(ingestion, moving, "ingestion_stalled")),
        path("journal", () -> checked(journal, reachable, "journal_unreachable")));
    Route got = get(() -> checks);
    this.route = pathPrefix(PathMatchers.segment("health"), () -> got);
  }

  public Route route() {
    return route;
  }

  private Route checked(HealthCheck check, Route healthy, String errorCode) {
    return onSuccess(
        check.problems(),
        problems ->
            problems.isEmpty()
                ? healthy
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
