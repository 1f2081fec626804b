package dev.concierge;

import dev.concierge.testing.Eventually;
import dev.concierge.testing.RealServices;
import dev.concierge.testing.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.engine.kafka.KafkaSettings;
import dev.concierge.engine.kafka.KafkaTopics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import dev.concierge.engine.CustomerEntity;
import dev.concierge.models.CustomerFeatures;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * A real Concierge node inside the test JVM, on the real Kafka and Cassandra, with topics,
 * consumer group and keyspace of its own {@link Namespace}, and free HTTP and management ports. Stopping and
 * starting a node on the same namespace is a node restart.
 */
final class TestNode implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);
  static final String ADMIN_TOKEN = "it-admin-token";
  /** integration-test.conf's concierge.http.server-key, which GET /v1/customers/{id}/features needs. */
  static final String SERVER_KEY = "it-server-key";
  private static final int BIND_ATTEMPTS = 3;

  /** The names one test owns: topics, consumer group and keyspace. */
  record Namespace(String id) {
    static Namespace unique() {
      return new Namespace(Long.toString(System.nanoTime(), Character.MAX_RADIX));
    }

    Config config() {
      return ConfigFactory.parseString(
          String.join(
              "\n",
              "concierge.kafka.topics.events = \"customer-events-" + id + "\"",
              "concierge.kafka.topics.dead-letters = \"customer-events-" + id + ".dlq\"",
              "concierge.kafka.topics.catalog = \"catalog-" + id + "\"",
              "concierge.kafka.topics.decisions = \"decisions-" + id + "\"",
              "concierge.kafka.topics.triggers = \"customer-triggers-" + id + "\"",
              "concierge.kafka.topics.trigger-dead-letters = \"customer-triggers-" + id + ".dlq\"",
              "concierge.triggers.webhook.group-id = \"it-webhook-" + id + "\"",
              "concierge.kafka.topics.events-partitions = 2",
              "concierge.ingestion.group-id = \"it-" + id + "\"",
              "pekko.persistence.cassandra.journal.keyspace = \"it_" + id + "\"",
              "pekko.persistence.cassandra.snapshot.keyspace = \"it_" + id + "\""));
    }
  }

  private final ActorSystem<Void> system;
  private final NodeHttp http;
  private final ObjectMapper mapper = new ObjectMapper();

  private TestNode(ActorSystem<Void> system, int httpPort) {
    this.system = system;
    this.http = new NodeHttp(URI.create("http://127.0.0.1:" + httpPort), HTTP_TIMEOUT);
  }

  /** Creates the namespace's topics and waits for every partition (KAFKA-15591). */
  static KafkaSettings prepareTopics(Namespace namespace) {
    KafkaSettings kafka = KafkaSettings.fromConfig(config(namespace, 0, 0).getConfig("concierge"));
    KafkaTopics.ensure(kafka.bootstrapServers(), kafka.topics(), kafka.topicReadyTimeout());
    return kafka;
  }

  /**
   * A free port can be taken by someone else (an outgoing connection, say) before the node binds it;
   * the node then stops, and starts again on another port.
   */
  static TestNode start(Namespace namespace) {
    return start(namespace, ConfigFactory.empty());
  }

  /** As {@link #start(Namespace)}, with {@code settings} over the test configuration. */
  static TestNode start(Namespace namespace, Config settings) {
    return start(namespace, settings, Optional.empty());
  }

  /** As {@link #start(Namespace, Config)}, with the node's spans going to {@code spans} when tracing is on. */
  static TestNode start(Namespace namespace, Config settings, SpanExporter spans) {
    return start(namespace, settings, Optional.of(spans));
  }

  private static TestNode start(Namespace namespace, Config settings, Optional<SpanExporter> spans) {
    for (int attempt = 1; ; attempt++) {
      // HTTP and Pekko Management: the latter's 8558 would clash with any other node on this machine
      int[] ports = RealServices.freePorts(2);
      int port = ports[0];
      TestNode node = new TestNode(
          ActorSystem.create(
              Guardian.create(spans), "concierge", settings.withFallback(config(namespace, port, ports[1])).resolve()),
          port);
      Eventually.within(READY_TIMEOUT, "the node reports ready, or stops",
          () -> node.stopped() || node.get("/health/ready").statusCode() == 200);
      if (!node.stopped()) {
        return node;
      }
      if (attempt == BIND_ATTEMPTS) {
        throw new AssertionError("the node stopped at start " + BIND_ATTEMPTS + " times; see target/integration-test.log");
      }
    }
  }

  private boolean stopped() {
    return system.getWhenTerminated().toCompletableFuture().isDone();
  }

  private static Config config(Namespace namespace, int httpPort, int managementPort) {
    return namespace
        .config()
        .withFallback(
            ConfigFactory.parseString(
                String.join(
                    "\n",
                    "concierge.kafka.bootstrap-servers = \"" + RealServices.kafkaBootstrap() + "\"",
                    "datastax-java-driver.basic.contact-points = [\"" + RealServices.cassandraContactPoint() + "\"]",
                    "concierge.http.port = " + httpPort,
                    "pekko.management.http.port = " + managementPort)))
        .withFallback(ConfigFactory.parseResources("integration-test.conf"))
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  HttpResponse<String> get(String path) {
    return http.get(path);
  }

  HttpResponse<String> post(String path, String json) {
    return http.post(path, json);
  }

  /** Any request, as a client that may get everything wrong sends it; {@code contentType} may be null. */
  HttpResponse<String> raw(String method, String path, String contentType, byte[] body) {
    return http.raw(method, path, contentType, body);
  }

  /** This node's HTTP API. */
  NodeHttp http() {
    return http;
  }

  /** A request to the admin API, with the test configuration's token. */
  HttpResponse<String> admin(String method, String path, HttpRequest.BodyPublisher body) {
    return http.send(
        TestHttp.withBearer(TestHttp.request(method, http.uri(path), "application/octet-stream", body), ADMIN_TOKEN));
  }

  /** The live features, as the customer's actor holds them: the object, not its JSON. */
  CustomerFeatures featuresOf(String customerId) {
    try {
      return ClusterSharding.get(system)
          .entityRefFor(CustomerEntity.ENTITY_KEY, customerId)
          .<CustomerFeatures>ask(CustomerEntity.GetFeatures::new, HTTP_TIMEOUT)
          .toCompletableFuture()
          .get(HTTP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the features of " + customerId + " could not be read", e);
    }
  }

  ActorSystem<Void> system() {
    return system;
  }

  JsonNode getJson(String path) {
    return json(get(path));
  }

  /** GET /v1/customers/{id}/features, with the server key. */
  HttpResponse<String> features(String customerId) {
    return http.get("/v1/customers/" + customerId + "/features", SERVER_KEY);
  }

  JsonNode featuresJson(String customerId) {
    return json(features(customerId));
  }

  /** GET /v1/customers/{id}/features without the one field that depends on when they are read. */
  JsonNode recordedFeatures(String customerId) {
    ObjectNode features = (ObjectNode) featuresJson(customerId);
    features.remove("secondsSinceLastEvent");
    return features;
  }

  JsonNode postJson(String path, String json) {
    return json(post(path, json));
  }

  @Override
  public void close() {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the node did not stop", e);
    }
  }

  private JsonNode json(HttpResponse<String> response) {
    try {
      return mapper.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
    }
  }
}
