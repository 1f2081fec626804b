package dev.concierge.tools.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The nodes of {@code bin/concierge cluster}: {@code local1.conf}, {@code local2.conf}, ... on the
 * classpath, each with the ports its file gives it (the launcher starts them without the port
 * variables, so that three nodes on one machine do not share one).
 */
public final class LocalNodes {

  private static final String PREFIX = "local";

  private LocalNodes() {}

  /** local1, local2, ... as long as the files go on; read once. */
  public static List<NodePorts> all() {
    return Loaded.NODES;
  }

  /** {@code local2}'s ports; empty for a name that is no local node. */
  public static Optional<NodePorts> named(String name) {
    return all().stream().filter(node -> node.name().equals(name)).findFirst();
  }

  /** The local node whose member address this is; empty for any other address. */
  public static Optional<NodePorts> withAddress(String address) {
    return all().stream().filter(node -> address.endsWith("@" + node.remoteHostPort())).findFirst();
  }

  /** For messages: {@code local1, local2, local3}. */
  public static String names() {
    return all().stream().map(NodePorts::name).collect(Collectors.joining(", "));
  }

  private static final class Loaded {
    static final List<NodePorts> NODES = load();

    private static List<NodePorts> load() {
      List<NodePorts> nodes = new ArrayList<>();
      for (int n = 1; NodePorts.exists(PREFIX + n); n++) {
        nodes.add(NodePorts.of(PREFIX + n, Map.of()));
      }
      return List.copyOf(nodes);
    }
  }
}
