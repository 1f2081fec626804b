package dev.concierge.tools.nodes;

import dev.concierge.NodeCommandLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts and stops the local nodes the way {@code bin/concierge cluster} does: each a detached JVM
 * ({@code dev.concierge.Main -Dconfig.resource=localN.conf}) whose output is appended to
 * {@code STATE_DIR/logs/localN.log} and whose pid is in {@code STATE_DIR/nodes/localN.pid}.
 */
public final class NodeLauncher {

  public static final String MAIN_CLASS = NodeCommandLine.MAIN_CLASS;
  static final String JVM_OPTS_VARIABLE = "CONCIERGE_NODE_JVM_OPTS";
  // G1 rather than ZGC: on 2 cores it answered 1.9x the decisions and took 20 % less CPU per ingested event
  // (BENCHMARKS.md, "The node's JVM"); bin/concierge node starts a node with the same flags (app_jvm_opts)
  static final List<String> DEFAULT_JVM_OPTS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
  static final String HOME_VARIABLE = "CONCIERGE_HOME";
  static final String STATE_DIR_VARIABLE = "CONCIERGE_STATE_DIR";
  static final String START_TIMEOUT_VARIABLE = "CONCIERGE_NODE_START_TIMEOUT";
  static final String STOP_TIMEOUT_VARIABLE = "CONCIERGE_NODE_STOP_TIMEOUT";
  // the ports are localN.conf's own; an override exported for one node would give every node the same
  static final List<String> PORT_VARIABLES =
      List.of("CONCIERGE_HTTP_PORT", "CONCIERGE_REMOTE_PORT", "CONCIERGE_MANAGEMENT_PORT");
  public static final Duration POLL = Duration.ofMillis(500);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  private static final Pattern SS_USER = Pattern.compile("users:\\(\\(\"([^\"]*)\",pid=([0-9]+)");
  private static final int READY = 200;
  private static final double NANOS_PER_SECOND = 1e9;

  /** What a launch needs: where state lives, the JVM command up to the config flag, and the node's environment. */
  public record Settings(Path stateDir, List<String> jvm, String classpath, Map<String, String> environment,
      Duration startTimeout, Duration stopTimeout) {}

  private final Settings settings;
  private final IntPredicate portInUse;
  private final PrintStream progress;
  private final String tag;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

  /** Progress goes to {@code progress}, one line at a time, tagged {@code [tag]} as bin/concierge tags its own. */
  public NodeLauncher(Settings settings, IntPredicate portInUse, PrintStream progress, String tag) {
    this.settings = settings;
    this.portInUse = portInUse;
    this.progress = progress;
    this.tag = tag;
  }

  private void log(String message) {
    progress.println("[" + tag + "] " + message);
  }

  /**
   * As bin/concierge sets it up: this JVM's java, CONCIERGE_NODE_JVM_OPTS (default -Xms1g -Xmx1g -XX:+UseG1GC),
   * cluster-config's classes and runtime-classpath.txt under CONCIERGE_HOME, the state dir, the timeouts.
   */
  public static Settings settings(Map<String, String> environment) {
    Path home = Path.of(variable(environment, HOME_VARIABLE).orElse("."));
    Path stateDir = variable(environment, STATE_DIR_VARIABLE).map(Path::of)
        .orElse(home.resolve(".concierge")).toAbsolutePath();
    List<String> jvm = new ArrayList<>();
    jvm.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    jvm.addAll(variable(environment, JVM_OPTS_VARIABLE).map(opts -> Arrays.asList(opts.trim().split("\\s+")))
        .orElse(DEFAULT_JVM_OPTS));
    return new Settings(stateDir, List.copyOf(jvm), classpath(home), environment,
        seconds(environment, START_TIMEOUT_VARIABLE, 120), seconds(environment, STOP_TIMEOUT_VARIABLE, 60));
  }

  /** Fails unless the environment names the Kafka and Cassandra the nodes use (bin/concierge reads services.env). */
  public static void requireServices(Map<String, String> environment) {
    if (variable(environment, "CONCIERGE_KAFKA_BOOTSTRAP").isEmpty()
        || variable(environment, "CONCIERGE_CASSANDRA_CONTACT_POINT").isEmpty()) {
      throw new IllegalStateException("no Kafka or Cassandra to use (no services.env in the state dir, and"
          + " CONCIERGE_KAFKA_BOOTSTRAP / CONCIERGE_CASSANDRA_CONTACT_POINT unset): run bin/concierge services start"
          + " first, or cluster start --with-services");
    }
  }

