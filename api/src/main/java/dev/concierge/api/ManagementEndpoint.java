package dev.concierge.api;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefixTest;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port: Pekko Management's routes (cluster members, shards, health) behind the admin token, and,
 * open, what other parties must reach without it: the node's own health routes (the kubelet's probes) and, when
 * the node forms its cluster through Cluster Bootstrap, the contact point its peers ask
 * ({@code /bootstrap/seed-nodes}). Pekko Management's own server only knows Basic auth, so Concierge serves its
 * routes itself. With neither a token nor Cluster Bootstrap the port is not served at all.
 */
public final class ManagementEndpoint {

  private static final Logger log = LoggerFactory.getLogger(ManagementEndpoint.class);
  // Cluster Bootstrap's contact-point routes live under this path segment (ClusterBootstrapRoutes)
  private static final String CONTACT_POINT_PREFIX = "bootstrap";

  private ManagementEndpoint() {}

  public static Optional<CompletionStage<ServerBinding>> start(
      ActorSystem<?> system, AdminAuth auth, Route health, boolean contactPoint, Duration shutdownDeadline) {
    var http = system.settings().config().getConfig("pekko.management.http");
    if (!auth.enabled() && !contactPoint) {
      log.info("Pekko Management is off: it needs the admin token (CONCIERGE_ADMIN_TOKEN) or Cluster Bootstrap");
      return Optional.empty();
    }
    return Optional.of(HttpServer.start(
        "Pekko Management", routes(PekkoManagement.get(system).getRoutes(), auth, health, contactPoint),
        bindHostname(http), http.getInt("port"), shutdownDeadline, system));
  }

  /**
   * Pekko Management's own meaning: {@code hostname} is the address peers are told (bootstrap's contact point),
   * {@code bind-hostname}, when set, the interface it listens on (all of them in a pod, for port-forwarding).
   */
  private static String bindHostname(Config http) {
    String bind = http.getString("bind-hostname");
    return bind.isEmpty() ? http.getString("hostname") : bind;
  }

  /** The open routes first: the token check answers every request it sees, 401, 403 or 404. */
  static Route routes(Route management, AdminAuth auth, Route health, boolean contactPoint) {
    List<Route> served = new ArrayList<>(List.of(health));
    if (contactPoint) {
      // only the bootstrap routes: the rest of Pekko Management stays behind the token
      served.add(pathPrefixTest(CONTACT_POINT_PREFIX, () -> management));
    }
    if (auth.enabled()) {
      served.add(auth.authorized(management));
    }
    return concat(served.get(0), served.subList(1, served.size()).toArray(Route[]::new));
  }
}
