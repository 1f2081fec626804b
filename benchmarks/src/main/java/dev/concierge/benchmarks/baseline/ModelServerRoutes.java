package dev.concierge.benchmarks.baseline;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import dev.concierge.api.CustomerRoutes;
import dev.concierge.api.DecisionRoutes;
import dev.concierge.api.ErrorHandling;
import dev.concierge.api.EventRoutes;
import dev.concierge.api.HealthRoutes;
import dev.concierge.api.WholeBody;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The model server's HTTP API, made of the node's own routes so that requests, answers and errors are
 * the same: {@code POST /v1/decisions}, {@code POST /v1/events} (into the events topic, as a node's
 * API takes them, so that a client can send events to either design), {@code GET
 * /v1/customers/{id}/features} and {@code GET /health/alive|ready}, behind the node's error mapping,
 * each body read whole.
 */
record ModelServerRoutes(
    DecisionRoutes decisions, EventRoutes events, CustomerRoutes customers, HealthRoutes health, ErrorHandling errors,
    WholeBody wholeBody) {

  /** Built once: Pekko's Java DSL calls a directive's supplier for every request. */
  Route route() {
    Route v1 = concat(decisions.route(), events.route(), customers.route());
    return errors.wrap(wholeBody.of(concat(pathPrefix(PathMatchers.segment("v1"), () -> v1), health.route())));
  }
}
