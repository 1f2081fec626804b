package dev.concierge.persistence.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.models.recommend.ModelAssignment;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model assignment as stored, so that it outlives the cluster: JSON that names its format, so
 * that a node reads what an older one wrote and refuses by name what a newer one wrote.
 *
 * <p>Format 1: {@code {"format":1,"activeVersion":"lr-1","experiments":{"ab":{"lr-1":1.0,"xgb-1":1.0}}}},
 * {@code activeVersion} null while the built-in heuristic serves.
 */
public final class ModelAssignmentJson {

  static final int FORMAT = 1;

  private final ObjectMapper mapper;

  public ModelAssignmentJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** A stored assignment this node cannot read. */
  public static final class UnreadableAssignmentException extends RuntimeException {
    UnreadableAssignmentException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public String write(ModelAssignment assignment) {
    ObjectNode json = mapper.createObjectNode();
    json.put("format", FORMAT);
    json.put("activeVersion", assignment.activeVersion());
    ObjectNode experiments = json.putObject("experiments");
    new TreeMap<>(assignment.experiments()).forEach((name, arms) -> {
      ObjectNode weights = experiments.putObject(name);
      new TreeMap<>(arms).forEach(weights::put);
    });
    return json.toString();
  }

  /** @throws UnreadableAssignmentException when the text is not a stored assignment of a format this node knows */
  public ModelAssignment read(String text) {
    JsonNode json = parse(text);
    int format = json.path("format").asInt(0);
    if (format != FORMAT) {
      throw new UnreadableAssignmentException(
          "the stored model assignment has format " + format + "; this node reads format " + FORMAT
              + " (a newer Concierge wrote it: run that version)", null);
    }
    Map<String, Map<String, Double>> experiments = new HashMap<>();
    json.path("experiments").fields().forEachRemaining(experiment -> {
      Map<String, Double> arms = new HashMap<>();
      experiment.getValue().fields().forEachRemaining(arm -> arms.put(arm.getKey(), arm.getValue().asDouble()));
      experiments.put(experiment.getKey(), arms);
    });
    JsonNode active = json.path("activeVersion");
    try {
      return new ModelAssignment(active.isTextual() ? active.asText() : null, experiments);
    } catch (IllegalArgumentException e) {
      throw new UnreadableAssignmentException("the stored model assignment is not valid: " + e.getMessage(), e);
    }
  }

  private JsonNode parse(String text) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UnreadableAssignmentException("the stored model assignment is not JSON", e);
    }
  }
}
