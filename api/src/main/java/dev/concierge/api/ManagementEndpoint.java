package dev.concierge.api;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.management.javadsl.PekkoManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pekko Management's routes (cluster members, shards, health) on their own port, behind the admin
 * token. Pekko Management's own server only knows Basic auth, so Concierge serves its routes itself;
 * without a token they are not served at all.
 */
public final class ManagementEndpoint {

  private static final Logger log = LoggerFactory.getLogger(ManagementEndpoint.class);

  private ManagementEndpoint() {}

  public static Optional<CompletionStage<ServerBinding>> start(
      ActorSystem<?> system, AdminAuth auth, Duration shutdownDeadline) {
    var http = system.settings().config().getConfig("pekko.management.http");
    if (!auth.enabled()) {
      log.info("Pekko Management is off: it needs the admin token (CONCIERGE_ADMIN_TOKEN)");
      return Optional.empty();
    }
    return Optional.of(HttpServer.start(
        "Pekko Management",
        auth.authorized(PekkoManagement.get(system).getRoutes()),
        http.getString("hostname"), http.getInt("port"), shutdownDeadline, system));
  }
}