  /** The node's classpath from the build under {@code home}. */
  static String classpath(Path home) {
    return NodeCommandLine.classpath(home.resolve("cluster-config").resolve("target"));
  }

  public Settings settings() {
    return settings;
  }

  public Path pidFile(String name) {
    return settings.stateDir().resolve("nodes").resolve(name + ".pid");
  }

  public Path logDir() {
    return settings.stateDir().resolve("logs");
  }

  public Path logFile(String name) {
    return logDir().resolve(name + ".log");
  }

  /** The node's command line: the JVM and its flags, the config resource, the classpath, the main class. */
  public List<String> command(String name) {
    return NodeCommandLine.command(settings.jvm(), configFlag(name), settings.classpath());
  }

  private static String configFlag(String name) {
    return NodeCommandLine.configResource(name);
  }

  /**
   * The node this launcher started, if it still runs: the pid file's process, alive, with the node's
   * config flag on its command line (guards against pid reuse). A pid file whose process is gone goes.
   */
  public Optional<ProcessHandle> running(String name) {
    Path file = pidFile(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Optional<ProcessHandle> process;
    try {
      process = ProcessHandle.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip()))
          .filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      process = Optional.empty();
    }
    if (process.isEmpty()) {
      delete(file);
      return process;
    }
    // a process launched a moment ago may not have exec'd its command yet: keep its file
    return process.filter(handle -> commandLine(handle.pid()).contains(configFlag(name)));
  }

  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  /** Fails clearly, naming the port and who holds it when {@code ss} can tell, if one of the node's ports is taken. */
  public void checkPorts(NodePorts node) {
    for (int port : new int[] {node.httpPort(), node.remotePort(), node.managementPort()}) {
      requireFree(portInUse, port, node.name() + ": ", "is " + node.name() + " running outside this launcher (bin/concierge node "
          + node.name() + ")? Stop that process first");
    }
  }

  /**
   * Fails clearly if {@code port} is taken, as {@code portInUse} sees it (never falls back to another one):
   * {@code prefix}, the port, who holds it when {@code ss} can tell, then {@code hint}.
   */
  public static void requireFree(IntPredicate portInUse, int port, String prefix, String hint) {
    if (portInUse.test(port)) {
      String who = whoListens(port).map(holder -> " by " + holder).orElse("");
      throw new IllegalStateException(prefix + "port 127.0.0.1:" + port + " is already in use" + who + "; " + hint);
    }
  }

  /** Whether something accepts TCP connections on 127.0.0.1:PORT. */
  public static boolean portTaken(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) PROBE_TIMEOUT.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code python3 (pid 1234)}, from {@code ss}; empty when it cannot tell. */
  static Optional<String> whoListens(int port) {
    try {
      Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
      String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      ss.waitFor();
      Matcher user = SS_USER.matcher(output);
      return user.find() ? Optional.of(user.group(1) + " (pid " + user.group(2) + ")") : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Starts the node detached (its own session: no SIGHUP or Ctrl-C from this terminal; stdin from
   * /dev/null), its output appended to its log, its pid in its pid file.
   */
  public ProcessHandle launch(NodePorts node) {
    String name = node.name();
    Path log = logFile(name);
    try {
      Files.createDirectories(pidFile(name).getParent());
      Files.createDirectories(log.getParent());
      Files.writeString(log, "\n===== " + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " bin/concierge starts "
          + name + " =====\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      List<String> command = new ArrayList<>();
      setsid().ifPresent(command::add);
      command.addAll(command(name));
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectErrorStream(true);
      Map<String, String> environment = builder.environment();
      environment.clear();
      environment.putAll(new HashMap<>(settings.environment()));
      PORT_VARIABLES.forEach(environment::remove);
      Process process = builder.start();
      Files.writeString(pidFile(name), process.pid() + "\n", StandardCharsets.UTF_8);
      log(name + ": started (pid " + process.pid() + "), log in " + log);
      return process.toHandle();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts the node attached to this terminal: its output on this process's, stdin from /dev/null,
   * with the launcher's environment as it is (the port variables included).
   */
  public Process startAttached(NodePorts node) {
    ProcessBuilder builder = new ProcessBuilder(command(node.name()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().clear();
    builder.environment().putAll(settings.environment());
    try {
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + node.name() + ": " + e.getMessage(), e);
    }
  }

  /** setsid, when there is one: without forking (the child is no group leader), so the pid is the JVM's. */
  private static Optional<String> setsid() {
    return Optional.ofNullable(System.getenv("PATH")).stream()
        .flatMap(path -> Arrays.stream(path.split(":")))
        .map(dir -> Path.of(dir, "setsid"))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst();
  }

  /** Until GET /health/ready answers 200; fails with the log's end if the node exits or the time runs out. */
  public void awaitReady(NodePorts node, ProcessHandle process) {
    String where = " (log: " + logFile(node.name()) + ")";
    awaitReady(node, process, node.name(), where, () -> {
      tail(logFile(node.name()));
      return new IllegalStateException(node.name() + " exited during startup" + where);
    });
  }

  /**
   * Until GET /health/ready answers 200: {@code exited} is the failure when the process exits first; a
   * timeout names {@code who} and ends with {@code where} (where its output is).
   */
  public void awaitReady(NodePorts node, ProcessHandle process, String who, String where,
      Supplier<RuntimeException> exited) {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    while (!ready(node.httpUrl())) {
      if (!process.isAlive()) {
        throw exited.get();
      }
      if (System.nanoTime() >= deadline) {
        throw new IllegalStateException(who + " did not become ready on " + node.httpUrl() + "/health/ready"
            + " within " + settings.startTimeout().toSeconds() + "s" + where);
      }
      sleep(POLL);
    }
  }

  /** Whether GET URL/health/ready answers 200 within two seconds. */
  public boolean ready(URI url) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/health/ready")).timeout(PROBE_TIMEOUT).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == READY;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(progress::println);
    } catch (IOException | UncheckedIOException e) {
      // the message names the log
    }
  }

  /**
   * Until a node that was told to leave has exited; SIGTERM, then SIGKILL, if it still runs after the
   * stop timeout. Its pid file goes.
   */
  public void awaitExit(String name, ProcessHandle process) {
    long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
    while (process.isAlive()) {
      if (System.nanoTime() >= deadline) {
        log("WARNING: " + name + " left the cluster but its process still runs after "
            + settings.stopTimeout().toSeconds() + "s; stopping it");
        stop(name, process);
      }
      sleep(POLL);
    }
    delete(pidFile(name));
  }

  /** SIGTERM (the node leaves gracefully), SIGKILL after the stop timeout; returns once it is gone. */
  public void stop(String name, ProcessHandle process) {
    if (stop(process, settings.stopTimeout(), name, progress)) {
      delete(pidFile(name));
    }
  }

  /**
   * SIGTERM, then SIGKILL if the process still runs after {@code timeout}; returns once it is gone, with a line
   * tagged {@code [tag]} on {@code progress}. False when there was nothing to stop.
   */
  public static boolean stop(ProcessHandle process, Duration timeout, String tag, PrintStream progress) {
    long started = System.nanoTime();
    if (!process.destroy()) {
      return false;
    }
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      progress.println("[" + tag + "] pid " + process.pid() + " still alive after " + timeout.toSeconds()
          + "s, sending SIGKILL");
      process.destroyForcibly();
      process.onExit().join();
    } catch (java.util.concurrent.ExecutionException e) {
      // gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping " + tag, e);
    }
    progress.println("[" + tag + "] stopped (pid " + process.pid() + ") in " + elapsedSince(started));
    return true;
  }

  /** {@code 4.2s}: the time since {@code startedNanos} (a {@link System#nanoTime()}), for progress lines. */
  public static String elapsedSince(long startedNanos) {
    return String.format(java.util.Locale.ROOT, "%.1fs", (System.nanoTime() - startedNanos) / NANOS_PER_SECOND);
  }

  public static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale pid file is checked against its process anyway
    }
  }

  private static Optional<String> variable(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
  }

  private static Duration seconds(Map<String, String> environment, String name, long fallback) {
    String value = variable(environment, name).orElse(Long.toString(fallback));
    try {
      long seconds = Long.parseLong(value.strip());
      if (seconds > 0) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + "='" + value + "' is not a whole number of seconds above 0");
  }
}
