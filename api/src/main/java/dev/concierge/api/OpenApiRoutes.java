package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /v1/openapi.json}: the API's contract ({@link OpenApiDocument}), open like the health
 * routes. The document does not change while the node runs, so it is bundled and rendered once.
 */
public final class OpenApiRoutes {

  private final Route route;

  public OpenApiRoutes(OpenApiDocument document) {
    Route served = complete(HttpResponse.create()
        .withStatus(StatusCodes.OK)
        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, document.bytes())));
    Route got = get(() -> served);
    this.route = path("openapi.json", () -> got);
  }

  public Route route() {
    return route;
  }
}
