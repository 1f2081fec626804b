package dev.concierge.api.demo;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResource;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResourceDirectory;
import static org.apache.pekko.http.javadsl.server.Directives.handleSync;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.pathSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.redirect;

import dev.concierge.api.JsonResponses;
import dev.concierge.models.Catalog;
import dev.concierge.models.CatalogItem;
import dev.concierge.persistence.json.CatalogJson;
import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.Uri;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The demo storefront at {@code /demo/}: static pages that talk to Concierge only through the browser SDK
 * (served beside them, as {@code sdk/index.js}), and the two things a real shop's own backend would give
 * its pages: the catalog to list ({@code catalog.json}) and the publishable key ({@code config.json}).
 * Off unless {@code concierge.demo.enabled}: {@code bin/concierge dev} turns it on.
 */
public final class DemoStorefront {

  private static final String ASSETS = "dev/concierge/api/demo";

  private final Route route;

  public DemoStorefront(DemoSettings settings, Supplier<Catalog> catalog, JsonResponses responses) {
    Route index = getFromResource(ASSETS + "/index.html");
    Route toIndex = redirect(Uri.create("/demo/"), StatusCodes.MOVED_PERMANENTLY);
    Route catalogJson = handleSync(request ->
        responses.respond(StatusCodes.OK, json -> {
          List<CatalogItem> items = catalog.get().mostPopular();
          json.writeStartObject();
          json.writeArrayFieldStart("items");
          for (CatalogItem item : items.subList(0, Math.min(items.size(), settings.maxItems()))) {
            CatalogJson.write(item, json); // the catalog topic's contract, the one a shop's backend knows
          }
          json.writeEndArray();
          json.writeEndObject();
        }));
    Route configJson = handleSync(request ->
        responses.respond(StatusCodes.OK, json -> {
          json.writeStartObject();
          if (settings.publishableKey().isEmpty()) {
            json.writeNullField("key");
          } else {
            json.writeStringField("key", settings.publishableKey());
          }
          json.writeEndObject();
        }));
    Route pages = concat(
        pathEnd(() -> toIndex),
        pathSingleSlash(() -> index),
        path("catalog.json", () -> catalogJson),
        path("config.json", () -> configJson),
        getFromResourceDirectory(ASSETS));
    Route got = get(() -> pages);
    this.route = pathPrefix("demo", () -> got);
  }

  public Route route() {
    return route;
  }
}
