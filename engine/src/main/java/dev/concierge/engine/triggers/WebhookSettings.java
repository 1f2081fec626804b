package dev.concierge.engine.triggers;

import com.typesafe.config.Config;
import dev.concierge.engine.kafka.RestartBackoff;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The optional signed webhook, read from {@code concierge.triggers.webhook}.
 *
 * @param url            where each trigger record is POSTed; empty turns the webhook off
 * @param secret         the HMAC-SHA256 key of the {@code Concierge-Signature} header
 * @param attempts       POSTs per record at most, the first included, before it is dead-lettered
 * @param retry          the backoff between attempts
 * @param parallelism    records in delivery at once; a slow receiver holds back only the webhook's consumer
 * @param reasonHeader   the Kafka header that carries why a record was dead-lettered
 */
public record WebhookSettings(
    Optional<URI> url, String secret, String groupId, Duration requestTimeout, int attempts, RestartBackoff retry,
    int parallelism, String reasonHeader) {

  public static WebhookSettings fromConfig(Config webhook) {
    String url = webhook.getString("url");
    if (!url.isBlank() && webhook.getString("secret").isEmpty()) {
      throw new IllegalArgumentException(
          "concierge.triggers.webhook.url is set but its secret is empty: receivers could not tell our POSTs from anyone's");
    }
    return new WebhookSettings(
        url.isBlank() ? Optional.empty() : Optional.of(URI.create(url)),
        webhook.getString("secret"),
        webhook.getString("group-id"),
        webhook.getDuration("request-timeout"),
        webhook.getInt("attempts"),
        RestartBackoff.fromConfig(webhook.getConfig("retry")),
        webhook.getInt("parallelism"),
        webhook.getString("dead-letter-reason-header"));
  }
}
