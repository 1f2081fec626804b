package dev.concierge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.concierge.api.AdminAuth;
import dev.concierge.api.JsonResponses;
import dev.concierge.api.ManagementEndpoint;
import dev.concierge.kubernetes.KubernetesConfig;
import dev.concierge.testing.Eventually;
import dev.concierge.testing.RealServices;
import dev.concierge.testing.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.server.Directives;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Three nodes with kubernetes.conf and no seed nodes form one cluster through Cluster Bootstrap, each asking the
 * others' management ports, listed here by config discovery as the Kubernetes API lists the pods: once over plain
 * TCP, once over kubernetes.conf's mutually authenticated TLS with a key store made for the test. Only the
 * cluster's own parts run (the management endpoint and the formation a node starts), so no Kafka or Cassandra.
 */
class ClusterBootstrapIntegrationTest {

  private static final int NODES = 3;
  private static final Duration FORMED = Duration.ofSeconds(60);
  private static final String TOKEN = "it-bootstrap-token";
  private static final String STORE_PASSWORD = "it-store-password";
  private static final Duration ANSWER = Duration.ofSeconds(10);

  private final List<ActorSystem<Void>> nodes = new ArrayList<>();
  private final TestHttp http = new TestHttp(ANSWER);

  @AfterEach
  void stopNodes() {
    nodes.forEach(ActorSystem::terminate);
    nodes.forEach(node -> node.getWhenTerminated().toCompletableFuture().join());
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"tcp", "tls-tcp"})
  void threeNodesWithoutSeedNodesFormOneClusterThroughBootstrap(String transport, @TempDir Path stores)
      throws Exception {
    Config kubernetes = KubernetesConfig.load(keyStores(stores));
    int[] managementPorts = IntStream.range(0, NODES).map(i -> RealServices.freePort()).toArray();
    for (int port : managementPorts) {
      nodes.add(start(node(kubernetes, transport, port, managementPorts)));
    }

    for (ActorSystem<Void> node : nodes) {
      Eventually.within(FORMED, node.address() + " sees " + NODES + " Up members", () -> upMembers(node) == NODES,
          () -> Cluster.get(node).state().getMembers().toString());
    }
    assertEquals(transport, nodes.get(0).settings().config().getString("pekko.remote.artery.transport"));
    // peers ask the contact point without the token; the rest of Pekko Management still needs it
    assertEquals(200, status(managementPorts[0], "/bootstrap/seed-nodes"));
    assertEquals(401, status(managementPorts[0], "/cluster/members"));
  }

  /** What the Kubernetes API would tell bootstrap, as config discovery; ports of this test's own. */
  private static Config node(Config kubernetes, String transport, int managementPort, int[] managementPorts) {
    String endpoints = String.join(", ", IntStream.of(managementPorts)
        .mapToObj(port -> "{ host = \"127.0.0.1\", port = " + port + " }").toList());
    return ConfigFactory.parseString(String.join("\n",
            "pekko.remote.artery.transport = " + transport,
            "pekko.remote.artery.canonical { hostname = \"127.0.0.1\", port = " + RealServices.freePort() + " }",
            "pekko.management.http { hostname = \"127.0.0.1\", bind-hostname = \"\", port = " + managementPort + " }",
            "pekko.management.cluster.bootstrap.contact-point-discovery {",
            "  discovery-method = config, service-name = concierge-it, required-contact-point-nr = " + NODES,
            "}",
            "pekko.discovery.config.services.concierge-it.endpoints = [" + endpoints + "]",
            // a terminated test node must not end the test JVM
            "pekko.coordinated-shutdown.exit-jvm = off"))
        .withFallback(kubernetes)
        .resolve();
  }

  /** As Node starts them: the management endpoint, then the cluster's formation. */
  private static ActorSystem<Void> start(Config config) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "concierge", config);
    ClusterFormation formation = ClusterFormation.fromConfig(config.getConfig("concierge"));
    assertEquals(ClusterFormation.BOOTSTRAP, formation);
    ManagementEndpoint.start(
        system, new AdminAuth(Optional.of(TOKEN), new JsonResponses(new ObjectMapper().getFactory())),
        Directives.reject(), formation.servesContactPoint(), Duration.ofSeconds(1));
    formation.start(system);
    return system;
  }

  private static long upMembers(ActorSystem<Void> node) {
    return StreamSupport.stream(Cluster.get(node).state().getMembers().spliterator(), false)
        .filter(member -> member.status() == MemberStatus.up())
        .count();
  }

  private int status(int port, String path) {
    return http.get(URI.create("http://127.0.0.1:" + port + path)).statusCode();
  }

  /**
   * One key pair, self-signed, which every node presents and trusts, made as docs/operations.md makes the real
   * ones (keytool; the JDK offers no API for it).
   */
  private static Map<String, String> keyStores(Path directory) throws IOException, InterruptedException {
    Path keyStore = directory.resolve("remote-keystore.p12");
    Path certificate = directory.resolve("node.crt");
    Path trustStore = directory.resolve("remote-truststore.p12");
    keytool("-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "1",
        "-dname", "CN=concierge-it", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
    keytool("-exportcert", "-alias", "node", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
        "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "node", "-file", certificate.toString(), "-storetype", "PKCS12",
        "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);
    return Map.of(
        "CONCIERGE_REMOTE_KEY_STORE", keyStore.toString(),
        "CONCIERGE_REMOTE_KEY_STORE_PASSWORD", STORE_PASSWORD,
        "CONCIERGE_REMOTE_TRUST_STORE", trustStore.toString(),
        "CONCIERGE_REMOTE_TRUST_STORE_PASSWORD", STORE_PASSWORD);
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(arguments));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertEquals(0, keytool.waitFor(), "keytool " + String.join(" ", arguments) + ": " + output);
  }
}
