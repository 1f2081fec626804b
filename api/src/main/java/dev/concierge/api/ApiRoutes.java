package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Every route of the HTTP API, behind the one error mapping, each with its body read whole: a model
 * bundle up to its own limit, every other body up to {@code pekko.http.server.parsing.max-content-length}.
 */
public final class ApiRoutes {

  private final DecisionRoutes decisions;
  private final EventRoutes events;
  private final CustomerRoutes customers;
  private final HealthRoutes health;
  private final MetricsRoutes metrics;
  private final AdminRoutes admin;
  private final ErrorHandling errors;
  private final WholeBody wholeBody;

  public ApiRoutes(
      DecisionRoutes decisions,
      EventRoutes events,
      CustomerRoutes customers,
      HealthRoutes health,
      MetricsRoutes metrics,
      AdminRoutes admin,
      ErrorHandling errors,
      WholeBody wholeBody) {
    this.decisions = decisions;
    this.events = events;
    this.customers = customers;
    this.health = health;
    this.metrics = metrics;
    this.admin = admin;
    this.errors = errors;
    this.wholeBody = wholeBody;
  }

  public Route route() {
    return errors.wrap(
        () -> concat(
            admin.bundleUpload(wholeBody),
            wholeBody.of(() ->
                concat(
                    pathPrefix(PathMatchers.segment("v1"), () -> concat(decisions.route(), events.route(), customers.route())),
                    health.route(),
                    metrics.route(),
                    admin.route()))));
  }
}
