package dev.concierge.benchmarks.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local services of a bench run, through the launcher that owns them ({@code bin/concierge services}, run
 * with the run's environment, so in its state dir and on its ports): started from clean data, their addresses
 * (the launcher's {@code services.env}) put into the run's environment, their pids read from the launcher's pid
 * files, and those it started stopped when the run ends.
 */
final class LocalServices {

  static final String KAFKA = "kafka";
  static final String CASSANDRA = "cassandra";
  static final String REDIS = "redis";
  static final String CASSANDRA_OPTIONS_VARIABLE = "CONCIERGE_CASSANDRA_JVM_OPTS";
  // what the launcher writes into services.env, among the others
  private static final String KAFKA_BOOTSTRAP = "CONCIERGE_KAFKA_BOOTSTRAP";
  private static final String ADDRESSES = "services.env";
  private static final String COMMENT = "#";

  private final BenchRun run;
  private final Set<String> started = new LinkedHashSet<>();

  /** Cassandra runs with the bench's flags unless CONCIERGE_CASSANDRA_JVM_OPTS names others. */
  LocalServices(BenchRun run) {
    this.run = run;
    if (BenchJava.variable(run.environment(), CASSANDRA_OPTIONS_VARIABLE).isEmpty()) {
      run.environment().put(CASSANDRA_OPTIONS_VARIABLE, run.settings().cassandraJvmOptions());
    }
  }

  /** Cassandra's flags in this run. */
  String cassandraOptions() {
    return run.environment().get(CASSANDRA_OPTIONS_VARIABLE);
  }

  /**
   * Starts {@code names} from clean data (a running one is stopped first) and waits until each answers; their
   * addresses join the run's environment. They are stopped when the run ends.
   */
  void startClean(String... names) {
    synchronized (this) {
      if (started.isEmpty()) {
        run.started().onClose("services", this::stopStarted);
      }
      started.addAll(List.of(names));
    }
    List<String> command = launcher("start", "--clean");
    command.addAll(List.of(names));
    run.require("services", command, "could not start the services");
    run.environment().putAll(addresses());
  }

  /** Kafka's address, once it runs. */
  String kafkaBootstrap() {
    return run.environment().get(KAFKA_BOOTSTRAP);
  }

  /** The pid of a service that runs, from the launcher's pid file. */
  long pid(String name) {
    Path file = run.stateDir().resolve(name).resolve(name + ".pid");
    try {
      return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("no pid of " + name + " in " + file + ": does it run?", e);
    }
  }

  /** {@code services.env}: a line {@code NAME=VALUE} for each service that runs. */
  private Map<String, String> addresses() {
    Path file = run.stateDir().resolve(ADDRESSES);
    Map<String, String> addresses = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int equals = line.indexOf('=');
        if (!line.startsWith(COMMENT) && equals > 0) {
          addresses.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the services launcher wrote no " + file + ": " + e.getMessage(), e);
    }
    return addresses;
  }

  // runs while the run stops, when nothing new may start through it
  private void stopStarted() {
    List<String> command = launcher("stop");
    synchronized (this) {
      command.addAll(started);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().clear();
    builder.environment().putAll(run.environment());
    try {
      builder.start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the services", e);
    }
  }

  private List<String> launcher(String... args) {
    List<String> command = new ArrayList<>(List.of(run.home().resolve("bin").resolve("concierge").toString(), "services"));
    command.addAll(List.of(args));
    return command;
  }
}
