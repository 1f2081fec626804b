package dev.concierge.benchmarks.harness;

import dev.concierge.NodeCommandLine;
import dev.concierge.benchmarks.harness.BenchSettings.JvmShape;
import dev.concierge.tools.nodes.NodeLauncher;
import dev.concierge.tools.nodes.NodePorts;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of a benchmark: its own state dir and ports, the environment every process it starts gets (the
 * bench's ports, its state dir, and the services' addresses once they run), what it started (stopped when it
 * ends, fails or is interrupted), and its progress lines on stderr, tagged {@code [bench]}.
 */
final class BenchRun implements AutoCloseable {

  static final String TAG = "bench";
  static final String HOME_VARIABLE = "CONCIERGE_HOME";
  static final String STATE_DIR_VARIABLE = "CONCIERGE_STATE_DIR";
  static final String BENCH_STATE_DIR_VARIABLE = "CONCIERGE_BENCH_STATE_DIR";
  private static final String LAUNCHER_STATE_DIR = ".concierge";
  private static final String BENCH_STATE_DIR = "bench";
  private static final Path RESULTS = Path.of("benchmarks", "target", "bench");
  private static final File NO_INPUT = new File("/dev/null");
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  private final Path home;
  private final Path stateDir;
  private final Map<String, String> environment;
  private final BenchSettings settings;
  private final BenchPorts ports;
  private final PrintStream progress;
  private final Started started;
  private final long begun = System.nanoTime();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
  private BenchCommands commands;

  private BenchRun(Path home, Path stateDir, Map<String, String> environment, BenchSettings settings,
      BenchPorts ports, PrintStream progress) {
    this.home = home;
    this.stateDir = stateDir;
    this.environment = environment;
    this.settings = settings;
    this.ports = ports;
    this.progress = progress;
    this.started = new Started(settings.stopTimeout(), progress);
  }

  /**
   * A run for bin/concierge, which passes the repository (CONCIERGE_HOME) and its own state dir
   * (CONCIERGE_STATE_DIR): the bench's is CONCIERGE_BENCH_STATE_DIR, else {@code bench} inside it.
   */
  static BenchRun open(Map<String, String> processEnvironment, BenchSettings settings, PrintStream progress) {
    Path home = BenchJava.variable(processEnvironment, HOME_VARIABLE).map(Path::of).orElse(Path.of(""))
        .toAbsolutePath().normalize();
    Path stateDir = BenchJava.variable(processEnvironment, BENCH_STATE_DIR_VARIABLE).map(Path::of)
        .orElseGet(() -> BenchJava.variable(processEnvironment, STATE_DIR_VARIABLE).map(Path::of)
            .orElse(home.resolve(LAUNCHER_STATE_DIR)).resolve(BENCH_STATE_DIR))
        .toAbsolutePath().normalize();
    BenchPorts ports = BenchPorts.of(settings.ports(), processEnvironment);
    // the shutdown hook reads it while the run may still add to it
    Map<String, String> environment = new ConcurrentHashMap<>(processEnvironment);
    environment.putAll(ports.variables());
    environment.put(HOME_VARIABLE, home.toString());
    environment.put(STATE_DIR_VARIABLE, stateDir.toString());
    createDirectories(stateDir);
    return new BenchRun(home, stateDir, environment, settings, ports, progress);
  }

  void log(String message) {
    progress.println("[" + TAG + "] " + message);
  }

  /** Where the run's progress goes: stderr. */
  PrintStream progress() {
    return progress;
  }

  BenchSettings settings() {
    return settings;
  }

  BenchPorts ports() {
    return ports;
  }

  Path home() {
    return home;
  }

  Path stateDir() {
    return stateDir;
  }

  /** The environment of the run's processes; the services' addresses and the admin token join it. */
  Map<String, String> environment() {
    return environment;
  }

  Started started() {
    return started;
  }

  /** Where the benchmarks' tables and plots go: {@code benchmarks/target/bench}. */
  Path results() {
    return createDirectories(home.resolve(RESULTS));
  }

  /** The log of one of the run's processes, in the state dir's {@code logs}. */
  Path logFile(String name) {
    return createDirectories(stateDir.resolve("logs")).resolve(name + ".log");
  }

  /** The bench's JDK and the command lines on it; looked up once. */
  BenchCommands commands() {
    if (commands == null) {
      commands = new BenchCommands(BenchJava.find(environment, settings.preferredJava()), home);
    }
    return commands;
  }

