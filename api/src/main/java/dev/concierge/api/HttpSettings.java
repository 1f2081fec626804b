package dev.concierge.api;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The HTTP API's settings, read from {@code concierge.http}.
 *
 * @param maxEventsPerRequest largest array {@code POST /v1/events} accepts
 * @param defaultDecisionLimit items returned when a decision request gives no {@code limit}
 * @param maxDecisionLimit largest {@code limit} a decision request may ask for
 * @param maxItemsPerList longest {@code candidates} or {@code exclude} list a decision request may send
 * @param shutdownDeadline how long in-flight requests may finish when the node stops
 * @param bodyReadTimeout how long a request's body may take to arrive, once its headers have arrived
 */
public record HttpSettings(
    String host,
    int port,
    int maxEventsPerRequest,
    int defaultDecisionLimit,
    int maxDecisionLimit,
    int maxItemsPerList,
    Duration shutdownDeadline,
    Duration bodyReadTimeout) {

  public static HttpSettings fromConfig(Config concierge) {
    Config http = concierge.getConfig("http");
    return new HttpSettings(
        http.getString("interface"),
        http.getInt("port"),
        http.getInt("max-events-per-request"),
        http.getInt("default-decision-limit"),
        http.getInt("max-decision-limit"),
        http.getInt("max-items-per-list"),
        http.getDuration("shutdown-deadline"),
        http.getDuration("body-read-timeout"));
  }
}
