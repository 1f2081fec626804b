package dev.concierge.operations;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.testing.TestHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin token on one real node JVM, started as {@code bin/concierge node} starts it and logging
 * at INFO as in production, against the real Kafka and Cassandra: the admin API and Pekko
 * Management answer 401 without a credential, 403 with a wrong token and 200 with the right one;
 * Pekko Management listens on 127.0.0.1 only; and no token, right or wrong, ends up in the log or
 * in {@code /metrics}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminSecurityIntegrationTest {

  // random and distinctive: found anywhere, it can only have leaked
  private static final String TOKEN = "admin-" + UUID.randomUUID();
  private static final String WRONG_TOKEN = "wrong-" + UUID.randomUUID();
  private static final int PARTITIONS = 1;
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

  private final TestHttp http = new TestHttp(HTTP_TIMEOUT);
  private LocalCluster cluster;
  private NodeProcess node;

  @BeforeAll
  void startNode() throws IOException {
    String namespace = "sec" + Long.toString(System.nanoTime(), Character.MAX_RADIX);
    cluster = new LocalCluster(
        namespace, Path.of("target/it-cluster", namespace), 1, TOKEN, PARTITIONS, ServiceAddresses.shared(), List.of());
    cluster.createTopics();
    cluster.start();
    node = cluster.nodes.get(0);
  }

  @AfterAll
  void stopNode() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
  }

  @ParameterizedTest(name = "GET {0}: 401 without a token, 403 with a wrong one, 200 with the admin token")
  @ValueSource(strings = {"/admin/members", "/admin/models"})
  @Order(1)
  void theAdminApiAnswersOnlyTheAdminToken(String path) {
    assertOnlyTheAdminTokenIsLetIn(node.url(path));
  }

  @Test
  @Order(2)
  void pekkoManagementAnswersOnlyTheAdminToken() {
    URI members = URI.create("http://127.0.0.1:" + node.managementPort + "/cluster/members");

    String body = assertOnlyTheAdminTokenIsLetIn(members);

    assertTrue(body.contains(node.address), node.address + " in " + body);
  }

  /** The kubelet's probes carry no token; a node that does not bootstrap keeps its contact point behind it. */
  @Test
  @Order(2)
  void theManagementPortAnswersTheProbesWithoutATokenAndNothingElse() {
    String management = "http://127.0.0.1:" + node.managementPort;

    for (String probe : List.of("/health/alive", "/health/ready")) {
      HttpResponse<String> anonymous = send(URI.create(management + probe), Optional.empty());
      assertEquals(200, anonymous.statusCode(), probe + ": " + anonymous.body());
    }
    assertEquals(401, send(URI.create(management + "/bootstrap/seed-nodes"), Optional.empty()).statusCode());
  }

  @Test
  @Order(3)
  void pekkoManagementListensOnLoopbackOnly() throws IOException {
    for (InetAddress address : nonLoopbackAddresses()) {
      try (ServerSocket everywhere = new ServerSocket(0)) {
        // a port bound everywhere answers there, so a refusal below is the node's binding
        assertDoesNotThrow(() -> connect(address, everywhere.getLocalPort()),
            "this machine takes connections on " + address.getHostAddress());
        assertThrows(IOException.class, () -> connect(address, node.managementPort),
            "Pekko Management must not answer on " + address.getHostAddress());
      }
    }
    assertTrue(log().contains("Pekko Management online at http://127.0.0.1:" + node.managementPort + "/"),
        "the bound address in " + node.logFile);
  }

  @Test
  @Order(4)
  void neitherTheLogNorTheMetricsShowATokenRightOrWrong() throws Exception {
    URI models = node.url("/admin/models");
    // the tokens also in the shapes that are no Bearer credential, which a parser might complain about
    Map<String, Integer> refusals = Map.of(
        "Basic " + TOKEN, 401, "Token " + WRONG_TOKEN, 401, WRONG_TOKEN, 401, "bearer " + WRONG_TOKEN, 403);
    refusals.forEach((authorization, status) -> assertEquals(status,
        send(models, Optional.of(authorization)).statusCode(), "Authorization: " + authorization.split(" ")[0] + "..."));
    HttpResponse<String> metrics = send(node.url("/metrics"), Optional.empty());
    cluster.close(); // everything the node logs, shutdown included

    assertEquals(200, metrics.statusCode());
    assertHasNoToken("GET /metrics", metrics.body());
    String log = log();
    assertTrue(log.contains(" INFO "), "the node logs at INFO, as in production: " + node.logFile);
    assertHasNoToken(node.logFile.toString(), log);
  }

  /** The answer's body with the admin token, after a 401 without one and a 403 with a wrong one. */
  private String assertOnlyTheAdminTokenIsLetIn(URI uri) {
    HttpResponse<String> anonymous = send(uri, Optional.empty());
    HttpResponse<String> wrong = send(uri, Optional.of("Bearer " + WRONG_TOKEN));
    HttpResponse<String> operator = send(uri, Optional.of("Bearer " + TOKEN));

    assertEquals(401, anonymous.statusCode(), anonymous.body());
    assertTrue(anonymous.body().contains("\"unauthorized\""), anonymous.body());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
        "a 401 asks for a bearer token: " + anonymous.headers());
    assertEquals(403, wrong.statusCode(), wrong.body());
    assertTrue(wrong.body().contains("\"forbidden\""), wrong.body());
    assertHasNoToken("the 403", wrong.body() + wrong.headers());
    assertEquals(200, operator.statusCode(), operator.body());
    return operator.body();
  }

  private HttpResponse<String> send(URI uri, Optional<String> authorization) {
    HttpRequest.Builder request = TestHttp.request("GET", uri, null, null);
    authorization.ifPresent(value -> request.header("Authorization", value));
    return http.send(request);
  }

  private String log() throws IOException {
    return Files.readString(node.logFile);
  }

  private static void assertHasNoToken(String where, String text) {
    assertFalse(text.contains(TOKEN), "the admin token is in " + where);
    assertFalse(text.contains(WRONG_TOKEN), "the wrong token sent is in " + where);
  }

  /** This machine's addresses other than loopback and link-local; none on a machine without a network. */
  private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(AdminSecurityIntegrationTest::isUp)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
        .toList();
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp();
    } catch (SocketException e) {
      return false;
    }
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
    }
  }
}
