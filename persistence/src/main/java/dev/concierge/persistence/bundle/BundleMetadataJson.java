package dev.concierge.persistence.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concierge.models.recommend.BundleMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A bundle's metadata as JSON: in the bundle's manifest, in listings and wherever bundles are stored. */
public final class BundleMetadataJson {

  private BundleMetadataJson() {}

  public static void write(BundleMetadata metadata, ObjectNode json) {
    json.put("createdAt", metadata.createdAt().toString());
    json.put("dataFrom", metadata.dataFrom().toString());
    json.put("dataUntil", metadata.dataUntil().toString());
    json.put("events", metadata.events());
    json.put("trainingRows", metadata.trainingRows());
    ObjectNode metrics = json.putObject("metrics");
    new TreeMap<>(metadata.metrics()).forEach(metrics::put);
    json.put("provenance", metadata.provenance());
  }

  /** @throws InvalidBundleException when a required field is missing */
  public static BundleMetadata read(JsonNode json) {
    Map<String, Double> metrics = new HashMap<>();
    json.path("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
    return new BundleMetadata(
        instant(json, "createdAt"), instant(json, "dataFrom"), instant(json, "dataUntil"),
        json.path("events").asLong(), json.path("trainingRows").asLong(), metrics, json.path("provenance").asText(""));
  }

  private static Instant instant(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual()) {
      throw new InvalidBundleException("the bundle metadata has no '" + field + "'");
    }
    return Instant.parse(value.asText());
  }
}
