package dev.concierge.operations;

import dev.concierge.NodeCommandLine;
import dev.concierge.testing.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Concierge node in a JVM of its own, started the way {@code bin/concierge node} starts it: the
 * node's classpath, {@code dev.concierge.Main}, and a config file. It can be stopped gracefully,
 * killed with SIGKILL, or left to exit by itself after a drain, and started again on the same ports.
 */
final class NodeProcess {

  private static final Path BUILD = Path.of("target");
  private static final List<String> JVM_FLAGS = List.of("-Xms256m", "-Xmx400m");
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(60);

  final String name;
  final int httpPort;
  final int managementPort;
  final String address;
  private final Path configFile;
  final Path logFile;
  private final TestHttp http = new TestHttp(HTTP_TIMEOUT);
  private final AtomicInteger inFlight = new AtomicInteger();
  private Process process;

  NodeProcess(String name, int httpPort, int remotePort, int managementPort, Path configFile, Path logFile) {
    this.name = name;
    this.httpPort = httpPort;
    this.managementPort = managementPort;
    this.address = "pekko://concierge@127.0.0.1:" + remotePort;
    this.configFile = configFile;
    this.logFile = logFile;
  }

  void start() throws IOException {
    List<String> jvm = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    jvm.addAll(JVM_FLAGS);
    List<String> command =
        NodeCommandLine.command(jvm, NodeCommandLine.configFile(configFile), NodeCommandLine.classpath(BUILD));
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Counts a storefront request to this node from its start to its answer. */
  void requestStarted() {
    inFlight.incrementAndGet();
  }

  void requestEnded() {
    inFlight.decrementAndGet();
  }

  /** Storefront requests sent to this node and not answered yet. */
  int requestsInFlight() {
    return inFlight.get();
  }

  /** GET /health/ready answers 200. */
  boolean ready() {
    return answersOk("/health/ready");
  }

  /** GET /health/journal answers 200: Cassandra answers the node. */
  boolean journalReachable() {
    return answersOk("/health/journal");
  }

  private boolean answersOk(String path) {
    try {
      return http.trySend(TestHttp.request("GET", url(path), null, null)).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The value of one series of {@code GET /metrics}, e.g. {@code concierge_dead_letters_total}; 0 if absent. */
  double metric(String series) {
    return TestHttp.metric(http.get(url("/metrics")).body(), series).orElse(0);
  }

  /** SIGKILL: no leave, no hand-off, nothing flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Waits for the JVM to exit by itself, as a drained node does. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** SIGTERM, then SIGKILL if it does not exit in time. */
  void stop() throws InterruptedException {
    if (!alive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  @Override
  public String toString() {
    return name + " (" + address + ", http " + httpPort + ", log " + logFile + ")";
  }
}
