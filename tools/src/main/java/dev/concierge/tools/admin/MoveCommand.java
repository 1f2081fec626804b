package dev.concierge.tools.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/concierge admin move}: {@code POST /admin/shards/{shardId}/move}. */
@Command(
    name = "move",
    description = {
      "Moves shard SHARD (an id from bin/concierge admin shards) to NODE and waits until it lives there. Its entities"
          + " stop on the old node and start again on NODE from their journal, so no event is lost or counted twice."
          + " The shard stays pinned to NODE: the rebalancer does not move it back.",
      "The answer is one of:",
      "  moved    the shard lives on NODE now",
      "  pinned   the shard was not running; it starts on NODE when next used",
      "  pending  the node gave up waiting, the move goes on: watch bin/concierge admin shards"
    })
final class MoveCommand extends AdminAction {

  @Parameters(paramLabel = "SHARD", description = "the shard's id")
  private String shard;

  @Option(names = "--to", required = true, paramLabel = "NODE", converter = NodeReference.Converter.class,
      description = "a member's address (pekko://concierge@HOST:PORT), host:port or a local node's name (local2)")
  private NodeReference target;

  @Override
  void run(AdminSession session) {
    AdminClient client = session.client();
    String address = target.resolve(Members.fetch(client));
    JsonNode body = session.mapper().createObjectNode().put("to", address);
    AdminResponse moved = client.postJson("/admin/shards/" + URLEncoder.encode(shard, StandardCharsets.UTF_8) + "/move",
        body, AdminClient.SERVER_WAIT_TIMEOUT);
    session.print(moved, json -> print(json, shard, address, session.out()));
  }

  private static void print(JsonNode json, String shard, String address, PrintStream out) {
    String to = json.path("to").asText(address);
    String status = json.path("status").asText();
    String line = switch (status) {
      case "moved" -> "shard " + shard + " moved from " + json.path("from").asText("?") + " to " + to + " in "
          + json.path("tookMs").asText("?") + " ms";
      case "pinned" -> "shard " + shard + " is not running now; pinned to " + to + ", it starts there when next used";
      case "pending" -> "shard " + shard + " is still moving to " + to + " (the node stopped waiting; the move goes"
          + " on): watch bin/concierge admin shards";
      default -> "shard " + shard + ": " + json;
    };
    out.println(line);
  }
}
