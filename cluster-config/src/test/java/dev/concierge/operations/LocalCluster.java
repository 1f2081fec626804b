package dev.concierge.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concierge.engine.kafka.KafkaTopics;
import dev.concierge.engine.kafka.TopicSpec;
import dev.concierge.models.CatalogItem;
import dev.concierge.persistence.json.CatalogJson;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.RealServices;
import dev.concierge.testing.TestHttp;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Concierge JVMs on this machine (three unless a test asks for another number), configured like
 * {@code local1..3.conf} but on free ports and with the topics, consumer group, keyspace and admin
 * token of one test, against a real Kafka and Cassandra.
 * Knows which nodes a load balancer would send storefront traffic to ({@link #serving()}), and talks
 * to the admin API with the token.
 */
final class LocalCluster implements AutoCloseable {

  static final int NODES = 3;
  static final String ADMIN_TOKEN = "it-operations-token";
  /** The nodes' concierge.http.server-key, which GET /v1/customers/{id}/features needs. */
  static final String SERVER_KEY = "it-operations-server-key";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(150);
  private static final Duration TOPICS_READY = Duration.ofSeconds(30);
  // remoting, HTTP and management
  private static final int PORTS_PER_NODE = 3;
  // a decision request's own timeout, and some
  private static final Duration IN_FLIGHT_TIMEOUT = Duration.ofSeconds(10);

  final String namespace;
  private final String adminToken;
  private final int eventPartitions;
  private final ServiceAddresses services;
  final List<NodeProcess> nodes = new ArrayList<>();
  private final List<NodeProcess> serving = new CopyOnWriteArrayList<>();
  private final TestHttp http = new TestHttp(ADMIN_TIMEOUT);
  private final ObjectMapper mapper = new ObjectMapper();

  /** {@link #NODES} nodes with {@link #ADMIN_TOKEN}, against the services the suite shares. */
  LocalCluster(String namespace, Path workDir, int eventPartitions, List<String> settings) throws IOException {
    this(namespace, workDir, NODES, ADMIN_TOKEN, eventPartitions, ServiceAddresses.shared(), settings);
  }

  /** @param settings more HOCON lines for every node, after the test's own */
  LocalCluster(
      String namespace, Path workDir, int size, String adminToken, int eventPartitions, ServiceAddresses services,
      List<String> settings) throws IOException {
    this.namespace = namespace;
    this.adminToken = adminToken;
    this.eventPartitions = eventPartitions;
    this.services = services;
    Files.createDirectories(workDir);
    // all different: a port picked alone and freed can be picked again for the next
    int[] ports = RealServices.freePorts(PORTS_PER_NODE * size);
    int[] remotePorts = java.util.Arrays.copyOfRange(ports, 0, size);
    String seeds = java.util.Arrays.stream(remotePorts)
        .mapToObj(port -> "\"pekko://concierge@127.0.0.1:" + port + "\"")
        .collect(Collectors.joining(", "));
    for (int i = 0; i < size; i++) {
      String name = "local" + (i + 1);
      int httpPort = ports[size + i];
      int managementPort = ports[2 * size + i];
      Path config = workDir.resolve(name + ".conf");
      Files.writeString(config, String.join("\n",
          "include classpath(\"" + name + ".conf\")",
          "concierge.http.port = " + httpPort,
          "pekko.remote.artery.canonical.port = " + remotePorts[i],
          "pekko.management.http.port = " + managementPort,
          "pekko.cluster.seed-nodes = [" + seeds + "]",
          "concierge.kafka.bootstrap-servers = \"" + services.kafkaBootstrap() + "\"",
          "concierge.cassandra.contact-point = \"" + services.cassandraContactPoint() + "\"",
          "concierge.admin.token = \"" + adminToken + "\"",
          "concierge.http.server-key = \"" + SERVER_KEY + "\"",
          "concierge.kafka.topics.events = \"" + eventsTopic() + "\"",
          "concierge.kafka.topics.dead-letters = \"" + eventsTopic() + ".dlq\"",
          "concierge.kafka.topics.catalog = \"" + catalogTopic() + "\"",
          "concierge.kafka.topics.decisions = \"decisions-" + namespace + "\"",
          "concierge.kafka.topics.triggers = \"customer-triggers-" + namespace + "\"",
          "concierge.kafka.topics.trigger-dead-letters = \"customer-triggers-" + namespace + ".dlq\"",
          "concierge.triggers.webhook.group-id = \"it-webhook-" + namespace + "\"",
          "concierge.kafka.topics.events-partitions = " + eventPartitions,
          "concierge.ingestion.group-id = \"" + groupId() + "\"",
          "pekko.persistence.cassandra.journal.keyspace = \"it_" + namespace + "\"",
          "pekko.persistence.cassandra.snapshot.keyspace = \"it_" + namespace + "\"",
          String.join("\n", settings),
          ""));
      nodes.add(new NodeProcess(
          name, httpPort, remotePorts[i], managementPort, config, workDir.resolve(name + ".log")));
    }
  }

  String eventsTopic() {
    return "customer-events-" + namespace;
  }

  String catalogTopic() {
    return "catalog-" + namespace;
  }

  String groupId() {
    return "it-" + namespace;
  }

  /** The test's events, dead-letter, catalog and decisions topics, created and awaited (KAFKA-15591). */
  void createTopics() {
    KafkaTopics.ensure(services.kafkaBootstrap(), List.of(
        TopicSpec.regular(eventsTopic(), eventPartitions),
        TopicSpec.regular(eventsTopic() + ".dlq", 1),
        TopicSpec.compacted(catalogTopic(), 1),
        TopicSpec.regular("decisions-" + namespace, eventPartitions)), TOPICS_READY);
  }

  void loadCatalog(List<CatalogItem> items) {
    CatalogJson json = new CatalogJson(mapper);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrap()),
        new StringSerializer(), new ByteArraySerializer())) {
      for (CatalogItem item : items) {
        producer.send(new ProducerRecord<>(catalogTopic(), item.itemId(), json.write(item)));
      }
    }
  }

  /** Starts every node and waits until all are ready and Up members of one cluster. */
  void start() throws IOException {
    for (NodeProcess node : nodes) {
      node.start();
    }
    for (NodeProcess node : nodes) {
      awaitServing(node);
    }
    Eventually.within(
        READY_TIMEOUT, "all " + nodes.size() + " nodes are Up members", () -> upMembers() == nodes.size());
  }

  /** Starts the node again on its ports and puts it back into rotation once it is ready. */
  void restart(NodeProcess node) throws IOException {
    node.start();
    awaitServing(node);
  }

  private void awaitServing(NodeProcess node) {
    Eventually.within(READY_TIMEOUT, node.name + " reports ready", () -> {
      if (!node.alive()) {
        throw new AssertionError(node + " exited during start");
      }
      return node.ready();
    });
    serving.add(node);
  }

  /** The nodes a load balancer sends storefront traffic to. */
  List<NodeProcess> serving() {
    return serving;
  }

  /** Takes the node out of rotation, as a load balancer does before an operator touches it. */
  void takeOutOfRotation(NodeProcess node) {
    serving.remove(node);
    Eventually.within(IN_FLIGHT_TIMEOUT, "the requests already sent to " + node.name + " are answered",
        () -> node.requestsInFlight() == 0);
  }

  NodeProcess anotherThan(NodeProcess node) {
    return serving.stream().filter(other -> other != node).findFirst()
        .orElseThrow(() -> new AssertionError("no other node serves"));
  }

  int upMembers() {
    JsonNode members = admin(serving.get(0), "GET", "/admin/members", null).body();
    int up = 0;
    for (JsonNode member : members.get("members")) {
      up += member.get("status").asText().equals("Up") ? 1 : 0;
    }
    return up;
  }

  /** The oldest member: it runs the shard coordinator, so a rolling restart does it last. */
  String oldest() {
    return admin(serving.get(0), "GET", "/admin/members", null).body().get("oldest").asText();
  }

  NodeProcess nodeAt(String address) {
    return nodes.stream().filter(node -> node.address.equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError("no node at " + address));
  }

  AdminAnswer admin(NodeProcess via, String method, String path, String json) {
    HttpResponse<String> response =
        http.send(TestHttp.withBearer(TestHttp.jsonRequest(method, via.url(path), json), adminToken));
    try {
      return new AdminAnswer(response.statusCode(), mapper.readTree(response.body()));
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " via " + via.name + " answered no JSON: " + response.body(), e);
    }
  }

  record AdminAnswer(int status, JsonNode body) {}

  @Override
  public void close() throws InterruptedException {
    for (NodeProcess node : nodes) {
      node.stop();
    }
  }
}
