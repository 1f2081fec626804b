package dev.concierge.api.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.concierge.engine.model.BundleSummary;
import dev.concierge.engine.model.InstallStatus;
import dev.concierge.engine.model.ModelRegistry;
import dev.concierge.models.CatalogEdits;
import dev.concierge.models.recommend.BundleMetadata;
import dev.concierge.models.recommend.ModelAssignment;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Response bodies of the admin API. */
public final class AdminBodies {

  private AdminBodies() {}

  /** The answer of {@code PUT /admin/catalog/items}: every item accepted, and what each did. */
  public static void catalogLoaded(JsonGenerator json, CatalogEdits.Resolved resolved) throws IOException {
    json.writeStartObject();
    json.writeNumberField("accepted", resolved.writes().size());
    json.writeNumberField("created", resolved.created());
    json.writeNumberField("updated", resolved.updated());
    json.writeNumberField("deleted", resolved.deleted());
    json.writeEndObject();
  }

  public static void models(JsonGenerator json, ModelRegistry.ModelsReport report) throws IOException {
    json.writeStartObject();
    json.writeFieldName("assignment");
    assignment(json, report.assignment());
    json.writeArrayFieldStart("loadedHere");
    for (String version : new java.util.TreeSet<>(report.loadedHere())) {
      json.writeString(version);
    }
    json.writeEndArray();
    install(json, report.install());
    json.writeArrayFieldStart("bundles");
    for (BundleSummary bundle : report.bundles()) {
      bundle(json, bundle);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** How this node's install of the assignment goes: a failing one shows its tries and why. */
  private static void install(JsonGenerator json, InstallStatus install) throws IOException {
    json.writeObjectFieldStart("install");
    json.writeNumberField("servingGeneration", install.servingGeneration());
    json.writeNumberField("latestGeneration", install.latestGeneration());
    json.writeNumberField("failedAttempts", install.failedAttempts());
    json.writeStringField("lastFailure", install.lastFailure());
    json.writeEndObject();
  }

  public static void bundle(JsonGenerator json, BundleSummary bundle) throws IOException {
    json.writeStartObject();
    json.writeStringField("version", bundle.version());
    json.writeStringField("kind", bundle.kind());
    json.writeStringField("publishedAt", bundle.publishedAt().toString());
    BundleMetadata metadata = bundle.metadata();
    json.writeObjectFieldStart("metadata");
    json.writeStringField("createdAt", metadata.createdAt().toString());
    json.writeStringField("dataFrom", metadata.dataFrom().toString());
    json.writeStringField("dataUntil", metadata.dataUntil().toString());
    json.writeNumberField("events", metadata.events());
    json.writeNumberField("trainingRows", metadata.trainingRows());
    json.writeObjectFieldStart("metrics");
    for (Map.Entry<String, Double> metric : new TreeMap<>(metadata.metrics()).entrySet()) {
      json.writeNumberField(metric.getKey(), metric.getValue());
    }
    json.writeEndObject();
    json.writeStringField("provenance", metadata.provenance());
    json.writeEndObject();
    json.writeEndObject();
  }

  public static void assignment(JsonGenerator json, ModelAssignment assignment) throws IOException {
    json.writeStartObject();
    json.writeStringField("activeVersion", assignment.activeVersion());
    json.writeObjectFieldStart("experiments");
    for (Map.Entry<String, Map<String, Double>> experiment : new TreeMap<>(assignment.experiments()).entrySet()) {
      json.writeObjectFieldStart(experiment.getKey());
      json.writeObjectFieldStart("arms");
      for (Map.Entry<String, Double> arm : new TreeMap<>(experiment.getValue()).entrySet()) {
        json.writeNumberField(arm.getKey(), arm.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeEndObject();
  }
}
