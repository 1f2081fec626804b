package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.tools.UsageException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bin/concierge admin drain}: {@code POST /admin/nodes/drain}, sent to another node than the
 * one leaving (that one would stop answering halfway), then followed until the member is removed.
 */
final class DrainCommand {

  static final String USAGE =
      """
      Usage: bin/concierge admin drain NODE [--via URL] [--timeout S] [--json] [--url URL] [--token T]

      NODE leaves the cluster gracefully: its shards are handed off to the other nodes (their entities
      start there again from the journal, so nothing is lost or counted twice), then it is removed and
      its process exits. Waits until NODE is removed, printing each status it passes on stderr.

      The request goes to a node other than NODE: the one at --url unless that is NODE, else another
      Up member's HTTP URL (for local1..local3, http://127.0.0.1:808N), else --via.

        NODE          a member's address (pekko://concierge@127.0.0.1:2552), host:port (127.0.0.1:2552)
                      or local1..local3
        --via URL     the node to send the drain to (never NODE itself)
        --timeout S   give up waiting after S seconds (default 300; the drain itself goes on); exit code 1
      """ + AdminSession.GLOBAL_OPTIONS_HELP;

  private static final String VIA = "--via";
  private static final String TIMEOUT = "--timeout";
  private static final int DEFAULT_TIMEOUT_SECONDS = 300;
  private static final String UP = "Up";

  static final Subcommand COMMAND =
      new Subcommand("drain", USAGE, Set.of(VIA, TIMEOUT), Set.of(), DrainCommand::run);

  private DrainCommand() {}

  private static void run(AdminSession session) throws Exception {
    NodeReference node = NodeReference.parse(session.operands("NODE").get(0));
    Duration timeout = Duration.ofSeconds(session.options().positiveInt(TIMEOUT, DEFAULT_TIMEOUT_SECONDS));
    AdminClient asked = session.client();
    Members members = Members.fetch(asked);
    String address = node.resolve(members);
    AdminClient via = session.clientAt(via(session.options().value(VIA), asked.base(), members, address));
    if (!via.base().equals(asked.base()) && Members.fetch(via).self().equals(address)) {
      throw new UsageException(VIA + " " + via.base() + " is " + address + " itself; send the drain to another node");
    }

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

  /** {@code --via}, else the node asked unless it is the one leaving, else another Up local member. */
  static URI via(Optional<String> given, URI asked, Members members, String leaving) throws UsageException {
    if (given.isPresent()) {
      return AdminSession.url(given.get(), VIA);
    }
    if (!members.self().equals(leaving)) {
      return asked;
    }
    return members.members().stream()
        .filter(member -> !member.address().equals(leaving) && member.status().equals(UP) && member.reachable())
        .flatMap(member -> LocalNodes.httpUrl(member.address()).stream())
        .findFirst()
        .orElseThrow(() -> new UsageException(asked + " is " + leaving + " itself, and no other Up member is a local"
            + " node whose HTTP URL is known: pass --via URL of another node"));
  }
}
