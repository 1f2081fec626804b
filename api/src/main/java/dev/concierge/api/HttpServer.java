package dev.concierge.api;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the routes, logs where, and unbinds gracefully on shutdown. If the port cannot be bound the
 * node has no purpose, so the actor system terminates.
 */
public final class HttpServer {

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(Route route, HttpSettings settings, ActorSystem<?> system) {
    CompletionStage<ServerBinding> bound =
        Http.get(system).newServerAt(settings.host(), settings.port()).bind(route);
    bound.whenCompleteAsync(
        (binding, failure) -> {
          if (failure != null) {
            log.error(
                "could not bind HTTP on {}:{} ({}); is another process using the port? Stopping.",
                settings.host(), settings.port(), failure.getMessage());
            system.terminate();
            return;
          }
          binding.addToCoordinatedShutdown(settings.shutdownDeadline(), system);
          InetSocketAddress address = binding.localAddress();
          log.info("HTTP API online at http://{}:{}/", address.getHostString(), address.getPort());
        },
        system.executionContext());
    return bound;
  }
}
