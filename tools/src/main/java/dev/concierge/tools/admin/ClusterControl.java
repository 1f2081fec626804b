package dev.concierge.tools.admin;

import dev.concierge.tools.nodes.NodeLauncher;
import dev.concierge.tools.nodes.NodePorts;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local cluster that bin/concierge cluster runs: starting the nodes that do not run (all
 * together, then each awaited ready), stopping them in parallel, their status, and the admin URLs
 * file that tells bin/concierge admin which nodes to ask.
 */
final class ClusterControl {

  static final String URLS_HEADER = "# written by bin/concierge cluster start";

  private final NodeLauncher launcher;
  private final List<NodePorts> all;
  private final AdminEnvironment environment;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, ProcessHandle> launched = new ConcurrentHashMap<>();

  ClusterControl(NodeLauncher launcher, List<NodePorts> all, AdminEnvironment environment, PrintStream out,
      PrintStream err) {
    this.launcher = launcher;
    this.all = all;
    this.environment = environment;
    this.out = out;
    this.err = err;
  }

  /**
   * Launches the nodes that do not run yet, then waits until every one is ready; a failure or Ctrl-C
   * stops the ones this start launched. Then the admin URLs and the banner.
   */
  void start(List<NodePorts> nodes, String tokenSource) {
    long started = System.nanoTime();
    List<NodePorts> toLaunch = new ArrayList<>();
    for (NodePorts node : nodes) {
      Optional<ProcessHandle> running = launcher.running(node.name());
      if (running.isPresent()) {
        log(node.name() + ": already running (pid " + running.get().pid() + ")");
      } else {
        launcher.checkPorts(node);
        toLaunch.add(node);
      }
    }
    Thread stopLaunched = new Thread(this::stopLaunched, "stop-launched-nodes");
    Runtime.getRuntime().addShutdownHook(stopLaunched);
    try {
      toLaunch.forEach(node -> launched.put(node.name(), launcher.launch(node)));
      for (NodePorts node : nodes) {
        // a node launched a moment ago may not have exec'd its JVM yet: its own handle, not its pid file
        ProcessHandle process = launched.containsKey(node.name()) ? launched.get(node.name())
            : launcher.running(node.name()).orElseThrow(() -> new IllegalStateException(node.name()
                + " stopped during the start (log: " + launcher.logFile(node.name()) + ")"));
        launcher.awaitReady(node, process);
        log(node.name() + ": ready (" + NodeLauncher.elapsedSince(started) + ")");
      }
    } catch (RuntimeException e) {
      Runtime.getRuntime().removeShutdownHook(stopLaunched);
      stopLaunched();
      throw e;
    }
    Runtime.getRuntime().removeShutdownHook(stopLaunched);
    launched.clear();
    recordUrls();
    log("cluster up in " + NodeLauncher.elapsedSince(started));
    banner(nodes, tokenSource);
  }

  private void stopLaunched() {
    if (launched.isEmpty()) {
      return;
    }
    log("stopping the nodes this command started: " + String.join(" ", launched.keySet()));
    stopAll(launched);
    launched.clear();
  }

  /** SIGTERM (each node leaves gracefully), SIGKILL after the stop timeout; all in parallel. */
  void stop(List<NodePorts> nodes) {
    Map<String, ProcessHandle> running = new ConcurrentHashMap<>();
    for (NodePorts node : nodes) {
      launcher.running(node.name()).ifPresentOrElse(process -> running.put(node.name(), process),
          () -> err.println("[" + node.name() + "] not running"));
    }
    stopAll(running);
    forgetStoppedUrls();
  }

  private void stopAll(Map<String, ProcessHandle> processes) {
    List<Thread> stopping = new ArrayList<>();
    processes.forEach((name, process) -> {
      Thread thread = new Thread(() -> launcher.stop(name, process), "stop-" + name);
      thread.start();
      stopping.add(thread);
    });
    for (Thread thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while stopping the nodes", e);
      }
    }
  }

  /**
   * A line per node: its process (alive, stopped, or not-ours: something else on its port), ready or
   * not, its member status as the first answering node sees it, its URL. True only if all run and are ready.
   */
  boolean status(List<NodePorts> nodes) {
    Optional<Members> members = members();
    boolean allUp = true;
    boolean answering = false;
    boolean foreign = false;
    for (NodePorts node : nodes) {
      Optional<ProcessHandle> process = launcher.running(node.name());
      String state;
      if (process.isPresent()) {
        state = "pid " + process.get().pid() + " alive";
      } else if (NodeLauncher.portTaken(node.httpPort())) {
        state = "not-ours";
        foreign = true;
      } else {
        state = "stopped";
      }
      boolean ready = launcher.ready(node.httpUrl());
      answering |= ready;
      String member = members.map(seen -> seen.member(node.address()).map(Members.Member::status).orElse("none"))
          .orElse("?");
      out.printf(Locale.ROOT, "%-7s %-16s %-9s member %-8s %s%n", node.name(), state, ready ? "ready" : "not-ready",
          member, node.httpUrl());
      allUp &= process.isPresent() && ready;
    }
    if (members.isEmpty() && answering) {
      log("WARNING: no node answered GET /admin/members with the admin token (bin/concierge admin members says why)");
    }
    if (foreign) {
      log("not-ours: something this launcher did not start listens on the node's port (bin/concierge node?)");
    }
    return allUp;
  }

  /** GET /admin/members from the first local node that answers with the admin token; empty without one. */
  private Optional<Members> members() {
    Optional<AdminToken> token;
    try {
      token = Optional.of(AdminToken.resolve(Optional.empty(), environment));
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    return Members.fromFirstAnswering(all.stream().map(node -> new AdminClient(node.httpUrl(), token.get(), mapper))
        .toList());
  }

  /** The admin URLs of the local nodes that run, for bin/concierge admin; none running: no file. */
  void recordUrls() {
    environment.recordUrls(URLS_HEADER, all.stream().filter(node -> launcher.running(node.name()).isPresent())
        .map(NodePorts::httpUrl).toList());
  }

  /** After a stop, the admin URLs name the local nodes that still run; a file cluster start did not write stays. */
  private void forgetStoppedUrls() {
    Path file = urlsFile();
    try {
      if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).startsWith(URLS_HEADER)) {
        recordUrls();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the admin URLs in " + file, e);
    }
  }

  private Path urlsFile() {
    return environment.urlsFile();
  }

  private void banner(List<NodePorts> nodes, String tokenSource) {
    out.printf("%n  Concierge local cluster%n");
    for (NodePorts node : nodes) {
      out.printf("    %s  %s  %s  management http://%s:%s  pid %s%n", node.name(), node.httpUrl(), node.address(),
          node.httpHost(), node.managementPort(),
          launcher.running(node.name()).map(process -> Long.toString(process.pid())).orElse(""));
    }
    Map<String, String> variables = environment.variables();
    out.print("""
            logs         %s/<node>.log
            admin token  %s
            admin URLs   %s (bin/concierge admin asks the first that answers)
            Kafka        %s    Cassandra %s

          Try:
            bin/concierge admin members
            bin/concierge admin shards
            bin/concierge admin move <shard> --to local2
            bin/concierge admin drain local3
            bin/concierge admin rolling-restart
            bin/concierge cluster status
            bin/concierge cluster stop

        """.formatted(launcher.logDir(), tokenSource, urlsFile(),
        variables.get("CONCIERGE_KAFKA_BOOTSTRAP"), variables.get("CONCIERGE_CASSANDRA_CONTACT_POINT")));
  }

  private void log(String message) {
    err.println("[" + ClusterCommand.TAG + "] " + message);
  }
}
