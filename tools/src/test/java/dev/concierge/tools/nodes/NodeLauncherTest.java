package dev.concierge.tools.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.testing.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node's command line, files and process checks, as bin/concierge cluster start used to make them. */
class NodeLauncherTest {

  private static final NodePorts NODE = new NodePorts("local2", "127.0.0.1", 8082, "concierge", "127.0.0.1", 2552,
      8559);

  @TempDir Path home;
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @Test
  void theCommandLineIsTheJvmItsFlagsTheConfigResourceTheNodesClasspathAndMain() throws IOException {
    writeClasspath("/m2/a.jar:/m2/b.jar\n");
    NodeLauncher.Settings settings = NodeLauncher.settings(Map.of("CONCIERGE_HOME", home.toString(),
        "CONCIERGE_STATE_DIR", home.resolve("state").toString(), "CONCIERGE_NODE_JVM_OPTS", " -Xmx2g  -XX:+UseZGC "));
    NodeLauncher launcher = launcher(settings);

    List<String> command = launcher.command("local2");

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes = home.resolve("cluster-config/target/classes").toAbsolutePath().toString();
    assertEquals(List.of(java, "-Xmx2g", "-XX:+UseZGC", "-Dconfig.resource=local2.conf", "-cp",
        classes + ":/m2/a.jar:/m2/b.jar", "dev.concierge.Main"), command);
    assertEquals(home.resolve("state/nodes/local2.pid"), launcher.pidFile("local2"));
    assertEquals(home.resolve("state/logs/local2.log"), launcher.logFile("local2"));
    assertEquals(Duration.ofSeconds(120), settings.startTimeout());
    assertEquals(Duration.ofSeconds(60), settings.stopTimeout());
  }

