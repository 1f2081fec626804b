package dev.concierge.tools.admin;

import dev.concierge.tools.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A node as the operator names it on the command line: a full address
 * ({@code pekko://concierge@127.0.0.1:2552}), {@code host:port} ({@code 127.0.0.1:2552}) or a local
 * node's name ({@code local2}). Resolved to a member's full address, since that is what the API takes.
 */
final class NodeReference {

  static final String FORMS = "a member's address (pekko://concierge@127.0.0.1:2552), host:port (127.0.0.1:2552)"
      + " or local1..local3";
  private static final String ADDRESS_SCHEME = "pekko://";
  private static final String LOCALHOST = "localhost:";
  private static final Pattern HOST_PORT = Pattern.compile("[^@/:\\s]+:[0-9]+");

  private final String given;
  /** Empty when a full address was given. */
  private final Optional<String> hostPort;

  private NodeReference(String given, Optional<String> hostPort) {
    this.given = given;
    this.hostPort = hostPort;
  }

  static NodeReference parse(String given) throws UsageException {
    if (given.startsWith(ADDRESS_SCHEME)) {
      return new NodeReference(given, Optional.empty());
    }
    String hostPort = LocalNodes.hostPort(given).orElse(given);
    if (!HOST_PORT.matcher(hostPort).matches()) {
      throw new UsageException("'" + given + "' is not a node; name it by " + FORMS);
    }
    // members carry the address they bind, which for the local nodes is the IP
    if (hostPort.startsWith(LOCALHOST)) {
      hostPort = LocalNodes.HOST + ":" + hostPort.substring(LOCALHOST.length());
    }
    return new NodeReference(given, Optional.of(hostPort));
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
