package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Every route of the HTTP API, behind the one error mapping and, outside it, CORS (whose headers errors
 * need too), each with its body read whole: a model
 * bundle and a catalog upload up to their own limits, every other body up to {@code pekko.http.server.parsing.max-content-length}.
 * The tree is built here, once: Pekko's Java DSL calls a directive's {@code Supplier<Route>} for every
 * request, so each supplier hands back a route built before.
 */
public final class ApiRoutes {

  private final Route route;

  public ApiRoutes(
      DecisionRoutes decisions,
      EventRoutes events,
      CustomerRoutes customers,
      OpenApiRoutes contract,
      HealthRoutes health,
      MetricsRoutes metrics,
      AdminRoutes admin,
      ErrorHandling errors,
      WholeBody wholeBody,
      Cors cors) {
    Route v1 = concat(decisions.route(), events.route(), customers.route(), contract.route());
    Route api = concat(pathPrefix(PathMatchers.segment("v1"), () -> v1), health.route(), metrics.route(), admin.route());
    this.route = cors.of(errors.wrap(concat(admin.largeUploads(wholeBody), wholeBody.of(api))));
  }

  public Route route() {
    return route;
  }
}