  /** The flags of the designs' JVMs in a benchmark of this shape. */
  List<String> flags(JvmShape shape) {
    return commands().java().flags(shape, settings.zgcFromJava(), environment);
  }

  /** Where the run's node listens, as its configuration resolves with the run's environment. */
  NodePorts node() {
    return NodePorts.of(BenchCommands.NODE_CONFIG, environment);
  }

  /** The dev bundles the setup trains, in the state dir. */
  Path bundles() {
    return stateDir.resolve("bundles");
  }

  /** The one-off dev setup (dev bundles, topics, demo catalog) against the run's services, in the foreground. */
  void setUp() {
    long setup = System.nanoTime();
    log("running concierge dev-setup (dev bundles, topics, demo catalog) ...");
    require("dev-setup", commands().tools(List.of(NodeCommandLine.configResource(BenchCommands.NODE_CONFIG)),
        List.of("dev-setup", bundles().toString())), "concierge dev-setup failed");
    log("setup done in " + NodeLauncher.elapsedSince(setup));
  }

  /** {@code concierge simulate --kafka ARGS}: simulated shoppers into the run's Kafka. */
  List<String> simulation(List<String> args) {
    List<String> simulate = new ArrayList<>(List.of("simulate", "--kafka"));
    simulate.addAll(args);
    return commands().tools(List.of(), simulate);
  }

  /** A process in the background, its output to its log; stopped with the run unless stopped before. */
  Process startLogged(String name, List<String> command) {
    Path log = logFile(name);
    Process process = start(name, builder(command).redirectOutput(log.toFile()).redirectErrorStream(true));
    log(name + ": pid " + process.pid() + ", log " + log);
    return process;
  }

  /** A process in the foreground, its output to its log; the exit code. */
  int runLogged(String name, List<String> command) {
    return await(start(name, builder(command).redirectOutput(logFile(name).toFile()).redirectErrorStream(true)));
  }

  /** A process in the foreground, its output on this terminal; the exit code. */
  int runHere(String name, List<String> command) {
    return await(start(name, builder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT)));
  }

  /** A process in the foreground, its output appended to {@code file}, that must succeed. */
  void appendTo(Path file, String name, List<String> command) {
    int exitCode = await(start(name, builder(command).redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile()))
        .redirectErrorStream(true)));
    if (exitCode != 0) {
      throw new IllegalStateException(name + " exited with code " + exitCode + " (output: " + file + ")");
    }
  }

  /** A process in the foreground, on this terminal, that must succeed; {@code failure} says what did not happen. */
  void require(String name, List<String> command, String failure) {
    int exitCode = runHere(name, command);
    if (exitCode != 0) {
      throw new IllegalStateException(failure + " (" + name + " exited with code " + exitCode + ")");
    }
  }

  private ProcessBuilder builder(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(NO_INPUT);
    builder.environment().clear();
    builder.environment().putAll(environment);
    return builder;
  }

  private Process start(String name, ProcessBuilder builder) {
    try {
      return started.start(name, builder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  private int await(Process process) {
    try {
      int exitCode = process.waitFor();
      started.ended(process);
      return exitCode;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Until GET {@code url} answers 2xx; fails when {@code process} exits first or {@code timeout} passes. */
  void awaitAnswer(String name, URI url, Process process, Duration timeout) {
    long waiting = System.nanoTime();
    long deadline = waiting + timeout.toNanos();
    String where = " (log: " + logFile(name) + ")";
    while (!answers(url)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during startup" + where);
      }
      if (System.nanoTime() >= deadline) {
        throw new IllegalStateException(name + " did not answer " + url + " within " + timeout.toSeconds() + "s"
            + where);
      }
      NodeLauncher.sleep(settings.pollEvery());
    }
    log(name + " ready in " + NodeLauncher.elapsedSince(waiting));
  }

  private boolean answers(URI url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(url).timeout(PROBE_TIMEOUT).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), for the CPU times the benchmarks report. */
  String clockTicks() {
    return output(List.of("getconf", "CLK_TCK")).strip();
  }

  /** What a short command prints; a command that fails is an error. */
  String output(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectInput(NO_INPUT).redirectErrorStream(true).start();
      String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + printed.strip());
      }
      return printed;
    } catch (IOException e) {
      throw new UncheckedIOException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Stops what the run started, and says how long it took. */
  @Override
  public void close() {
    started.close();
    log("total time " + NodeLauncher.elapsedSince(begun));
  }

  private static Path createDirectories(Path directory) {
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory + ": " + e.getMessage(), e);
    }
  }
}
