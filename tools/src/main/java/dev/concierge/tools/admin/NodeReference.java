package dev.concierge.tools.admin;

import dev.concierge.tools.nodes.LocalNodes;
import dev.concierge.tools.nodes.NodePorts;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A node as the operator names it on the command line: a full address
 * ({@code pekko://concierge@127.0.0.1:2552}), {@code host:port} ({@code 127.0.0.1:2552}) or a local
 * node's name ({@code local2}, whose port its {@code local2.conf} gives). Resolved to a member's full
 * address, since that is what the API takes.
 */
final class NodeReference {

  private static final String ADDRESS_SCHEME = "pekko://";
  private static final String LOOPBACK = "127.0.0.1";
  private static final String LOCALHOST = "localhost:";
  private static final Pattern HOST_PORT = Pattern.compile("[^@/:\\s]+:[0-9]+");

  private final String given;
  /** Empty when a full address was given. */
  private final Optional<String> hostPort;

  private NodeReference(String given, Optional<String> hostPort) {
    this.given = given;
    this.hostPort = hostPort;
  }

  /** Reads NODE and {@code --to NODE}. */
  static final class Converter implements ITypeConverter<NodeReference> {
    @Override
    public NodeReference convert(String given) {
      if (given.startsWith(ADDRESS_SCHEME)) {
        return new NodeReference(given, Optional.empty());
      }
      String hostPort = HOST_PORT.matcher(given).matches()
          ? given
          : LocalNodes.named(given).map(NodePorts::remoteHostPort).orElseThrow(() -> new TypeConversionException(
              "'" + given + "' is not a node; name it by a member's address (pekko://concierge@HOST:PORT),"
                  + " host:port or a local node's name (" + LocalNodes.names() + ")"));
      // members carry the address they bind, which for the local nodes is the IP
      if (hostPort.startsWith(LOCALHOST)) {
        hostPort = LOOPBACK + ":" + hostPort.substring(LOCALHOST.length());
      }
      return new NodeReference(given, Optional.of(hostPort));
    }
  }

  /** The full address of the one member this names; fails listing the members when none matches. */
  String resolve(Members members) {
    List<String> matches = members.members().stream().map(Members.Member::address).filter(this::names).toList();
    if (matches.size() != 1) {
      throw new IllegalArgumentException("no member of the cluster is '" + given + "'"
          + hostPort.filter(named -> !named.equals(given)).map(named -> " (" + named + ")").orElse("")
          + "; the members are: " + members.describe());
    }
    return matches.get(0);
  }

  private boolean names(String address) {
    return hostPort.map(named -> address.endsWith("@" + named)).orElse(address.equals(given));
  }
}
