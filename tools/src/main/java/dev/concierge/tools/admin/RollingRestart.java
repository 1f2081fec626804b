package dev.concierge.tools.admin;

import dev.concierge.tools.nodes.NodeLauncher;
import dev.concierge.tools.nodes.NodePorts;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The local nodes that bin/concierge cluster start runs, restarted one at a time, the oldest member
 * last: each drained through another node, its exit awaited, started again, awaited ready and Up.
 */
final class RollingRestart {

  private static final String UP = "Up";

  private final AdminSession session;
  private final NodeLauncher launcher;
  private final List<NodePorts> nodes;
  private final Duration drainTimeout;
  private final PrintStream log;

  RollingRestart(AdminSession session, NodeLauncher launcher, List<NodePorts> nodes, Duration drainTimeout,
      PrintStream log) {
    this.session = session;
    this.launcher = launcher;
    this.nodes = nodes;
    this.drainTimeout = drainTimeout;
    this.log = log;
  }

  void run() {
    long started = System.nanoTime();
    List<NodePorts> order = order();
    int n = order.size();
    log("restarting " + names(order) + ", one at a time (the oldest member last)");
    int i = 0;
    for (NodePorts node : order) {
      i++;
      long stepStarted = System.nanoTime();
      NodePorts via = order.stream().filter(other -> !other.equals(node)).findFirst().orElseThrow();
      ProcessHandle process = launcher.running(node.name()).orElseThrow(
          () -> new IllegalStateException(node.name() + " stopped running before its turn; the nodes after it were"
              + " not touched: bin/concierge cluster status"));
      String step = "[" + i + "/" + n + "] " + node.name() + ": ";
      log(step + "draining through " + via.httpUrl() + " (its shards move to the other nodes) ...");
      try {
        DrainCommand.drain(session, session.clientAt(via.httpUrl()), node.address(), drainTimeout);
      } catch (RuntimeException e) {
        throw new IllegalStateException("draining " + node.name() + " failed (" + e.getMessage() + "); the nodes"
            + " after it were not touched: bin/concierge admin members", e);
      }
      launcher.awaitExit(node.name(), process);
      log(step + "left the cluster and exited; starting it again");
      launcher.checkPorts(node);
      ProcessHandle restarted = launcher.launch(node);
      launcher.awaitReady(node, restarted);
      awaitUp(node);
      log(step + "Up and ready again in " + NodeLauncher.elapsedSince(stepStarted));
    }
    log("rolling restart of " + n + " nodes done in " + NodeLauncher.elapsedSince(started));
  }

  /** The running local nodes, the oldest member last (it hosts the shard coordinator, which then moves once). */
  List<NodePorts> order() {
    List<NodePorts> running = nodes.stream().filter(node -> launcher.running(node.name()).isPresent()).toList();
    if (running.size() < 2) {
      throw new IllegalStateException("a rolling restart needs two or more running local nodes, so that one can"
          + " take the other's shards (running: " + (running.isEmpty() ? "none" : names(running))
          + "); see bin/concierge cluster start");
    }
    Members members = members(running).orElseThrow(() -> new IllegalStateException(
        "no running local node answers GET /admin/members; check bin/concierge cluster status"));
    List<NodePorts> order = new ArrayList<>();
    NodePorts last = null;
    for (NodePorts node : running) {
      String status = members.member(node.address()).map(Members.Member::status).orElse("");
      if (!status.equals(UP)) {
        throw new IllegalStateException(node.name() + " is " + (status.isEmpty() ? "not a member" : status)
            + "; a rolling restart starts from a cluster whose nodes are all Up");
      }
      if (node.address().equals(members.oldest())) {
        last = node;
      } else {
        order.add(node);
      }
    }
    if (last != null) {
      order.add(last);
    }
    return order;
  }

  /** GET /admin/members from the first of these nodes that answers. */
  private Optional<Members> members(List<NodePorts> candidates) {
    return Members.fromFirstAnswering(candidates.stream().map(node -> session.clientAt(node.httpUrl())).toList());
  }

  /** Until the node itself reports its member Up. */
  private void awaitUp(NodePorts node) {
    Duration timeout = launcher.settings().startTimeout();
    long deadline = System.nanoTime() + timeout.toNanos();
    String status = "";
    while (!status.equals(UP)) {
      if (System.nanoTime() >= deadline) {
        throw new IllegalStateException(node.name() + " is " + (status.isEmpty() ? "not a member" : status)
            + " after " + timeout.toSeconds() + "s (log: " + launcher.logFile(node.name()) + ")");
      }
      NodeLauncher.sleep(NodeLauncher.POLL);
      status = members(List.of(node)).flatMap(members -> members.member(node.address())).map(Members.Member::status)
          .orElse("");
    }
  }

  private void log(String message) {
    log.println("[rolling-restart] " + message);
  }

  private static String names(List<NodePorts> nodes) {
    return nodes.stream().map(NodePorts::name).collect(Collectors.joining(" "));
  }
}
