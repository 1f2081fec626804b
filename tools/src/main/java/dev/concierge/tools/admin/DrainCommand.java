package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.tools.cli.Converters;
import dev.concierge.tools.nodes.LocalNodes;
import dev.concierge.tools.nodes.NodePorts;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/concierge admin drain}: {@code POST /admin/nodes/drain}, sent to another node than the
 * one leaving (that one would stop answering halfway), then followed until the member is removed.
 */
@Command(
    name = "drain",
    description = {
      "NODE leaves the cluster gracefully: its shards are handed off to the other nodes (their entities start there"
          + " again from the journal, so nothing is lost or counted twice), then it is removed and its process exits."
          + " Waits until NODE is removed, printing each status it passes on stderr.",
      "The request goes to a node other than NODE: the one asked unless that is NODE, else another Up member that is"
          + " a local node (its HTTP URL from its localN.conf), else --via."
    })
final class DrainCommand extends AdminAction {

  private static final String UP = "Up";

  @Parameters(paramLabel = "NODE", converter = NodeReference.Converter.class,
      description = "a member's address (pekko://concierge@HOST:PORT), host:port or a local node's name (local3)")
  private NodeReference node;

  @Option(names = "--via", paramLabel = "URL", converter = AdminCommand.HttpUrl.class,
      description = "the node to send the drain to (never NODE itself)")
  private URI given;

  @Option(names = "--timeout", paramLabel = "S", defaultValue = "300", converter = Converters.PositiveInt.class,
      description = "give up waiting after S seconds (default ${DEFAULT-VALUE}; the drain itself goes on); exit code 1")
  private int timeoutSeconds;

  @Override
  void run(AdminSession session) {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    AdminClient asked = session.client();
    Members members = Members.fetch(asked);
    String address = node.resolve(members);
    AdminClient via = session.clientAt(Optional.ofNullable(given).or(() -> via(asked.base(), members, address))
        .orElseThrow(() -> usageError(asked.base() + " is " + address + " itself, and no other Up member is a local"
            + " node whose HTTP URL is known: pass --via URL of another node")));
    if (!via.base().equals(asked.base()) && Members.fetch(via).self().equals(address)) {
      throw usageError("--via " + via.base() + " is " + address + " itself; send the drain to another node");
    }

    drain(session, via, address, timeout);
  }

  /** Drains {@code address} through {@code via} and follows it until it is removed; fails if it is not in time. */
  static void drain(AdminSession session, AdminClient via, String address, Duration timeout) {
    session.err().println("draining " + address + " through " + via.base() + " ...");
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode body = session.mapper().createObjectNode().put("address", address);
    CompletableFuture<AdminResponse> drain = via.postJsonAsync("/admin/nodes/drain", body, timeout);
    RemovalWatch watch = new RemovalWatch(via, address, session.err());
    boolean removed = watch.awaitRemoval(drain, deadline);
    AdminResponse answer = AdminClient.join(drain);
    // 202: the node stopped waiting, the member is still leaving; follow it to the end
    boolean gone = removed || "removed".equals(answer.body().path("status").asText())
        || watch.awaitRemoval(new CompletableFuture<>(), deadline);
    session.print(answer, json -> {
      if (gone) {
        session.out().println("drained " + address + ": removed from the cluster after " + watch.elapsed());
      }
    });
    if (!gone) {
      throw new AdminApiException(address + " is still " + watch.lastSeen() + " after " + timeout.toSeconds()
          + "s; the drain goes on: watch bin/concierge admin members");
    }
  }

  /** The node asked unless it is the one leaving, else another Up local member; empty when there is none. */
  static Optional<URI> via(URI asked, Members members, String leaving) {
    if (!members.self().equals(leaving)) {
      return Optional.of(asked);
    }
    return members.members().stream()
        .filter(member -> !member.address().equals(leaving) && member.status().equals(UP) && member.reachable())
        .flatMap(member -> LocalNodes.withAddress(member.address()).map(NodePorts::httpUrl).stream())
        .findFirst();
  }
}
