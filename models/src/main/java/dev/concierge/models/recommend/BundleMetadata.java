package dev.concierge.models.recommend;

import java.time.Instant;
import java.util.Map;

/**
 * What a bundle says about itself.
 *
 * @param dataFrom   the first event of the history it was built from
 * @param dataUntil  events at or after this instant were not used
 * @param events     events read
 * @param trainingRows labelled rows the model was trained on
 * @param metrics    measured quality, e.g. {@code auc} on held-out rows
 * @param provenance how it was made: trainer, settings, code version
 */
public record BundleMetadata(
    Instant createdAt,
    Instant dataFrom,
    Instant dataUntil,
    long events,
    long trainingRows,
    Map<String, Double> metrics,
    String provenance) {

  public BundleMetadata {
    metrics = Map.copyOf(metrics);
  }
}
