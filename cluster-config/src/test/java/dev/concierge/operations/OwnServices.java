package dev.concierge.operations;

import dev.concierge.testing.RealServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka and a Cassandra for one test class alone, started by {@code bin/concierge services} in a
 * state directory of their own and on free ports, so that the test can kill and restart them without
 * touching the services that the rest of the suite (or a developer's {@code bin/concierge dev}) uses.
 */
final class OwnServices implements AutoCloseable {

  enum Service {
    KAFKA("kafka"),
    CASSANDRA("cassandra");

    final String launcherName;

    Service(String launcherName) {
      this.launcherName = launcherName;
    }
  }

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Duration LAUNCHER_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration EXIT_AFTER_KILL = Duration.ofSeconds(30);
  // enough for tests; two Cassandras run while this one does
  private static final String CASSANDRA_HEAP = "256m";
  // The launcher's Cassandra is fast and unsafe, for dev: it skips the commit log for schema
  // changes, and acknowledges writes up to 10 s before they are synced. Killed, it would lose the
  // keyspace and acknowledged events, which a production cluster's replicas would have kept; a
  // single node must instead wait for the fsync.
  private static final String DURABLE_SCHEMA = "-Dcassandra.unsafesystem=false";
  private static final String DURABLE_COMMIT_LOG = "group";

  private final Path stateDir;
  private final Path launcherLog;
  private final Map<String, String> environment;
  private final ServiceAddresses addresses;

  OwnServices(Path stateDir) throws IOException {
    this.stateDir = Files.createDirectories(stateDir).toAbsolutePath();
    this.launcherLog = this.stateDir.resolve("launcher.log");
    int kafkaPort = RealServices.freePort();
    int cassandraPort = RealServices.freePort();
    this.environment = Map.of(
        "CONCIERGE_STATE_DIR", this.stateDir.toString(),
        "CONCIERGE_KAFKA_PORT", Integer.toString(kafkaPort),
        "CONCIERGE_KAFKA_CONTROLLER_PORT", Integer.toString(RealServices.freePort()),
        "CONCIERGE_CASSANDRA_PORT", Integer.toString(cassandraPort),
        "CONCIERGE_CASSANDRA_STORAGE_PORT", Integer.toString(RealServices.freePort()),
        "CONCIERGE_CASSANDRA_HEAP", CASSANDRA_HEAP,
        "CONCIERGE_CASSANDRA_JVM_OPTS", DURABLE_SCHEMA,
        "CONCIERGE_CASSANDRA_COMMITLOG_SYNC", DURABLE_COMMIT_LOG);
    this.addresses = new ServiceAddresses("127.0.0.1:" + kafkaPort, "127.0.0.1:" + cassandraPort);
  }

  ServiceAddresses addresses() {
    return addresses;
  }

  /** Starts the services (all of them without arguments) and waits until each answers. */
  void start(Service... services) throws IOException, InterruptedException {
    launcher("start", services);
  }

  /** SIGKILL, as a crash or an OOM killer would: nothing is flushed or closed. */
  void kill(Service service) throws IOException, InterruptedException {
    Path pidFile = stateDir.resolve(service.launcherName).resolve(service.launcherName + ".pid");
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle process = ProcessHandle.of(pid)
        .orElseThrow(() -> new AssertionError(service.launcherName + " (pid " + pid + ") is not running"));
    process.destroyForcibly();
    try {
      process.onExit().get(EXIT_AFTER_KILL.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(service.launcherName + " (pid " + pid + ") did not exit after SIGKILL", e);
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    launcher("stop");
  }

  private void launcher(String action, Service... services) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", REPO.resolve("bin/concierge").toString(), "services", action));
    for (Service service : services) {
      command.add(service.launcherName);
    }
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(REPO.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(launcherLog.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(LAUNCHER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bin/concierge services " + action + " did not finish; see " + launcherLog);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("bin/concierge services " + action + " failed (exit " + process.exitValue() + "): "
          + Files.readString(launcherLog));
    }
  }
}
