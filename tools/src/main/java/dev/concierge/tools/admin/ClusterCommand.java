package dev.concierge.tools.admin;

import dev.concierge.tools.cli.Tool;
import dev.concierge.tools.nodes.LocalNodes;
import dev.concierge.tools.nodes.NodeLauncher;
import dev.concierge.tools.nodes.NodePorts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/concierge cluster start|stop|status}: the local cluster (local1.conf, local2.conf, ...),
 * each node a background JVM of {@link NodeLauncher}'s. bin/concierge builds first and starts the
 * services for {@code --with-services}; the rest is here.
 */
@Command(
    name = "cluster",
    description = {
      "The local cluster, each node a background process (dev.concierge.Main with -Dconfig.resource=localN.conf)."
          + " Without node names, all of them. Node N listens where its localN.conf says: HTTP (API, /health/ready,"
          + " /admin), Pekko remoting and Pekko Management; start and status print them. Its log is"
          + " .concierge/logs/localN.log (appended), its pid in .concierge/nodes/localN.pid.",
      "bin/concierge cluster start also takes --no-build (do not rebuild, even if sources changed) and --with-services"
          + " (start the local Kafka and Cassandra first, unless they run; they keep running).",
      "Environment: CONCIERGE_NODE_START_TIMEOUT (seconds to wait for a node to be ready, default 120),"
          + " CONCIERGE_NODE_STOP_TIMEOUT (seconds before SIGKILL, default 60), CONCIERGE_ADMIN_TOKEN_FILE (the token"
          + " file, default .concierge/admin-token), CONCIERGE_NODE_JAVA_HOME, CONCIERGE_NODE_JVM_OPTS (default -Xms1g"
          + " -Xmx1g -XX:+UseG1GC; see bin/concierge dev --help). The nodes' ports are localN.conf's: CONCIERGE_HTTP_PORT,"
          + " CONCIERGE_REMOTE_PORT, CONCIERGE_MANAGEMENT_PORT are not passed on.",
      "Then: bin/concierge admin members | shards | move | drain | rolling-restart (see bin/concierge admin --help)."
    },
    subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class, ClusterCommand.Status.class})
public final class ClusterCommand {

  static final String TAG = "cluster";

  private ClusterCommand() {}

  /** A cluster command: the nodes named (default all), and the local cluster they belong to. */
  abstract static class Action extends Tool {

    @Parameters(paramLabel = "NODE", arity = "0..*", description = "local1, local2, ... (default: all)")
    private List<String> names = List.of();

    final List<NodePorts> selected() {
      if (names.isEmpty()) {
        return LocalNodes.all();
      }
      List<NodePorts> nodes = new ArrayList<>();
      for (String name : new LinkedHashSet<>(names)) {
        nodes.add(LocalNodes.named(name).orElseThrow(() ->
            usageError("unknown node '" + name + "'; the nodes are " + LocalNodes.names())));
      }
      return nodes;
    }

    final ClusterControl cluster(Map<String, String> environment) {
      NodeLauncher launcher = new NodeLauncher(NodeLauncher.settings(environment), NodeLauncher::portTaken, err(),
          TAG);
      return new ClusterControl(launcher, LocalNodes.all(), new AdminEnvironment(environment), out(), err());
    }
  }

  @Command(
      name = "start",
      description = {
        "Starts the nodes that do not run yet, all together (the seed nodes make them one cluster), and waits until"
            + " each answers GET /health/ready. Refuses a port in use. Uses the Kafka and Cassandra of bin/concierge"
            + " services start (.concierge/services.env) or of CONCIERGE_KAFKA_BOOTSTRAP /"
            + " CONCIERGE_CASSANDRA_CONTACT_POINT. A start that fails, or Ctrl-C, stops what it started.",
        "The admin token: CONCIERGE_ADMIN_TOKEN, else .concierge/admin-token, created once (mode 600, random) and"
            + " reused; bin/concierge admin reads it from there, and asks the nodes named in .concierge/admin-urls"
            + " (the running local nodes)."
      })
  static final class Start extends Action {
    @Override
    protected void run() throws IOException {
      List<NodePorts> nodes = selected();
      NodeLauncher.requireServices(environment());
      AdminEnvironment admin = new AdminEnvironment(environment());
      String tokenSource = admin.variable(AdminEnvironment.TOKEN_VARIABLE).isPresent()
          ? "CONCIERGE_ADMIN_TOKEN (from the environment)"
          : "the token file in " + admin.stateDir() + " (mode 600)";
      AdminToken token = AdminToken.resolveOrCreate(Optional.empty(), admin, err());
      Map<String, String> environment = new HashMap<>(environment());
      environment.put(AdminEnvironment.TOKEN_VARIABLE, token.value());
      cluster(environment).start(nodes, tokenSource);
    }
  }

  @Command(
      name = "stop",
      description = "SIGTERM: each node leaves the cluster gracefully, handing its shards off; SIGKILL after"
          + " CONCIERGE_NODE_STOP_TIMEOUT seconds (default 60). In parallel.")
  static final class Stop extends Action {
    @Override
    protected void run() {
      cluster(environment()).stop(selected());
    }
  }

  @Command(
      name = "status",
      description = "A line per node: pid, alive, ready (GET /health/ready), and its member status as the cluster sees"
          + " it (GET /admin/members); exit code 0 only if every node named runs and is ready.")
  static final class Status extends Action {
    @Override
    protected void run() {
      exitCode(cluster(environment()).status(selected()) ? 0 : 1);
    }
  }
}
