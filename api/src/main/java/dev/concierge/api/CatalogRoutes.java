package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.onComplete;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.put;

import dev.concierge.api.dto.AdminBodies;
import dev.concierge.api.dto.CatalogRequests;
import dev.concierge.api.error.ApiError;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogEdits;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /admin/catalog/items}, behind the admin token ({@link AdminRoutes}): catalog items, whole or
 * partial, or deletions, merged with this node's catalog and written to the catalog topic, all or
 * nothing; 200 with the counts once Kafka has them.
 */
public final class CatalogRoutes {

  private static final Logger log = LoggerFactory.getLogger(CatalogRoutes.class);

  private final Supplier<Catalog> catalog;
  private final CatalogSink sink;
  private final CatalogRequests requests;
  private final JsonResponses responses;
  private final long maxBodyBytes;
  private final Route route;

  /** @param maxBodyBytes the largest body, {@code concierge.admin.max-catalog-body-size} */
  public CatalogRoutes(
      Supplier<Catalog> catalog, CatalogSink sink, CatalogRequests requests, JsonResponses responses,
      long maxBodyBytes) {
    this.catalog = catalog;
    this.sink = sink;
    this.requests = requests;
    this.responses = responses;
    this.maxBodyBytes = maxBodyBytes;
    Route load = put(() -> extractRequest(this::load));
    this.route = path(PathMatchers.segment("catalog").slash("items"), () -> load);
  }

  public Route route() {
    return route;
  }

  long maxBodyBytes() {
    return maxBodyBytes;
  }

  private Route load(HttpRequest request) {
    byte[] body = JsonEntity.JSON_OR_LINES.bytes(request);
    CatalogRequests.CatalogUpload upload =
        requests.parse(body, JsonEntity.isJsonLines(request.entity().getContentType()));
    // merged with the catalog as this node has read it: an item created a moment ago may not be in it yet
    CatalogEdits.Outcome outcome = CatalogEdits.resolve(catalog.get(), upload.changes());
    if (outcome instanceof CatalogEdits.Refused refused) {
      throw ApiError.badRequest(upload.positions().get(refused.index()) + ": " + refused.reason());
    }
    CatalogEdits.Resolved resolved = (CatalogEdits.Resolved) outcome;
    return onComplete(sink.publish(resolved.writes()), result -> {
      if (result.isSuccess()) {
        return complete(responses.respond(StatusCodes.OK, json -> AdminBodies.catalogLoaded(json, resolved)));
      }
      log.warn("could not write {} catalog changes", resolved.writes().size(), result.failed().get());
      return complete(responses.error(PublishFailures.answer(result.failed().get(), "item",
          "the catalog changes could not be stored in Kafka, none of them is; retry the request")));
    });
  }
}
