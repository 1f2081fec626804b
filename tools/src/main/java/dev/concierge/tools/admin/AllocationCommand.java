package dev.concierge.tools.admin;

import static dev.concierge.tools.admin.TextTable.Column.left;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code bin/concierge admin allocation}: {@code GET /admin/allocation}, one setting a line. Printed
 * generically, nested keys joined with dots, so settings the server adds show up without a change here.
 */
@Command(
    name = "allocation",
    description = "The shard allocation settings in force on the node asked: the strategy, the number of shards, how"
        + " often and how much the rebalancer moves, passivation, and the shards pinned to a node by"
        + " bin/concierge admin move.")
final class AllocationCommand extends AdminAction {

  @Override
  void run(AdminSession session) {
    session.print(session.client().get("/admin/allocation"), json -> {
      TextTable table = new TextTable(left("SETTING"), left("VALUE"));
      settings("", json).forEach(setting -> table.add(setting.getKey(), setting.getValue()));
      table.print(session.out());
    });
  }

  /** {@code {"passivation":{"idleTimeout":"30m"}}} -> {@code passivation.idleTimeout = 30m}. */
  static List<Map.Entry<String, String>> settings(String prefix, JsonNode json) {
    List<Map.Entry<String, String>> settings = new ArrayList<>();
    if (json.isObject() && !json.isEmpty()) {
      json.fields().forEachRemaining(field ->
          settings.addAll(settings(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue())));
    } else if (json.isArray()) {
      List<String> items = new ArrayList<>();
      json.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
      settings.add(Map.entry(prefix, items.isEmpty() ? "(none)" : String.join(", ", items)));
    } else {
      settings.add(Map.entry(prefix, json.isObject() ? "(none)" : json.asText()));
    }
    return settings;
  }
}
