package dev.concierge.api.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.engine.cluster.ClusterAdmin;
import dev.concierge.engine.sharding.ShardingSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Response bodies of the operator's admin API. */
public final class ClusterBodies {

  // largest first
  private static final Map<String, Long> UNITS = orderedUnits();

  private ClusterBodies() {}

  private static Map<String, Long> orderedUnits() {
    Map<String, Long> units = new LinkedHashMap<>();
    units.put("d", Duration.ofDays(1).toMillis());
    units.put("h", Duration.ofHours(1).toMillis());
    units.put("m", Duration.ofMinutes(1).toMillis());
    units.put("s", Duration.ofSeconds(1).toMillis());
    return units;
  }

  public static void members(JsonGenerator json, ClusterAdmin.MembersView view) throws IOException {
    json.writeStartObject();
    json.writeStringField("self", view.self());
    json.writeStringField("leader", view.leader());
    json.writeStringField("oldest", view.oldest());
    json.writeArrayFieldStart("members");
    for (ClusterAdmin.ClusterMember member : view.members()) {
      json.writeStartObject();
      json.writeStringField("address", member.address());
      json.writeStringField("status", member.status());
      ResponseBodies.stringArray(json, "roles", member.roles());
      json.writeBooleanField("reachable", member.reachable());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  public static void shards(JsonGenerator json, ClusterAdmin.ShardsView view) throws IOException {
    json.writeStartObject();
    json.writeNumberField("numberOfShards", view.numberOfShards());
    json.writeArrayFieldStart("nodes");
    for (ClusterAdmin.NodeShards node : view.nodes()) {
      json.writeStartObject();
      json.writeStringField("address", node.address());
      json.writeNumberField("shards", node.shards());
      json.writeNumberField("entities", node.entities());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("shards");
    for (ClusterAdmin.Shard shard : view.shards()) {
      json.writeStartObject();
      json.writeStringField("shardId", shard.shardId());
      json.writeStringField("node", shard.node());
      json.writeNumberField("entities", shard.entities());
      json.writeNumberField("eventsPerMinute", shard.eventsPerMinute());
      json.writeNumberField("decisionsPerMinute", shard.decisionsPerMinute());
      json.writeEndObject();
    }
    json.writeEndArray();
    ResponseBodies.stringArray(json, "unreachableNodes", view.unreachableNodes());
    ResponseBodies.stringArray(json, "lateNodes", view.lateNodes());
    json.writeEndObject();
  }

  public static void move(JsonGenerator json, ClusterAdmin.MoveResult result) throws IOException {
    json.writeStartObject();
    json.writeStringField("shardId", result.shardId());
    json.writeStringField("from", result.from());
    json.writeStringField("to", result.to());
    json.writeStringField("status", name(result.status()));
    json.writeNumberField("tookMs", result.tookMs());
    json.writeEndObject();
  }

  public static void drain(JsonGenerator json, ClusterAdmin.DrainResult result) throws IOException {
    json.writeStartObject();
    json.writeStringField("address", result.address());
    json.writeStringField("status", name(result.status()));
    json.writeNumberField("tookMs", result.tookMs());
    json.writeEndObject();
  }

  public static void allocation(JsonGenerator json, ClusterAdmin.AllocationView view) throws IOException {
    ShardingSettings settings = view.settings();
    json.writeStartObject();
    json.writeStringField("strategy", view.strategy());
    json.writeNumberField("numberOfShards", settings.numberOfShards());
    json.writeStringField("rebalanceInterval", duration(settings.rebalanceInterval()));
    json.writeNumberField("rebalanceAbsoluteLimit", settings.rebalanceAbsoluteLimit());
    json.writeNumberField("rebalanceRelativeLimit", settings.rebalanceRelativeLimit());
    json.writeObjectFieldStart("passivation");
    json.writeStringField("idleTimeout", duration(settings.passivationIdleTimeout()));
    json.writeNumberField("activeEntityLimit", settings.activeEntityLimit());
    json.writeEndObject();
    json.writeObjectFieldStart("pins");
    for (Map.Entry<String, String> pin : view.pins().entrySet()) {
      json.writeStringField(pin.getKey(), pin.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  // as configured in HOCON: 2s, 30m, 1h
  private static String duration(Duration duration) {
    long millis = duration.toMillis();
    for (Map.Entry<String, Long> unit : UNITS.entrySet()) {
      if (millis % unit.getValue() == 0) {
        return millis / unit.getValue() + unit.getKey();
      }
    }
    return millis + "ms";
  }

  // MOVED -> "moved", HANDED_OFF -> "handed-off"
  private static String name(Enum<?> status) {
    return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