  @Test
  void withoutJvmOptionsTheNodeHasOneGigabyteOfHeap() throws IOException {
    writeClasspath("/m2/a.jar");
    NodeLauncher.Settings settings = NodeLauncher.settings(Map.of("CONCIERGE_HOME", home.toString(),
        "CONCIERGE_NODE_STOP_TIMEOUT", "7"));

    assertEquals(List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC"), settings.jvm().subList(1, settings.jvm().size()));
    assertEquals(home.resolve(".concierge").toAbsolutePath(), settings.stateDir());
    assertEquals(Duration.ofSeconds(7), settings.stopTimeout());
  }

  @Test
  void aNodeThatWasNeverBuiltOrABadTimeoutIsAClearFailure() throws IOException {
    Exception unbuilt = assertThrows(RuntimeException.class,
        () -> NodeLauncher.settings(Map.of("CONCIERGE_HOME", home.toString())));
    assertTrue(unbuilt.getMessage().contains("runtime-classpath.txt is missing"), unbuilt.getMessage());
    writeClasspath("/m2/a.jar");
    Exception timeout = assertThrows(IllegalArgumentException.class, () -> NodeLauncher.settings(
        Map.of("CONCIERGE_HOME", home.toString(), "CONCIERGE_NODE_START_TIMEOUT", "soon")));
    assertEquals("CONCIERGE_NODE_START_TIMEOUT='soon' is not a whole number of seconds above 0", timeout.getMessage());
  }

  @Test
  void launchAppendsToTheLogWritesThePidFileAndLeavesOutThePortVariables() throws Exception {
    Path state = home.resolve("state");
    // the shell prints its environment and stdin; $0 is the config flag, as a JVM's command line would hold it
    NodeLauncher launcher = launcher(new NodeLauncher.Settings(state,
        List.of("bash", "-c", "env | sort; cat; echo end-of-input; sleep 30; true"), "cp",
        Map.of("PATH", System.getenv("PATH"), "CONCIERGE_HTTP_PORT", "9999", "CONCIERGE_ADMIN_TOKEN", "t0ken"),
        Duration.ofSeconds(5), Duration.ofSeconds(5)));
    Files.createDirectories(launcher.logDir());
    Files.writeString(launcher.logFile("local2"), "an earlier run\n");

    ProcessHandle process = launcher.launch(NODE);
    try {
      assertEquals(process.pid() + "", Files.readString(launcher.pidFile("local2")).strip());
      Eventually.within(Duration.ofSeconds(5), "the node's output reaches its log", () -> logOf(launcher).contains("end-of-input"));
      String log = Files.readString(launcher.logFile("local2"));
      assertTrue(log.startsWith("an earlier run\n\n===== "), log);
      assertTrue(log.contains(" bin/concierge starts local2 =====\n"), log);
      assertTrue(log.contains("CONCIERGE_ADMIN_TOKEN=t0ken"), log);
      assertFalse(log.contains("CONCIERGE_HTTP_PORT"), "an override would give every node the same port");
      assertTrue(log.contains("\nend-of-input"), "stdin is /dev/null: " + log);
      assertEquals(process.pid(), launcher.running("local2").orElseThrow().pid());
      assertTrue(progress.toString(StandardCharsets.UTF_8).startsWith("[test] local2: started (pid " + process.pid()
          + "), log in " + launcher.logFile("local2")));

      launcher.stop("local2", process);

      assertFalse(process.isAlive());
      assertFalse(Files.exists(launcher.pidFile("local2")));
      assertTrue(progress.toString(StandardCharsets.UTF_8).contains("[local2] stopped (pid " + process.pid() + ")"));
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void aPidFileCountsOnlyForALiveProcessWithTheNodesConfigFlag() throws Exception {
    NodeLauncher launcher = launcher(new NodeLauncher.Settings(home, List.of("java"), "cp", Map.of(),
        Duration.ofSeconds(5), Duration.ofSeconds(5)));
    Files.createDirectories(launcher.pidFile("local1").getParent());
    // this JVM runs, but it is no node: a reused pid
    Files.writeString(launcher.pidFile("local1"), ProcessHandle.current().pid() + "\n");
    assertTrue(launcher.running("local1").isEmpty());
    assertTrue(Files.exists(launcher.pidFile("local1")), "a process just launched may not have exec'd yet");

    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(launcher.pidFile("local1"), gone.pid() + "\n");
    assertTrue(launcher.running("local1").isEmpty());
    assertFalse(Files.exists(launcher.pidFile("local1")), "the pid file of a process that is gone goes");
  }

  @Test
  void aTakenPortIsNamedBeforeAnythingStarts() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      NodePorts node = new NodePorts("local3", "127.0.0.1", 1, "concierge", "127.0.0.1", taken.getLocalPort(), 2);
      NodeLauncher launcher = new NodeLauncher(new NodeLauncher.Settings(home, List.of("java"), "cp", Map.of(),
          Duration.ofSeconds(5), Duration.ofSeconds(5)), port -> port == taken.getLocalPort(),
          new PrintStream(progress, true, StandardCharsets.UTF_8), "test");

      IllegalStateException failure = assertThrows(IllegalStateException.class, () -> launcher.checkPorts(node));

      assertTrue(failure.getMessage().startsWith("local3: port 127.0.0.1:" + taken.getLocalPort()
          + " is already in use"), failure.getMessage());
      assertTrue(failure.getMessage().endsWith("is local3 running outside this launcher (bin/concierge node local3)?"
          + " Stop that process first"), failure.getMessage());
      assertTrue(NodeLauncher.portTaken(taken.getLocalPort()));
    }
  }

  @Test
  void anAttachedNodeThatExitsDuringStartupFailsAsTheCallerSays() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    NodeLauncher launcher = launcher(new NodeLauncher.Settings(home, List.of(java), home.resolve("nothing").toString(),
        Map.of("CONCIERGE_HTTP_PORT", "1"), Duration.ofSeconds(30), Duration.ofSeconds(5)));
    NodePorts dev = new NodePorts("dev", "127.0.0.1", 1, "concierge", "127.0.0.1", 2, 3);

    Process process = launcher.startAttached(dev);

    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> launcher.awaitReady(dev,
        process.toHandle(), "the node", "", () -> new IllegalStateException("exit code " + process.exitValue())));
    assertEquals("exit code 1", failure.getMessage());
  }

  private NodeLauncher launcher(NodeLauncher.Settings settings) {
    return new NodeLauncher(settings, port -> false, new PrintStream(progress, true, StandardCharsets.UTF_8), "test");
  }

  private void writeClasspath(String text) throws IOException {
    Path target = Files.createDirectories(home.resolve("cluster-config/target"));
    Files.writeString(target.resolve("runtime-classpath.txt"), text);
  }

  private static String logOf(NodeLauncher launcher) {
    try {
      return Files.readString(launcher.logFile("local2"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
