package dev.concierge.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the admin API's request bodies, each a 400 naming the field when it breaks its shape
 * ({@code schemas/experiment-request.schema.json}, {@code shard-move-request.schema.json},
 * {@code node-drain-request.schema.json}): they are checked here, before the model registry or the
 * cluster sees them.
 */
public final class AdminRequests {

  private static final String ARMS_SHAPE =
      "{\"arms\":{\"<version>\":<weight>,...}}; an empty object ends the experiment";
  private static final String MOVE_SHAPE = "{\"to\":\"pekko://concierge@<host>:<port>\"}";
  private static final String DRAIN_SHAPE = "{\"address\":\"pekko://concierge@<host>:<port>\"}";
  // printable ASCII without the space: an address never needs more, and it goes into logs and answers
  private static final char FIRST_ADDRESS_CHARACTER = '!';
  private static final char LAST_ADDRESS_CHARACTER = '~';

  private final ObjectReader reader;
  private final RequestLimits limits;

  public AdminRequests(ObjectMapper mapper, RequestLimits limits) {
    this.reader = Bodies.strictReader(mapper);
    this.limits = limits;
  }

  /** The name of an experiment, from the path of {@code PUT /admin/experiments/{name}}: an id. */
  public String experimentName(String name) {
    return Fields.checkedId(name, "experiment name");
  }

  /** The arms of {@code PUT /admin/experiments/{name}}: version to weight; none ends the experiment. */
  public Map<String, Double> arms(byte[] body) {
    JsonNode arms = Bodies.readObject(reader, body, ARMS_SHAPE).get("arms");
    if (Fields.absent(arms) || !arms.isObject()) {
      throw Fields.invalid("arms", "must be an object; send " + ARMS_SHAPE);
    }
    Fields.map(arms, "arms", limits.maxItemsPerList());
    Map<String, Double> weights = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = arms.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> arm = entries.next();
      String version = Fields.nameKey(arm.getKey(), "arms");
      weights.put(version, Fields.positiveNumber(arm.getValue(), Fields.entry("arms", version), limits.maxArmWeight()));
    }
    return weights;
  }

  /** The node a shard moves to, from {@code POST /admin/shards/{shardId}/move}. */
  public String moveTarget(byte[] body) {
    return address(body, "to", MOVE_SHAPE);
  }

  /** The node to drain, from {@code POST /admin/nodes/drain}. */
  public String drainAddress(byte[] body) {
    return address(body, "address", DRAIN_SHAPE);
  }

  // whether the address is a member's is the cluster's to say; this only keeps out what cannot be one
  private String address(byte[] body, String field, String shape) {
    JsonNode value = Bodies.readObject(reader, body, shape).get(field);
    if (Fields.absent(value) || !value.isTextual() || !isAddressText(value.asText())) {
      throw Fields.invalid(field, "must be a node address of 1 to " + limits.maxAddressLength()
          + " printable characters without spaces; send " + shape);
    }
    return value.asText();
  }

  private boolean isAddressText(String text) {
    if (text.isEmpty() || text.length() > limits.maxAddressLength()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < FIRST_ADDRESS_CHARACTER || text.charAt(i) > LAST_ADDRESS_CHARACTER) {
        return false;
      }
    }
    return true;
  }
}
