package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.handleSync;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /metrics}: the node's counters and the JVM's, in Prometheus' text format. Open like the
 * health routes: it holds counts, never a secret or anything a client sent.
 */
public final class MetricsRoutes {

  private static final ContentType.NonBinary PROMETHEUS_TEXT = ContentTypes.TEXT_PLAIN_UTF8;

  private final Route route;

  public MetricsRoutes(Supplier<String> scrape) {
    Route scraped = handleSync(request ->
        HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(PROMETHEUS_TEXT, scrape.get())));
    Route got = get(() -> scraped);
    this.route = path("metrics", () -> got);
  }

  public Route route() {
    return route;
  }
}
