package dev.concierge.tools.admin;

import dev.concierge.tools.cli.Converters;
import dev.concierge.tools.nodes.LocalNodes;
import dev.concierge.tools.nodes.NodeLauncher;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/concierge admin rolling-restart}: the local cluster's nodes restarted one at a time. */
@Command(
    name = "rolling-restart",
    description = {
      "Restarts the local nodes that bin/concierge cluster start runs, one at a time, the oldest member last (it hosts"
          + " the shard coordinator, so the coordinator moves once). Needs two or more running nodes, all Up. For each"
          + " node:",
      "  1. bin/concierge admin drain <node>, sent through another node: the node leaves gracefully, its shards move"
          + " to the other nodes, it is removed from the cluster and its process exits",
      "  2. waits until the process has exited (SIGTERM, then SIGKILL, if it lingers)",
      "  3. starts it again with the same config, like cluster start (its log is appended to)",
      "  4. waits until it answers GET /health/ready and its member is Up, then goes on with the next",
      "Progress and the total time go to stderr. A failed step stops the restart there (exit code 1); the nodes after"
          + " it are not touched. bin/concierge builds first if sources changed (a rolling upgrade), unless"
          + " --no-build.",
      "Nodes not started by this launcher (another machine, bin/concierge node, Kubernetes): one at a time, the oldest"
          + " member (see bin/concierge admin members) last, 1. bin/concierge admin drain NODE --url <another node>, or"
          + " send the node's process SIGTERM; 2. wait until it is gone from bin/concierge admin members and its"
          + " process has exited; 3. start it again with the same configuration; 4. wait until its GET /health/ready"
          + " answers 200 and bin/concierge admin members shows it Up; next."
    })
final class RollingRestartCommand extends AdminAction {

  static final String TAG = "rolling-restart";

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "300", converter = Converters.PositiveInt.class,
      description = "how long one drain may take (default ${DEFAULT-VALUE} seconds)")
  private int timeoutSeconds;

  @Override
  void run(AdminSession session) {
    NodeLauncher.requireServices(session.environment().variables());
    AdminToken token = AdminToken.resolve(session.tokenOption(), session.environment());
    Map<String, String> environment = new HashMap<>(session.environment().variables());
    // the restarted nodes get the token the others run with
    environment.put(AdminEnvironment.TOKEN_VARIABLE, token.value());
    NodeLauncher.Settings settings = NodeLauncher.settings(environment);
    NodeLauncher launcher = new NodeLauncher(settings, NodeLauncher::portTaken, session.err(), TAG);
    new RollingRestart(session, launcher, LocalNodes.all(), Duration.ofSeconds(timeoutSeconds), session.err()).run();
  }
}
