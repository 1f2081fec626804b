package dev.concierge.engine.triggers;

import dev.concierge.engine.kafka.KafkaSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.kafka.CommitterSettings;
import org.apache.pekko.kafka.Subscriptions;
import org.apache.pekko.kafka.javadsl.Committer;
import org.apache.pekko.kafka.javadsl.Consumer;
import org.apache.pekko.kafka.javadsl.SendProducer;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs every trigger record to the shop's webhook, signed ({@link WebhookSignature}), from a consumer
 * group of its own on the triggers topic: never from a customer's actor, so a slow or failing receiver
 * holds back only this stream, at most {@code parallelism} records at a time. A record is tried up to
 * {@code attempts} times with exponential backoff on 5xx, 408, 429, timeouts and connection errors;
 * then, or at once on any other status that is not 2xx, it goes to the trigger dead-letter topic with
 * the reason in a header. Offsets are committed once a record is delivered or dead-lettered, so a
 * record may be POSTed again after a restart: receivers drop repeats by {@code Concierge-Trigger-Id}.
 */
public final class TriggerWebhook {

  private static final Logger log = LoggerFactory.getLogger(TriggerWebhook.class);
  public static final String TRIGGER_ID_HEADER = "Concierge-Trigger-Id";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final int HTTP_OK_FROM = 200;
  private static final int HTTP_OK_UNTIL = 300;
  private static final int HTTP_REQUEST_TIMEOUT = 408;
  private static final int HTTP_TOO_MANY_REQUESTS = 429;
  private static final int HTTP_SERVER_ERRORS_FROM = 500;

  /** How a POST ended: delivered, refused for good, or worth another try. */
  enum Outcome { DELIVERED, REFUSED, RETRY }

  /** A failed attempt that may succeed later: Patterns.retry tries again on failures only. */
  private static final class Retryable extends RuntimeException {
    Retryable(String reason) {
      super(reason, null, false, false);
    }
  }

  private final URI url;
  private final WebhookSettings settings;
  private final WebhookSignature signature;
  private final HttpClient client;
  private final SendProducer<String, byte[]> deadLetters;
  private final String deadLetterTopic;
  private final ActorSystem<?> system;
  private final Executor executor;
  private final Clock clock;

  private TriggerWebhook(
      URI url, WebhookSettings settings, SendProducer<String, byte[]> deadLetters, String deadLetterTopic,
      ActorSystem<?> system, Clock clock) {
    this.url = url;
    this.settings = settings;
    this.signature = new WebhookSignature(settings.secret());
    this.client = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    this.deadLetters = deadLetters;
    this.deadLetterTopic = deadLetterTopic;
    this.system = system;
    this.executor = system.executionContext();
    this.clock = clock;
  }

  /** Starts delivering, or nothing when no url is configured. */
  public static Optional<UniqueKillSwitch> start(
      ActorSystem<?> system, KafkaSettings kafka, WebhookSettings settings, SendProducer<String, byte[]> producer,
      Clock clock) {
    return settings.url().map(url -> {
      TriggerWebhook webhook = new TriggerWebhook(url, settings, producer, kafka.triggerDeadLetterTopic(), system, clock);
      log.info("POSTing trigger records of {} to {}", kafka.triggersTopic(), url);
      return RestartSource.onFailuresWithBackoff(
              settings.retry().toRestartSettings(),
              () -> Consumer.committableSource(
                      kafka.consumerSettings(system).withGroupId(settings.groupId()),
                      Subscriptions.topics(kafka.triggersTopic()))
                  .mapAsync(settings.parallelism(), message -> webhook.deliver(message.record())
                      .thenApplyAsync(delivered -> message.committableOffset(), webhook.executor))
                  .via(Committer.flow(CommitterSettings.create(system))))
          .viaMat(KillSwitches.single(), Keep.right())
          .to(Sink.ignore())
          .run(system);
    });
  }

  CompletionStage<Done> deliver(ConsumerRecord<String, byte[]> record) {
    String triggerId = triggerId(record);
    return Patterns.retry(
            () -> post(triggerId, record.value()),
            settings.attempts() - 1,
            settings.retry().minBackoff(), settings.retry().maxBackoff(), settings.retry().randomFactor(),
            system.classicSystem())
        .handleAsync(
            (refusal, failure) -> failure == null && refusal == null
                ? CompletableFuture.completedFuture(Done.getInstance())
                : deadLetter(record, refusal != null
                    ? refusal
                    : "no success after " + settings.attempts() + " attempts, the last: " + reason(failure)),
            executor)
        .thenComposeAsync(done -> done, executor);
  }

  // completes with null when delivered, with the reason when refused for good; fails when worth a retry
  private CompletionStage<String> post(String triggerId, byte[] body) {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .header(WebhookSignature.HEADER, signature.header(clock.instant().getEpochSecond(), body))
        .header(TRIGGER_ID_HEADER, triggerId)
        .header(IDEMPOTENCY_HEADER, triggerId)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApplyAsync(response -> {
          String status = "the receiver answered HTTP " + response.statusCode();
          return switch (outcomeOf(response.statusCode())) {
            case DELIVERED -> null;
            case REFUSED -> status;
            case RETRY -> throw new Retryable(status);
          };
        }, executor);
  }

  static Outcome outcomeOf(int status) {
    if (status >= HTTP_OK_FROM && status < HTTP_OK_UNTIL) {
      return Outcome.DELIVERED;
    }
    return status >= HTTP_SERVER_ERRORS_FROM || status == HTTP_REQUEST_TIMEOUT || status == HTTP_TOO_MANY_REQUESTS
        ? Outcome.RETRY
        : Outcome.REFUSED;
  }

  private CompletionStage<Done> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
    log.warn("dead-lettering trigger {}: {}", triggerId(record), reason);
    ProducerRecord<String, byte[]> dead = new ProducerRecord<>(deadLetterTopic, record.key(), record.value());
    record.headers().forEach(header -> dead.headers().add(header));
    dead.headers().add(settings.reasonHeader(), reason.getBytes(StandardCharsets.UTF_8));
    return deadLetters.send(dead).thenApplyAsync(sent -> Done.getInstance(), executor);
  }

  private static String triggerId(ConsumerRecord<String, byte[]> record) {
    Header id = record.headers().lastHeader(KafkaTriggerLog.TRIGGER_ID_HEADER);
    return id == null ? "" : new String(id.value(), StandardCharsets.UTF_8);
  }

  private static String reason(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof Retryable ? cause.getMessage() : cause.toString();
  }
}
