package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
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

  private final Supplier<String> scrape;

  public MetricsRoutes(Supplier<String> scrape) {
    this.scrape = scrape;
  }

  public Route route() {
    return path("metrics", () -> get(() -> complete(
        HttpResponse.create().withStatus(StatusCodes.OK).withEntity(HttpEntities.create(PROMETHEUS_TEXT, scrape.get())))));
  }
}
