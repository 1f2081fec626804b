package dev.concierge.api;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds routes to a port, logs where, and unbinds gracefully on shutdown. If a port cannot be bound the
 * node is not what its operator configured, so the actor system terminates.
 */
public final class HttpServer {

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private HttpServer() {}

  /** The API, each request measured by {@code meters}. */
  public static CompletionStage<ServerBinding> start(
      Route route, HttpSettings settings, HttpServerMeters meters, ActorSystem<?> system) {
    CompletionStage<ServerBinding> bound =
        Http.get(system).newServerAt(settings.host(), settings.port()).bind(meters.measured(route.handler(system)));
    return logged("HTTP API", bound, settings.host(), settings.port(), settings.shutdownDeadline(), system);
  }

  /** @param name what the port serves, for the logs */
  public static CompletionStage<ServerBinding> start(
      String name, Route route, String host, int port, Duration shutdownDeadline, ActorSystem<?> system) {
    return logged(name, Http.get(system).newServerAt(host, port).bind(route), host, port, shutdownDeadline, system);
  }

  private static CompletionStage<ServerBinding> logged(
      String name, CompletionStage<ServerBinding> bound, String host, int port, Duration shutdownDeadline,
      ActorSystem<?> system) {
    bound.whenCompleteAsync(
        (binding, failure) -> {
          if (failure != null) {
            log.error(
                "could not bind the {} on {}:{} ({}); is another process using the port? Stopping.",
                name, host, port, failure.getMessage());
            system.terminate();
            return;
          }
          binding.addToCoordinatedShutdown(shutdownDeadline, system);
          InetSocketAddress address = binding.localAddress();
          log.info("{} online at http://{}:{}/", name, address.getHostString(), address.getPort());
        },
        system.executionContext());
    return bound;
  }
}
