package dev.concierge.api;

import com.typesafe.config.Config;
import dev.concierge.api.dto.RequestLimits;
import java.time.Duration;

/**
 * The HTTP API's settings, read from {@code concierge.http}.
 *
 * @param limits what a request body may hold
 * @param shutdownDeadline how long in-flight requests may finish when the node stops
 * @param bodyReadTimeout how long a request's body may take to arrive, once its headers have arrived
 * @param access the server key, the storefronts' keys, their rate limits and CORS
 */
public record HttpSettings(
    String host,
    int port,
    RequestLimits limits,
    Duration shutdownDeadline,
    Duration bodyReadTimeout,
    AccessSettings access) {

  public static HttpSettings fromConfig(Config concierge) {
    Config http = concierge.getConfig("http");
    return new HttpSettings(
        http.getString("interface"),
        http.getInt("port"),
        RequestLimits.fromConfig(http),
        http.getDuration("shutdown-deadline"),
        http.getDuration("body-read-timeout"),
        AccessSettings.fromConfig(http));
  }
}
