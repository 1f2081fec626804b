package dev.concierge.tools.nodes;

import dev.concierge.tools.Tool;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code concierge node-ports}, for {@code bin/concierge}: the ports of the nodes it starts, so that
 * the launcher holds no port of its own. One line per node:
 * {@code NAME HTTP_PORT REMOTE_PORT MANAGEMENT_PORT HTTP_URL ADDRESS}.
 */
@Command(
    name = "node-ports",
    hidden = true,
    description = {
      "For bin/concierge: where its nodes listen, one line per node: NAME HTTP_PORT REMOTE_PORT MANAGEMENT_PORT"
          + " HTTP_URL ADDRESS.",
      "Without CONFIG: the local cluster's nodes (local1.conf, ...), with their files' own ports. With CONFIG: those"
          + " configurations as a node started with this environment resolves them."
    })
public final class NodePortsCommand extends Tool {

  @Parameters(paramLabel = "CONFIG", arity = "0..*", description = "a node configuration, such as dev for dev.conf")
  private List<String> configs;

  @Override
  protected void run() {
    List<NodePorts> nodes = configs == null
        ? LocalNodes.all()
        : configs.stream().map(config -> NodePorts.of(config, environment())).toList();
    for (NodePorts node : nodes) {
      out().println(String.join(" ", node.name(), Integer.toString(node.httpPort()),
          Integer.toString(node.remotePort()), Integer.toString(node.managementPort()), node.httpUrl().toString(),
          node.address()));
    }
  }
}
