package dev.concierge.tools.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rolling restart against three stand-in admin APIs and stand-in node processes (a shell that
 * sleeps, with the node's config flag on its command line): its order, where each drain goes, and
 * that each node is drained, awaited, started again and awaited ready and Up before the next.
 */
class RollingRestartTest {

  private static final String TOKEN = "s3cret";
  private static final int NODES = 3;

  @TempDir Path stateDir;
  private final List<FakeAdminApi> apis = new ArrayList<>();
  private final List<NodePorts> nodes = new ArrayList<>();
  private final List<String> drained = Collections.synchronizedList(new ArrayList<>());
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private NodeLauncher launcher;

  @BeforeEach
  void startNodes() throws IOException {
    for (int n = 1; n <= NODES; n++) {
      FakeAdminApi api = FakeAdminApi.start();
      apis.add(api);
      nodes.add(new NodePorts("local" + n, "127.0.0.1", api.url().getPort(), "concierge", "127.0.0.1", 2550 + n,
          8557 + n));
    }
    Map<String, String> environment = new HashMap<>();
    environment.put("PATH", System.getenv("PATH"));
    // $0 of the shell is the config flag, so the command line names the node, as a JVM's would
    NodeLauncher.Settings settings = new NodeLauncher.Settings(stateDir, List.of("bash", "-c", "sleep 30; true"),
        "classes", environment, Duration.ofSeconds(10), Duration.ofSeconds(5));
    launcher = new NodeLauncher(settings, port -> false, new PrintStream(err, true, StandardCharsets.UTF_8),
        RollingRestartCommand.TAG);
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(node -> launcher.running(node.name()).ifPresent(ProcessHandle::destroyForcibly));
    apis.forEach(FakeAdminApi::close);
  }

  /** Every node Up, the given one the oldest; a drain that succeeds "removes" its member and ends its process. */
  private void answerAllUp(String oldest) {
    answerAllUp(oldest, 200, "{\"status\":\"removed\"}");
  }

  private void answerAllUp(String oldest, int drainStatus, String drainAnswer) {
    for (int i = 0; i < NODES; i++) {
      NodePorts self = nodes.get(i);
      apis.get(i)
          .answer("GET", Members.PATH, 200, members(self.address(), oldest, "Up"))
          .answer("GET", "/health/ready", 200, "{\"status\":\"ready\"}")
          .answer("POST", "/admin/nodes/drain", drainStatus, drainAnswer)
          .onRequest(request -> {
            if (request.path().equals("/admin/nodes/drain") && drainStatus == 200) {
              String address = json(request.text()).path("address").asText();
              NodePorts leaving = nodes.stream().filter(node -> node.address().equals(address)).findFirst()
                  .orElseThrow();
              drained.add(leaving.name() + " via " + self.name());
              launcher.running(leaving.name()).ifPresent(ProcessHandle::destroy);
            }
          });
    }
  }

  @Test
  void restartsTheNodesOneAtATimeTheOldestLastEachDrainedThroughAnother() throws IOException {
    answerAllUp(nodes.get(1).address());
    Map<String, Long> before = startAll();

    restart().run();

    String progress = err.toString(StandardCharsets.UTF_8);
    assertEquals(List.of("local1 via local3", "local3 via local1", "local2 via local1"), drained, progress);
    for (NodePorts node : nodes) {
      Optional<ProcessHandle> now = launcher.running(node.name());
      assertTrue(now.isPresent(), node.name() + " runs again");
      assertNotEquals(before.get(node.name()), now.get().pid());
      assertEquals(now.get().pid() + "", Files.readString(launcher.pidFile(node.name())).strip());
      String log = Files.readString(launcher.logFile(node.name()));
      assertEquals(2, log.split("bin/concierge starts " + node.name(), -1).length - 1, "the log is appended to");
    }
    List<String> steps = progress.lines().filter(line -> line.startsWith("[rolling-restart]")).toList();
    assertTrue(steps.contains("[rolling-restart] restarting local1 local3 local2, one at a time (the oldest member"
        + " last)"), progress);
    assertTrue(progress.contains("[rolling-restart] [1/3] local1: draining through " + nodes.get(2).httpUrl()),
        progress);
    assertTrue(progress.contains("[rolling-restart] [3/3] local2: left the cluster and exited; starting it again"));
    assertTrue(steps.get(steps.size() - 1).startsWith("[rolling-restart] rolling restart of 3 nodes done in "),
        progress);
    // each node was asked for its readiness and its own member status once it ran again
    apis.forEach(api -> assertTrue(api.requests("GET", "/health/ready").size() >= 1));
    // the next node is drained only after the one before answered Up again
    int upOfFirst = indexOf(progress, "[1/3] local1: Up and ready again");
    assertTrue(upOfFirst > 0 && upOfFirst < indexOf(progress, "[2/3] local3: draining"), progress);
  }

  @Test
  void needsTwoRunningNodes() throws IOException {
    answerAllUp(nodes.get(0).address());
    launcher.launch(nodes.get(0));
    awaitRunning(nodes.get(0));

    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> restart().run());

    assertTrue(failure.getMessage().startsWith("a rolling restart needs two or more running local nodes, so that one"
        + " can take the other's shards (running: local1)"), failure.getMessage());
    assertTrue(drained.isEmpty());
  }

  @Test
  void startsOnlyFromAClusterWhoseNodesAreAllUp() throws IOException {
    for (int i = 0; i < NODES; i++) {
      apis.get(i).answer("GET", Members.PATH, 200, members(nodes.get(i).address(), nodes.get(0).address(), "Leaving"));
    }
    startAll();

    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> restart().run());

    assertTrue(failure.getMessage().contains("is Leaving; a rolling restart starts from a cluster whose nodes are"
        + " all Up"), failure.getMessage());
    apis.forEach(api -> assertTrue(api.requests("POST", "/admin/nodes/drain").isEmpty()));
  }

  @Test
  void aFailedDrainStopsTheRestartThere() throws IOException {
    answerAllUp(nodes.get(0).address(), 503, "{\"error\":\"busy\",\"message\":\"no\"}");
    Map<String, Long> before = startAll();

    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> restart().run());

    assertTrue(failure.getMessage().startsWith("draining local2 failed ("), failure.getMessage());
    assertTrue(failure.getMessage().endsWith("the nodes after it were not touched: bin/concierge admin members"));
    for (NodePorts node : nodes) {
      assertEquals(before.get(node.name()), launcher.running(node.name()).orElseThrow().pid());
    }
  }

  private Map<String, Long> startAll() {
    Map<String, Long> pids = new HashMap<>();
    for (NodePorts node : nodes) {
      pids.put(node.name(), launcher.launch(node).pid());
    }
    nodes.forEach(this::awaitRunning);
    return pids;
  }

  /** Until the shell has exec'd and its command line names the node, as a node started a while ago has. */
  private void awaitRunning(NodePorts node) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (launcher.running(node.name()).isEmpty() && System.nanoTime() < deadline) {
      NodeLauncher.sleep(Duration.ofMillis(20));
    }
  }

  private RollingRestart restart() {
    AdminSession session = new AdminSession(Optional.empty(), Optional.of(TOKEN), false,
        new AdminEnvironment(Map.of()), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new RollingRestart(session, launcher, nodes, Duration.ofSeconds(10),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static int indexOf(String text, String part) {
    return text.indexOf(part);
  }

  private String members(String self, String oldest, String status) {
    String list = nodes.stream()
        .map(node -> "{\"address\":\"%s\",\"status\":\"%s\",\"roles\":[],\"reachable\":true}"
            .formatted(node.address(), status))
        .collect(Collectors.joining(","));
    return "{\"self\":\"%s\",\"leader\":\"%s\",\"oldest\":\"%s\",\"members\":[%s]}".formatted(self, oldest, oldest,
        list);
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
