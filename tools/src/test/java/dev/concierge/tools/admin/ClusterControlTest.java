package dev.concierge.tools.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.tools.nodes.NodeLauncher;
import dev.concierge.tools.nodes.NodePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cluster start, status and stop against stand-in admin APIs and stand-in node processes. */
class ClusterControlTest {

  @TempDir Path stateDir;
  private final List<FakeAdminApi> apis = new ArrayList<>();
  private final List<NodePorts> nodes = new ArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private NodeLauncher launcher;
  private ClusterControl cluster;

  @BeforeEach
  void setUp() throws IOException {
    for (int n = 1; n <= 2; n++) {
      FakeAdminApi api = FakeAdminApi.start();
      apis.add(api);
      nodes.add(new NodePorts("local" + n, "127.0.0.1", api.url().getPort(), "concierge", "127.0.0.1", 2550 + n,
          8557 + n));
    }
    PrintStream progress = new PrintStream(err, true, StandardCharsets.UTF_8);
    launcher = new NodeLauncher(new NodeLauncher.Settings(stateDir, List.of("bash", "-c", "sleep 30; true"), "cp",
        Map.of("PATH", System.getenv("PATH")), Duration.ofSeconds(5), Duration.ofSeconds(5)), port -> false,
        progress, ClusterCommand.TAG);
    cluster = new ClusterControl(launcher, nodes, new AdminEnvironment(Map.of("CONCIERGE_STATE_DIR",
        stateDir.toString(), "CONCIERGE_ADMIN_TOKEN", "s3cret", "CONCIERGE_KAFKA_BOOTSTRAP", "k:9092",
        "CONCIERGE_CASSANDRA_CONTACT_POINT", "c:9042")), new PrintStream(out, true, StandardCharsets.UTF_8), progress);
  }

  @AfterEach
  void tearDown() {
    nodes.forEach(node -> launcher.running(node.name()).ifPresent(ProcessHandle::destroyForcibly));
    apis.forEach(FakeAdminApi::close);
  }

  @Test
  void startLaunchesWaitsReadyRecordsTheUrlsAndPrintsTheBanner() throws IOException {
    String members = "{\"self\":\"%s\",\"leader\":\"%s\",\"oldest\":\"%s\",\"members\":[{\"address\":\"%s\",\"status\":\"Up\"}]}"
        .formatted(nodes.get(0).address(), nodes.get(0).address(), nodes.get(0).address(), nodes.get(0).address());
    apis.forEach(api -> api.answer("GET", "/health/ready", 200, "{}").answer("GET", Members.PATH, 200, members));

    cluster.start(nodes, "the token file");

    String progress = err.toString(StandardCharsets.UTF_8);
    assertTrue(progress.contains("[cluster] local1: ready (") && progress.contains("[cluster] cluster up in "), progress);
    assertEquals(List.of("# written by bin/concierge cluster start: the admin API of the nodes it runs",
        nodes.get(0).httpUrl().toString(), nodes.get(1).httpUrl().toString()),
        Files.readAllLines(stateDir.resolve("admin-urls")));
    String banner = out.toString(StandardCharsets.UTF_8);
    assertTrue(banner.contains("  Concierge local cluster") && banner.contains("admin token  the token file")
        && banner.contains("Kafka        k:9092    Cassandra c:9042"), banner);

    out.reset();
    assertTrue(cluster.status(nodes));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size());
    long pid = launcher.running("local1").orElseThrow().pid();
    assertEquals(String.format("%-7s %-16s %-9s member %-8s %s", "local1", "pid " + pid + " alive", "ready", "Up",
        nodes.get(0).httpUrl()), lines.get(0));
    assertTrue(lines.get(1).contains("member none "), lines.get(1));

    cluster.stop(List.of(nodes.get(1)));
    assertEquals(List.of("# written by bin/concierge cluster start: the admin API of the nodes it runs",
        nodes.get(0).httpUrl().toString()), Files.readAllLines(stateDir.resolve("admin-urls")));
    out.reset();
    assertFalse(cluster.status(nodes), "local2 stopped");
    // the stand-in API still listens on local2's port: something this launcher did not start
    assertTrue(out.toString(StandardCharsets.UTF_8).lines().toList().get(1).startsWith("local2  not-ours "));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("[cluster] not-ours: something this launcher did not"
        + " start listens on the node's port"));

    cluster.stop(nodes);
    assertFalse(Files.exists(stateDir.resolve("admin-urls")), "no node runs: no file");
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("[local2] not running"));
  }

  @Test
  void aStartThatFailsStopsTheNodesItLaunched() {
    // local1 becomes ready, local2 never does
    apis.get(0).answer("GET", "/health/ready", 200, "{}");

    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> cluster.start(nodes, "the token file"));

    assertTrue(failure.getMessage().startsWith("local2 did not become ready on " + nodes.get(1).httpUrl()
        + "/health/ready within 5s"), failure.getMessage());
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("[cluster] stopping the nodes this command started: "));
    nodes.forEach(node -> assertTrue(launcher.running(node.name()).isEmpty(), node.name()));
    assertFalse(Files.exists(stateDir.resolve("admin-urls")));
  }
}
