package dev.concierge.tools.admin;

import static dev.concierge.tools.admin.TextTable.Column.left;
import static dev.concierge.tools.admin.TextTable.Column.right;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concierge.tools.cli.Converters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/concierge admin shards}: {@code GET /admin/shards}, per node and the hottest shards. */
@Command(
    name = "shards",
    description = "Where the shards live: per node its shards and live entities, then the hottest shards (events plus"
        + " decisions per minute, then entities) with their node. Move one with bin/concierge admin move SHARD --to"
        + " NODE.")
final class ShardsCommand extends AdminAction {

  @Option(names = "--top", paramLabel = "N", defaultValue = "20", converter = Converters.PositiveInt.class,
      description = "how many of the hottest shards to list (default ${DEFAULT-VALUE})")
  private int top;

  @Override
  void run(AdminSession session) {
    session.print(session.client().get("/admin/shards"), json -> print(json, top, session.out()));
  }

  private static void print(JsonNode json, int top, PrintStream out) {
    TextTable nodes = new TextTable(left("NODE"), right("SHARDS"), right("ENTITIES"));
    json.path("nodes").forEach(node ->
        nodes.add(node.path("address").asText(), node.path("shards").asText(), node.path("entities").asText()));
    out.println(json.path("numberOfShards").asInt() + " shards");
    nodes.print(out);
    printNodes(json.path("unreachableNodes"), "unreachable, not counted: ", out);
    printNodes(json.path("lateNodes"), "did not list their shards in time, not counted (ask again): ", out);

    JsonNode shards = json.path("shards");
    TextTable hottest = new TextTable(left("SHARD"), left("NODE"), right("ENTITIES"), right("EVENTS/MIN"),
        right("DECISIONS/MIN"));
    // the server sorts hottest first
    for (int i = 0; i < Math.min(top, shards.size()); i++) {
      JsonNode shard = shards.get(i);
      hottest.add(shard.path("shardId").asText(), shard.path("node").asText(), shard.path("entities").asText(),
          shard.path("eventsPerMinute").asText(), shard.path("decisionsPerMinute").asText());
    }
    out.println();
    out.println("hottest " + Math.min(top, shards.size()) + " of " + shards.size() + " allocated shards");
    hottest.print(out);
  }

  private static void printNodes(JsonNode addresses, String label, PrintStream out) {
    List<String> nodes = new ArrayList<>();
    addresses.forEach(node -> nodes.add(node.asText()));
    if (!nodes.isEmpty()) {
      out.println(label + String.join(", ", nodes));
    }
  }
}
