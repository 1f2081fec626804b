package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;

import dev.concierge.api.dto.ResponseBodies;
import dev.concierge.api.error.ApiError;
import dev.concierge.models.Identifiers;
import java.time.Clock;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /v1/customers/{customerId}/features}: the live features the customer's actor holds, for the
 * shop's servers only: behind the server key ({@link ServerKey}), since any customer's id gives them.
 */
public final class CustomerRoutes {

  private final FeatureReader reader;
  private final JsonResponses responses;
  private final Clock clock;
  private final Route route;

  public CustomerRoutes(FeatureReader reader, JsonResponses responses, Clock clock, ServerKey serverKey) {
    this.reader = reader;
    this.responses = responses;
    this.clock = clock;
    Route features = path(PathMatchers.segment().slash("features"), this::features);
    Route authorized = serverKey.authorized(features);
    // the method first: a POST is a 405 whoever sends it
    Route read = get(() -> authorized);
    this.route = pathPrefix("customers", () -> read);
  }

  public Route route() {
    return route;
  }

  private Route features(String customerId) {
    Identifiers.problem("customerId", customerId).ifPresent(problem -> {
      throw ApiError.badRequest(problem);
    });
    return onComplete(
        reader.features(customerId),
        result ->
            result.isSuccess()
                ? complete(
                    responses.respond(
                        StatusCodes.OK, json -> ResponseBodies.features(json, customerId, result.get(), clock.instant())))
                : complete(
                    responses.error(
                        ApiError.unavailable(
                            "the features of customer '" + customerId + "' could not be read in time; retry"))));
  }
}
